<#include "header.ftl">
* Level 2 coupled pair: two STNOs of `${name}` on the resistive buses with coupling ${couplingMhz} MHz,
* the first at ${pairBaseMhz} MHz and the second detuned by each of ${cases?size} offsets. The phase-reduced
* model locks them when the detuning is below 2k = ${lockRangeMhz} MHz and lets them drift otherwise.
* Output: "oscnet_pair <case> <f_0 - fc> <f_1 - fc>" in Hz, fc = ${centreMhz} MHz.
<#include "stno_subckt.ftl">

<#list [0, 1] as i>
xs${i} re${i} im${i} ph${i} bias${i} sumre sumim outre${i} outim${i} oscnet_stno n=2
ib${i} 0 bias${i} dc ${cases[0].biases[i]}
rre${i} outre${i} sumre ${busOhms}
rim${i} outim${i} sumim ${busOhms}
</#list>
<#include "options.ftl">

.control
save ph0 ph1
<#list cases as c>
* case ${c?index}: detuning ${c.detuningMhz} MHz
<#list [0, 1] as i>
alter ib${i} dc = ${c.biases[i]}
alter @c.xs${i}.cre[ic] = ${c.re[i]}
alter @c.xs${i}.cim[ic] = ${c.im[i]}
</#list>
tran ${outputStep} ${duration} 0 ${step} uic
<#list [0, 1] as i>
meas tran a${i} find v(ph${i}) at=${readoutStart}
meas tran b${i} find v(ph${i}) at=${duration}
let d${i} = (b${i} - a${i})/${readout}
</#list>
echo oscnet_pair ${c?index} $&d0 $&d1
destroy all
</#list>
* batch mode: a normal end exits 0 (a missing result line is what verify looks for)
quit 0
.endc
.end
