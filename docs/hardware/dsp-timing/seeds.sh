#!/usr/bin/env bash
# nextpnr seeds against the clock of an emitted iCE40 design: places the netlist that
# `oscnet verify --synthesis ice40` mapped (DESIGN/build/ice40.json, or ice40_dsp.json for a design
# mapped with -dsp) on the UP5K with each seed in SEEDS (default 1..10), and prints nextpnr's fmax
# and, for a design whose DSPs are its own registered SB_MAC16s, icetime's (every path, the DSPs'
# delays counted). Needs nextpnr-ice40, icetime and its chip database (scripts/install-eda-tools).
# Run from the repository root after `oscnet verify DESIGN --synthesis ice40`:
#   docs/hardware/dsp-timing/seeds.sh verilog-out/iris_versicolor_up5k/versicolor/verilog \
#       > docs/hardware/dsp-timing/seeds-$(date +%F).log 2>&1
set -euo pipefail
design=${1:?usage: seeds.sh DESIGN_FOLDER}
netlist=$design/build/ice40.json
[ -f "$netlist" ] || netlist=$design/build/ice40_dsp.json
[ -f "$netlist" ] || { echo "no $design/build/ice40.json: run oscnet verify $design --synthesis ice40 first" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
nextpnr-ice40 --version 2>&1 | head -1
echo "netlist: $netlist"
printf '%-5s %-14s %-14s %s\n' seed nextpnr_MHz icetime_MHz logic_cells
for seed in ${SEEDS:-1 2 3 4 5 6 7 8 9 10}; do
    nextpnr-ice40 --up5k --package sg48 --json "$netlist" --freq 100 --seed "$seed" --timing-allow-fail \
        --asc "$work/placed.asc" > "$work/pnr.log" 2>&1
    pnr=$(grep -E "Max frequency for clock +'[^\$]" "$work/pnr.log" | tail -1 | sed -E 's/.*: ([0-9.]+) MHz.*/\1/')
    cells=$(grep -E "ICESTORM_LC:" "$work/pnr.log" | head -1 | sed -E 's/.*ICESTORM_LC: +([0-9]+)\/.*/\1/')
    icetime -d up5k -P sg48 -t -r "$work/icetime.txt" "$work/placed.asc" > /dev/null 2>&1 || true
    timed=$(grep -oE "Total path delay: [0-9.]+ ns \(([0-9.]+) MHz\)" "$work/icetime.txt" | sed -E 's/.*\(([0-9.]+) MHz\)/\1/')
    printf '%-5s %-14s %-14s %s\n' "$seed" "$pnr" "${timed:-n/a}" "$cells"
done
