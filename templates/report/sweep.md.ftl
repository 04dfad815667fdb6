<#-- Summary of a sweep. Every number is computed in Java (SweepSummary) from results.jsonl alone; this only formats. -->
# Sweep of `${source}`

Made from `results.jsonl` alone (${tasks} tasks: ${ok} ok, ${failed} failed). Rerunning
`${command}` skips the tasks already there and remakes this file. Accuracies are **test**
accuracy on the split each variant's dataset block declares, in %.

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
## Tasks

| task | network | train % | test % | wall s | host |
|---|---|---:|---:|---:|---|
<#list rows as row>
| `${row.task}` | ${row.network} | ${row.train} | ${row.test} | ${row.wall} | ${row.host} |
</#list>
<#if failures?has_content>

## Failed tasks

<#list failures as f>
- `${f.task}`: ${f.error}
</#list>
</#if>
