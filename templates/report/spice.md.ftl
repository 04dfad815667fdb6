# SPICE verification of `${name}`

oscnet ${version}, folder `${folder}`, ${ngspice}. <#if allPassed>Every check passed.<#else>**Some checks failed.**</#if>

Every netlist is biased by the DAC codes of `../dac/bias.csv` (${samples} test samples) and starts from
the initial phases the simulator uses (seed ${phaseSeed}). The simulator runs the same network at the
frequencies those codes give.

| check | result | detail | seconds |
|---|---|---|---|
<#list checks as c>
| ${c.name} | ${c.passed?then("pass", "**FAIL**")} | ${c.detail} | ${c.seconds} |
</#list>

## Accuracy on the test set

| | test accuracy |
|---|---|
<#list accuracies as a>
| ${a.key} | ${a.value} % |
</#list>

## Device spread (Monte Carlo)

Each trial draws one STNO per oscillator with f0, N and I_th scaled by independent `1 + s N(0,1)`
(${trials} trials per spread, seed ${monteCarloSeed}), then runs the simulator on the test set with the
nominal DAC codes (uncalibrated) and with codes recomputed from each device's own tuning curve
(calibrated; still ${dacBits}-bit). Plot: `device_spread.png`.

| spread | uncalibrated mean | uncalibrated worst | calibrated mean | calibrated worst |
|---|---|---|---|---|
<#list monteCarlo as r>
| ${r.spread} % | ${r.uncalibratedMean} % | ${r.uncalibratedWorst} % | ${r.calibratedMean} % | ${r.calibratedWorst} % |
</#list>
