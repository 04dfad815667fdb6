<#include "header.ftl">
* The Stuart-Landau network `${name}` (${free} free oscillators, ${inputs} clamped inputs), test row ${row} (label ${label}).
* Each free oscillator's complex envelope z = x + iy, in the frame rotating at the mean frequency, is the pair of
* voltages v(x<f>), v(y<f>) on two 1 F capacitors; a behavioural current source gives each its time derivative,
* dz/dt = (mu + i dw - |z|^2) z + sum_g W z_g + field, mu = ${mu}. The clamped inputs and the biases are the
* constant field of this row. Time is the model's (1 s = one unit, 1/omega). The 1 TOhm resistors only give
* every node a DC path (their leak, 1e-12 per volt, is far below the check's tolerance).
* Output: "oscnet_state <row> <x_0> ... <x_${free - 1}> <y_0> ... <y_${free - 1}>" at t = ${duration}.

<#list units as u>
* free unit ${u.id} (${u.role})
cx${u.id} x${u.id} 0 1
rx${u.id} x${u.id} 0 1e12
bx${u.id} 0 x${u.id} i = { ${u.flowX} }
cy${u.id} y${u.id} 0 1
ry${u.id} y${u.id} 0 1e12
by${u.id} 0 y${u.id} i = { ${u.flowY} }
</#list>
<#list units as u>
.ic v(x${u.id})=${u.startX} v(y${u.id})=${u.startY}
</#list>

.options reltol=1e-7 abstol=1e-12 vntol=1e-10 method=gear
.control
tran ${maxStep} ${duration} 0 ${maxStep} uic
<#list units as u>
meas tran mx${u.id} find v(x${u.id}) at=${duration}
</#list>
<#list units as u>
meas tran my${u.id} find v(y${u.id}) at=${duration}
</#list>
echo oscnet_state ${row} <#list units as u>$&mx${u.id} </#list><#list units as u>$&my${u.id}<#sep> </#list>
* batch mode: a normal end exits 0 (a missing result line is what verify looks for)
quit 0
.endc
.end
