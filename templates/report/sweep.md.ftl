<#-- Summary of a sweep. Every number is computed in Java (SweepSummary) from results.jsonl alone; this only formats. -->
# Sweep of `${source}`

Made from `results.jsonl` alone (${tasks} tasks: ${ok} ok, ${failed} failed). Rerunning
`${command}` skips the tasks already there and remakes this file. Accuracies are **test**
accuracy on the split each variant's dataset block declares, in %.<#if hardware> Rows marked
"(fixed point)" are the accuracy of the network's fixed-point array (its `verilog` block, bit-exact
Java semantics of the generated Verilog), measured per task without emitting files.</#if><#if dac>
Rows marked "(DAC codes)" are the accuracy at the frequencies the `dac` block's codes give its
nominal device, "(device spread)" the mean over 10 chips (seeded) whose devices spread by the
device's `spread`, biased by the same codes (uncalibrated).</#if>

<#list axes as axis>
## Test accuracy against `${axis.path}`

Mean and sample standard deviation over the tasks with that value (every combination of the
other swept settings<#if axis.others?has_content>: ${axis.others}</#if>).

| `${axis.path}` | network | mean % | std | tasks |
|---|---|---:|---:|---:|
<#list axis.rows as row>
| ${row.value} | ${row.network} | ${row.mean} | ${row.std} | ${row.count} |
</#list>

<#if axis.plot?has_content>
![test accuracy against ${axis.path}](${axis.plot})

</#if>
</#list>
<#if settings?has_content>
## Each setting over seeds

Test accuracy in %: mean ± sample standard deviation over the seeds, and the worst seed.

| settings | network | seeds | float | fixed point | cycles per sample |<#if dac> DAC codes | device spread |</#if>
|---|---|---:|---|---|---:|<#if dac>---|---|</#if>
<#list settings as row>
| `${row.combination}` | ${row.network} | ${row.seeds} | ${row.float} | ${row.fixed} | ${row.cycles} |<#if dac> ${row.dac} | ${row.spread} |</#if>
</#list>

</#if>
<#if cyclesPlot?has_content>
## Test accuracy against clock cycles per classification

Mean and spread over the tasks whose hardware takes the same number of cycles per sample.

![test accuracy against cycles per sample](${cyclesPlot})

</#if>
## Tasks

| task | network | train % | test % | fixed-point test % | cycles per sample |<#if dac> DAC codes test % | device spread test % |</#if> wall s | host |
|---|---|---:|---:|---:|---:|<#if dac>---:|---:|</#if>---:|---|
<#list rows as row>
| `${row.task}` | ${row.network} | ${row.train} | ${row.test} | ${row.fixed} | ${row.cycles} |<#if dac> ${row.dac} | ${row.spread} |</#if> ${row.wall} | ${row.host} |
</#list>
<#if failures?has_content>

## Failed tasks

<#list failures as f>
- `${f.task}`: ${f.error}
</#list>
</#if>
