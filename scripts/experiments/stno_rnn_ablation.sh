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
no_floor='s/bptt (clip 1, floor 1.1)/bptt (clip 1)/'
batch120='s/batch 30; /batch 120;/'
declare -A variants=(
    [paper_drive]="$ordered; $sparse_input; $no_floor; $batch120; s/gain 140 MHz/gain 0.5 GHz/; s/    simulate { step 0.5 ns; integrator heun; }//; s/epochs 40;/epochs 3;/"
    [gain140_heun2]="$ordered; $sparse_input; $no_floor; $batch120"
    [shuffled]="$sparse_input; $no_floor; $batch120"
    [dense_input]="$no_floor; $batch120"
    [floor]="$batch120"
    [floor_batch30_sparse_input]="$sparse_input"
    [example]=""
    [example_seed2]="s/    seed 1;/    seed 2;/"
    [example_seed3]="s/    seed 1;/    seed 3;/"
    [floor_1.5]="s/floor 1.1/floor 1.5/"
    [batch15]="s/batch 30; /batch 15; /"
    [ctrnn_lr0.03]="s/neuron stno; /neuron ctrnn;/; s/lr 0.149,/lr 0.03, /"
)
order=(paper_drive gain140_heun2 shuffled dense_input floor floor_batch30_sparse_input example example_seed2
       example_seed3 floor_1.5 batch15 ctrnn_lr0.03)
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
