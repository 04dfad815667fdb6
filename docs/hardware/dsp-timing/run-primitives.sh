#!/usr/bin/env bash
# Complete iCE40 UP5K timing (icetime, DSP delays included) of a timing-only edit of
# verilog-out/iris_versicolor_up5k whose six multipliers are SB_MAC16s instantiated fully registered
# (lane_registered.py --keep, then lane_primitives.py). Needs build/versicolor_top_pins.v in the design
# folder (`oscnet verify verilog-out/iris_versicolor_up5k/versicolor/verilog` writes it), yosys,
# nextpnr-ice40, icetime and its chip database (Debian: fpga-icestorm fpga-icestorm-chipdb).
# Run from the repository root:
#   docs/hardware/dsp-timing/run-primitives.sh > docs/hardware/dsp-timing/run-primitives-$(date +%F).log 2>&1
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
design=verilog-out/iris_versicolor_up5k/versicolor/verilog
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
yosys -V; nextpnr-ice40 --version 2>&1 | head -1
cp -r "$design" "$work/primitives"
cd "$work/primitives"
python3 "$here/lane_registered.py" rtl --keep
python3 "$here/lane_primitives.py" rtl
echo rtl/dsp_mul.v >> versicolor.f
yosys -q -p "read_verilog $(tr '\n' ' ' < versicolor.f) build/versicolor_top_pins.v; synth_ice40 -top versicolor_top_pins -json dsp.json"
echo "== SB_MAC16 configurations"
python3 "$here/dsp_configs.py" dsp.json
for seed in 1 2 3; do
    nextpnr-ice40 --up5k --package sg48 --json dsp.json --freq 100 --seed $seed --timing-allow-fail --asc placed.asc > pnr.log 2>&1
    echo "== seed $seed: nextpnr"
    grep -E "ICESTORM_(LC|DSP|RAM):" pnr.log | sed 's/^Info: *//'
    grep -E "Max frequency for clock 'clk" pnr.log | tail -1 | sed 's/^[A-Za-z]*: *//'
    echo "== seed $seed: icetime (the DSP models it chose, its estimate, the path's last net)"
    icetime -d up5k -P sg48 -o netlist.v placed.asc > /dev/null 2>&1
    grep -o "SB_MAC16[A-Z0-9_]*" netlist.v | sort | uniq -c
    icetime -d up5k -P sg48 -t -r icetime.txt placed.asc > /dev/null 2>&1
    grep -B45 "Total path delay" icetime.txt | grep -E "^ +[0-9.]+ ns" | tail -1
    grep -E "Total path delay" icetime.txt
done
