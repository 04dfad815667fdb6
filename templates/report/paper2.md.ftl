# Seed paper 2 (Plouet et al.): spintronic recurrent network on sequential digits

Made by `${command}` (oscnet ${version}, ${minutes} minutes). Setting: ${settings}.
Test accuracy after the last epoch, seeds 1..N (the seed draws the masks, the initial weights and
the batches). "Continuous time" is the same trained parameters integrated with fine Heun steps:
what a continuous-time circuit (the SPICE netlist, the real oscillators) would score. "Best
test epoch" is the highest test accuracy over the epochs of each run: chosen on the test set, so
it flatters, and given only because the paper does not say which epoch its figure is from.
The trainings run as one sweep, a task per variant and seed (`results.jsonl` beside this report;
the table's tasks keep their trained files under `tasks/`): rerunning the command into the same
folder trains only what is missing, `--engine spark` runs them on Spark, and a study point whose
values are the example's is the table's task of the same seed, trained once.
<#if failed?has_content>

**Failed training tasks, missing from the rows and points (rerun the same command to retry them):**
<#list failed as task>`${task}`<#sep>, </#sep></#list>.
</#if>

<#if rows?has_content>
| model | ours: mean ± std (%) | continuous time (%) | best test epoch (%) | paper (%) | seeds | each seed (%) |
|---|---|---|---|---|---|---|
<#list rows as r>
| ${r.model} | ${r.ours} | ${r.continuous} | ${r.best} | ${r.paper} | ${r.seeds} | ${r.each} |
</#list>
</#if>

<#if curves?has_content>
## Design rules

Each point is the median test accuracy over its seeds; the other settings are the example's.
Paper: best at Δt = 1 ns for τ = 14.12 ns, within a fivefold window (0.4–2.5 ns); cumulative drive
I·Δt ≈ 1 best; density 50 %: 90.28 %, 30 %: 85.42 %, 20 %: 77.78 %; inter-layer alone at 20 %: 87.22 %.

<#list curves as c>
### ${c.study}: ${c.series}

| ${c.xLabel} | median (%) | each seed (%) |
|---|---|---|
<#list c.points as p>
| ${p.x} | ${p.median} | ${p.each} |
</#list>

</#list>
<#list plots as p>
![${p}](${p})
</#list>
</#if>
