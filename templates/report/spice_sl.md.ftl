# SPICE verification of `${name}`

oscnet ${version}, folder `${folder}`, ${ngspice}. <#if allPassed>Every check passed.<#else>**Some checks failed.**</#if>

Each netlist integrates the trained Stuart-Landau network for one test row: every free
oscillator's complex envelope (frame rotating at the mean frequency) as two capacitor voltages fed
by behavioural current sources, the clamped inputs and biases as the row's constant injected field.
ngspice (Gear, reltol 1e-7, steps of at most ${maxStep}) runs from the simulator's random start to
t = ${duration}; the simulator runs the same relaxation with its adaptive reference solver
(${reference}). Phases
must agree within ${phaseTolerance} rad and amplitudes within ${amplitudeTolerance}, and the
predicted class (the output with the largest sin φ) must be the same.

| check | result | detail | seconds |
|---|---|---|---|
<#list checks as c>
| ${c.name} | ${c.passed?then("pass", "**FAIL**")} | ${c.detail} | ${c.seconds} |
</#list>

## Samples

| test row | label | ngspice class | simulator class | largest phase difference (rad) |
|---|---|---|---|---|
<#list samples as s>
| ${s.row} | ${s.label} | ${s.spice} | ${s.reference} | ${s.difference} |
</#list>
