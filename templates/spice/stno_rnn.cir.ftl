<#include "header.ftl">
* The spintronic recurrent network `${name}` (${neurons} STNO neurons in layers ${layers}), test row ${row}
* (label ${label}). Each neuron's normalised power x is the voltage of a 1 nF capacitor fed by a behavioural
* current source (time in ns: dV/dt = I / 1 nF), its output y a real RC high-pass section (${highpassKohm} kOhm,
* 1 pF: f_cut = ${highpassMhz} MHz) behind a unity buffer; each drive d (in 1/ns) is a controlled source summing
* the weighted outputs; the input is a PWL source holding one feature per ${periodNs} ns.
* Output: "oscnet_outputs <row> <y_0> ... <y_${lastSize - 1}>", the last layer's outputs after ${durationNs} ns.

vin u 0 pwl(${pwl})
<#list cells as c>
* layer ${c.layer}, neuron ${c.index}
cx${c.id} x${c.id} 0 1n
bx${c.id} 0 x${c.id} i = { ${c.flow} }
ex${c.id} xb${c.id} 0 x${c.id} 0 1
cf${c.id} xb${c.id} y${c.id} 1p
rf${c.id} y${c.id} 0 ${highpassOhm}
bd${c.id} d${c.id} 0 v = { ${c.drive} }
</#list>
<#list cells as c>
.ic v(x${c.id})=${c.rest} v(y${c.id})=0
</#list>

.options reltol=1e-5 abstol=1e-12 vntol=1e-9 method=gear
.control
tran ${stepPs}p ${durationNs}n 0 ${stepPs}p
<#list lastCells as id>
meas tran o${id?index} find v(y${id}) at=${durationNs}n
</#list>
echo oscnet_outputs ${row} <#list lastCells as id>$&o${id?index}<#sep> </#list>
* batch mode: a normal end exits 0 (a missing result line is what verify looks for)
quit 0
.endc
.end
