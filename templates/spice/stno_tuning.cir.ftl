<#include "header.ftl">
* Level 2 tuning curve: one free-running STNO of `${name}` at ${currents?size} bias currents, started on
* its limit cycle; frequency over the last ${readoutNs} ns of ${durationNs} ns.
* Output: "oscnet_tuning <bias A> <f - fc>" in Hz, fc = ${centreMhz} MHz.
<#include "stno_subckt.ftl">

xs0 re0 im0 ph0 bias0 0 0 outre0 outim0 oscnet_stno n=1 k=0
ib0 0 bias0 dc ${currents[0].amps}
<#include "options.ftl">

.control
save ph0
<#list currents as c>
alter ib0 dc = ${c.amps}
alter @c.xs0.cre[ic] = ${c.re}
alter @c.xs0.cim[ic] = ${c.im}
tran ${outputStep} ${duration} 0 ${step} uic
meas tran a0 find v(ph0) at=${readoutStart}
meas tran b0 find v(ph0) at=${duration}
let d0 = (b0 - a0)/${readout}
echo oscnet_tuning ${c.amps} $&d0
destroy all
</#list>
* batch mode: a normal end exits 0 (a missing result line is what verify looks for)
quit 0
.endc
.end
