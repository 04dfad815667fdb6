# Seed paper 3 (Wang, Wanjura, Marquardt): XY networks trained by equilibrium propagation

Made by `${command}` (oscnet ${version}, ${minutes} minutes). Setting: ${settings}.
Seeds 1..N draw the initial parameters, the batches and the random starting phases. Three test
accuracies per run: **best** is the maximum over checkpoints, chosen on the test set (the figure the
authors report, optimistic); **at lowest training cost** is the checkpoint whose batches since the
previous checkpoint had the lowest mean cost (chosen without the test set); **final** is after the
last step (the parameters that `oscnet compile` would use).

The trainings are a sweep: one task per network and seed (the example file with its size and
seed in place), each a line of `results.jsonl` with its trained files under `tasks/`; a rerun
into the same folder trains only what is missing, and `--engine spark` runs them on Spark. The
XOR study and the solver comparison run in the driver (the latter on the kept 64-20-10, seed 1).
<#if failed?has_content>

**Failed training tasks, missing from the rows (rerun the same command to retry them):**
<#list failed as task>`${task}`<#sep>, </#sep></#list>.
</#if>

<#if rows?has_content>
| network | units | couplings | authors' best (%) | ours: best (%) | gap (points) | at lowest training cost (%) | final (%) | seeds | each seed: best / chosen / final (%) | s per step | test relaxations unsettled (%) |
|---|---|---|---|---|---|---|---|---|---|---|---|
<#list rows as r>
| ${r.network} | ${r.units} | ${r.couplings} | ${r.authors} | ${r.best} | ${r.gap} | ${r.chosen} | ${r.final} | ${r.seeds} | ${r.each} | ${r.stepSeconds} | ${r.unsettled} |
</#list>
</#if>
<#if xor??>

## Multistability (XOR, `examples/xor_xy.osc`)

The trained XOR network (test accuracy ${xorAccuracy} %) and the same network at its initial
parameters, relaxed from ${xorStarts} random starts per input to max |dφ/dt| < 1e-7 (or t = 2000);
settled equilibria whose phases all agree within 1e-3 rad count as one; starts still moving at
t = 2000 are counted apart (unsettled).

| input -> class | trained: distinct equilibria | trained: unsettled | trained: starts ending in the right class | before training: distinct equilibria | before training: unsettled |
|---|---|---|---|---|---|
<#list xor as x>
| ${x.input} | ${x.equilibria} | ${x.unsettled} | ${x.right} of ${xorStarts} | ${x.untrained} | ${x.untrainedUnsettled} |
</#list>
</#if>
<#if solvers??>

## Fast solvers against the adaptive reference

Layers ${solvers.network}, trained ${solvers.steps} steps (seed 1); its 700 test digits relaxed from
the same random starts by Dormand-Prince 5(4) with adaptive steps (Hipparchus; rtol = atol = 1e-8,
the authors' layered setting), by Euler steps and by FIRE (inertial energy minimisation, batched),
all stopped at max |dφ/dt| < 1e-4 or t = 100 (FIRE: the same number of steps as Euler).

| solver | test accuracy (%) | wall time (s) | largest phase difference from the reference (rad) | digits more than 1e-3 rad from the reference (another equilibrium, %) |
|---|---|---|---|---|
| adaptive (one sample at a time) | ${solvers.adaptive} | ${solvers.adaptiveSeconds} | | |
<#list solvers.fast as f>
| ${f.name} (batched) | ${f.accuracy} | ${f.seconds} | ${f.largest} | ${f.different} |
</#list>
</#if>

<#list plots as p>
![${p}](${p})
</#list>
