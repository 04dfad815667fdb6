<#include "header.ftl">
* Level 1 phase macromodel of the Kuramoto classifier `${name}`: ${oscillators} oscillators, coupling
* ${couplingMhz} MHz all to all, biased by the DAC codes of dac/bias.csv; one transient per test sample
* (${samples?size}), ${durationNs} ns with steps of at most ${stepPs} ps, mean frequencies over the last ${readoutNs} ns.
* Output: "oscnet_sample <row> <f_0 - fc> ... <f_${oscillators - 1} - fc>" in Hz, fc = ${centreMhz} MHz.
<#include "phase_subckt.ftl">

<#list oscillatorIndices as i>
xo${i} th${i} sums sumc bias${i} oscnet_phase
ib${i} 0 bias${i} dc ${samples[0].biases[i]}
</#list>
bsin sums 0 v = { <#list oscillatorIndices as i>sin(2*pi*v(th${i}))<#sep> + </#list> }
bcos sumc 0 v = { <#list oscillatorIndices as i>cos(2*pi*v(th${i}))<#sep> + </#list> }
<#include "options.ftl">

.control
save <#list oscillatorIndices as i>th${i}<#sep> </#list>
<#list samples as s>
* test sample ${s.row} (label ${s.label})
<#list oscillatorIndices as i>
alter ib${i} dc = ${s.biases[i]}
alter @c.xo${i}.cth[ic] = ${s.phases[i]}
</#list>
tran ${outputStep} ${duration} 0 ${step} uic
<#list oscillatorIndices as i>
meas tran a${i} find v(th${i}) at=${readoutStart}
meas tran b${i} find v(th${i}) at=${duration}
let d${i} = (b${i} - a${i})/${readout}
</#list>
echo oscnet_sample ${s.row} <#list oscillatorIndices as i>$&d${i}<#sep> </#list>
destroy all
</#list>
* batch mode: a normal end exits 0 (a missing result line is what verify looks for)
quit 0
.endc
.end
