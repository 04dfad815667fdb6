# Seed paper 4 (Rageau and Grollier): phase and amplitude-phase oscillator networks trained by equilibrium propagation, under dispersion and noise

Made by `${command}` (oscnet ${version}, ${minutes} minutes). Data: ${dataset}. Setting: ${settings}.
Seeds 1..N draw the initial parameters, the batches, the random starting phases and the devices'
natural frequencies. The model, the derivations and what the paper's abstract leaves open are in
[docs/paper4.md](../../paper4.md).

**The published figures come from the 60 000 MNIST training images; ours from 8 000** (only the
10 000 test images are available here), so they are not the same experiment: the tanh perceptron
trained on the same 8 000 images is the fair yardstick.

The networks train as one sweep, a task per network and seed (`results.jsonl` beside this report,
trained files under `tasks/`): rerunning the command into the same folder trains only what is
missing, and `--engine spark` runs them on Spark. The baseline and the robustness curves (on the
kept seed-1 networks) run in the command.
<#if failed?has_content>

**Failed training tasks, missing from the rows (rerun the same command to retry them):**
<#list failed as task>`${task}`<#sep>, </#sep></#list>.
</#if>

<#if rows?has_content>
| network | example | units | couplings | published (%) | ours: final (%) | best checkpoint (%, chosen on the test set) | at lowest training cost (%) | seeds | each seed: final (%) | s per step | minutes per run | test relaxations unlocked (%) |
|---|---|---|---|---|---|---|---|---|---|---|---|---|
<#list rows as r>
| ${r.network} | `examples/${r.file}` | ${r.units} | ${r.couplings} | ${r.published} | ${r.final} | ${r.best} | ${r.chosen} | ${r.seeds} | ${r.each} | ${r.stepSeconds} | ${r.minutes} | ${r.unlocked} |
</#list>
</#if>
<#if baseline??>
| tanh perceptron ${baseline.hidden} hidden, backprop (SGD, batch ${baseline.batch}, lr ${baseline.lr}, ${baseline.epochs} epochs, softmax cross-entropy) | - | - | - | - | ${baseline.final} | - | - | ${baseline.seeds} | ${baseline.each} | - | ${baseline.seconds} s in all | - |
</#if>
<#if curves?has_content>

## Robustness: frequency dispersion and phase noise

Each network is evaluated on the test set with its devices' natural frequencies spread by the
given dispersion (standard deviation over the mean; one draw of devices per network, scaled to
each level), or with phase noise of the given linewidth (full width at half maximum, as a share of
the mean frequency) on its own devices. *Unlocked*: a test relaxation that had not come to rest
(in the frame rotating at the mean frequency) by the end of the run and in which a free unit slipped
by half a turn or more over the run's second half; a relaxation still creeping towards its
equilibrium at the end counts as locked. With noise no relaxation comes to rest, so every one runs
the whole duration and is judged by its slips alone. The network trained at
${trainedDispersion} % dispersion was trained among its own devices at that spread.

<#list curves as c>
### ${c.network}, against ${c.axis}

| ${c.axis} (% of the mean frequency) | test accuracy (%) | unlocked (%) | accuracy among the unlocked (%) |
|---|---|---|---|
<#list c.points as p>
| ${p.level} | ${p.accuracy} | ${p.unlocked} | ${p.unlockedAccuracy} |
</#list>

</#list>
</#if>

<#list plots as p>
![${p}](${p})
</#list>
