# SPICE verification of `${name}`

oscnet ${version}, folder `${folder}`, ${ngspice}. <#if allPassed>Every check passed.<#else>**Some checks failed.**</#if>

Each netlist integrates the trained network for one test sequence: behavioural integrators for the
neurons' power x, RC high-pass sections for their outputs y, controlled sources for the weighted
sums, a PWL source for the input. Its last-layer outputs go through the trained readout (softmax)
and are compared with the simulator's at ${referenceSubsteps} Heun steps per input point, which
stands for the continuous-time model the netlist integrates; the tolerance is ${tolerance} on
every class probability (ngspice's reltol is 1e-5 and it prints 6 digits; the simulator's own
discretisation error at that step is far below it). The simulator at the trained step is shown
beside it: where it differs, the trained integration step, not the circuit, is the cause.

| check | result | detail | seconds |
|---|---|---|---|
<#list checks as c>
| ${c.name} | ${c.passed?then("pass", "**FAIL**")} | ${c.detail} | ${c.seconds} |
</#list>

## Samples

| test row | label | ngspice class | simulator (reference) | simulator (trained step) | largest probability difference |
|---|---|---|---|---|---|
<#list samples as s>
| ${s.row} | ${s.label} | ${s.spice} | ${s.reference} | ${s.trained} | ${s.difference} |
</#list>
