# Seed paper 3 (Wang, Wanjura, Marquardt): XY networks trained by equilibrium propagation

Made by `${command}` (oscnet ${version}, ${minutes} minutes). Setting: ${settings}.
Seeds 1..N draw the initial parameters, the batches and the random starting phases. Three test
accuracies per run: **best** is the maximum over checkpoints, chosen on the test set (the figure the
authors report, optimistic); **at lowest training cost** is the checkpoint whose batches since the
previous checkpoint had the lowest mean cost (chosen without the test set); **final** is after the
last step (the parameters that `oscnet compile` would use).

<#if rows?has_content>
| network | units | couplings | authors' best (%) | ours: best (%) | gap (points) | at lowest training cost (%) | final (%) | seeds | each seed: best / chosen / final (%) | s per step | test relaxations unsettled (%) |
|---|---|---|---|---|---|---|---|---|---|---|---|
<#list rows as r>
| ${r.network} | ${r.units} | ${r.couplings} | ${r.authors} | ${r.best} | ${r.gap} | ${r.chosen} | ${r.final} | ${r.seeds} | ${r.each} | ${r.stepSeconds} | ${r.unsettled} |
</#list>
</#if>
<#if xor??>

## Multistability (XOR, `examples/xor_xy.osc`)

The trained XOR network (test accuracy ${xorAccuracy} %) relaxed from ${xorStarts} random starts per
input, to max |dφ/dt| < 1e-8; equilibria whose phases all agree within 1e-3 rad count as one.

| input -> class | distinct equilibria | starts ending in the right class |
|---|---|---|
<#list xor as x>
| ${x.input} | ${x.equilibria} | ${x.right} of ${xorStarts} |
</#list>
</#if>

<#list plots as p>
![${p}](${p})
</#list>
