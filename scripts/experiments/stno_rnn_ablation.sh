#!/usr/bin/env bash
# The engineering steps from seed paper 2's recipe to examples/seqdigits.osc, one training run each
# (about a minute each on 2 cores): every variant is the example with the named lines changed by
# sed, trained with `oscnet train`, and one table row is printed from its trained.json (test
# accuracy at the trained step and in continuous time, train accuracy). docs/stno_rnn.md holds the
# numbers of one run of this script's rows.
#
#   scripts/experiments/stno_rnn_ablation.sh [OUT_DIR] [NAME...]     (default: every row, out/ablation)
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
out="${1:-out/ablation}"
shift || true
mkdir -p "$out"

ordered='s/split shuffled seed 1: first 50 % train, rest test;/split: first 50 % train, rest test;/'
sparse_input='s/density 0.5 (input 1); /density 0.5;           /'
no_warmup='s/bptt (clip 1, floor 1.1, warmup 2)/bptt (clip 1, floor 1.1)/'
no_floor='s/bptt (clip 1, floor 1.1)/bptt (clip 1)/'
batch120='s/batch 30; /batch 120;/'
declare -A variants=(
    [paper_drive]="$no_warmup; $ordered; $sparse_input; $no_floor; $batch120; s/gain 140 MHz/gain 0.5 GHz/; s/    simulate { step 0.5 ns; integrator heun; }//; s/epochs 40;/epochs 3;/"
    [gain140_heun2]="$no_warmup; $ordered; $sparse_input; $no_floor; $batch120"
    [shuffled]="$no_warmup; $sparse_input; $no_floor; $batch120"
    [dense_input]="$no_warmup; $no_floor; $batch120"
    [floor]="$no_warmup; $batch120"
    [batch30]="$no_warmup"
    [batch30_seed5]="$no_warmup; s/    seed 1;/    seed 5;/"
    [batch30_seed7]="$no_warmup; s/    seed 1;/    seed 7;/"
    [example]=""
    [example_seed5]="s/    seed 1;/    seed 5;/"
    [example_seed7]="s/    seed 1;/    seed 7;/"
    [batch30_sparse_input]="$no_warmup; $sparse_input"
    [batch30_floor_1.5]="$no_warmup; s/floor 1.1/floor 1.5/"
    [batch15]="$no_warmup; s/batch 30; /batch 15; /"
    [ctrnn_lr0.03]="$no_warmup; s/neuron stno; /neuron ctrnn;/; s/lr 0.149,/lr 0.03, /"
)
order=(paper_drive gain140_heun2 shuffled dense_input floor batch30 batch30_seed5 batch30_seed7 example
       example_seed5 example_seed7 batch30_sparse_input batch30_floor_1.5 batch15 ctrnn_lr0.03)
[ $# -gt 0 ] && order=("$@")

echo "| variant | test (trained step) | test (continuous time) | train | seconds |"
echo "|---|---|---|---|---|"
for name in "${order[@]}"; do
    file="$out/$name.osc"
    sed "s|\"../data/|\"$root/data/|; ${variants[$name]}" "$root/examples/seqdigits.osc" > "$file"
    OSCNET_NO_PROGRESS=1 "$root/oscnet" train "$file" -o "$out/$name" > "$out/$name.log" 2>&1 \
        || { echo "| $name | failed: see $out/$name.log | | | |"; continue; }
    python3 - "$out/$name/seqdigits/trained.json" "$name" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))["metrics"]
print("| %s | %.1f %% | %.1f %% | %.1f %% | %.0f |" % (sys.argv[2], 100 * m["test_accuracy"],
      100 * m["test_accuracy_continuous"], 100 * m["train_accuracy"], m["wall_seconds"]))
PY
done
