<#include "header.ftl">
* Level 2 auto-oscillator model of the Kuramoto classifier `${name}`: ${oscillators} STNOs coupled through
* resistive in-phase and quadrature buses, biased by the DAC codes of dac/bias.csv; one transient per
* test sample (${samples?size}), ${durationNs} ns with steps of at most ${stepPs} ps, mean frequencies over the last ${readoutNs} ns.
* Output: "oscnet_sample <row> <f_0 - fc> ... <f_${oscillators - 1} - fc>" in Hz, fc = ${centreMhz} MHz.
<#include "stno_subckt.ftl">

<#list oscillatorIndices as i>
xs${i} re${i} im${i} ph${i} bias${i} sumre sumim outre${i} outim${i} oscnet_stno
ib${i} 0 bias${i} dc ${samples[0].biases[i]}
rre${i} outre${i} sumre ${busOhms}
rim${i} outim${i} sumim ${busOhms}
</#list>
<#include "options.ftl">

.control
save <#list oscillatorIndices as i>ph${i}<#sep> </#list>
<#list samples as s>
* test sample ${s.row} (label ${s.label})
<#list oscillatorIndices as i>
alter ib${i} dc = ${s.biases[i]}
alter @c.xs${i}.cre[ic] = ${s.re[i]}
alter @c.xs${i}.cim[ic] = ${s.im[i]}
</#list>
tran ${outputStep} ${duration} 0 ${step} uic
<#list oscillatorIndices as i>
meas tran a${i} find v(ph${i}) at=${readoutStart}
meas tran b${i} find v(ph${i}) at=${duration}
let d${i} = (b${i} - a${i})/${readout}
</#list>
echo oscnet_sample ${s.row} <#list oscillatorIndices as i>$&d${i}<#sep> </#list>
destroy all
</#list>
* batch mode: a normal end exits 0 (a missing result line is what verify looks for)
quit 0
.endc
.end
