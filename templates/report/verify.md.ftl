# Verification of `${name}`

oscnet ${version}, folder `${folder}`. <#if allPassed>Every check passed.<#else>**Some checks failed.**</#if>

## Bit-exact checks

The vectors hold ${vectors} inputs: the first ${testRows} test-set rows, then ${randomRows} random ones
(seed ${randomSeed}). Each run compares ${compared}; sample 0's phases are also compared step by step.

| check | result | detail | seconds |
|---|---|---|---|
<#list checks as c>
| ${c.name} | ${c.passed?then("pass", "**FAIL**")} | ${c.detail} | ${c.seconds} |
</#list>

## Accuracy

| | test accuracy |
|---|---|
| float simulator (training) | ${floatAccuracy} % |
| fixed-point hardware (Java model = Verilog) | ${fixedAccuracy} % |

## Resources and timing

| | |
|---|---|
<#list resources as r>
| ${r.key} | ${r.value} |
</#list>
