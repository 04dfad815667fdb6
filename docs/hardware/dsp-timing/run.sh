#!/usr/bin/env bash
# How complete is the iCE40 UP5K clock of verilog-out/iris_versicolor_up5k? Places the checked-in RTL and
# a hand-edited variant (lane_registered.py) with nextpnr-ice40, times both with nextpnr and with icetime,
# and lists how Yosys configured each SB_MAC16. Needs yosys, nextpnr-ice40, icetime and its chip database
# (Debian: apt-get install -y fpga-icestorm fpga-icestorm-chipdb). Run from the repository root:
#   docs/hardware/dsp-timing/run.sh > docs/hardware/dsp-timing/run-$(date +%F).log 2>&1
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
design=verilog-out/iris_versicolor_up5k/versicolor/verilog
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
yosys -V; nextpnr-ice40 --version 2>&1 | head -1
for variant in checked-in registered registered-keep registered-keep-all; do
    cp -r "$design" "$work/$variant"
    cd "$work/$variant"
    case $variant in
        registered) python3 "$here/lane_registered.py" rtl ;;
        registered-keep) python3 "$here/lane_registered.py" rtl --keep ;;
        registered-keep-all) python3 "$here/lane_registered.py" rtl --keep-all ;;
    esac
    yosys -q -p "read_verilog $(tr '\n' ' ' < versicolor.f) build/versicolor_top_pins.v; synth_ice40 -dsp -top versicolor_top_pins -json dsp.json"
    echo "== $variant: SB_MAC16 configurations"
    python3 "$here/dsp_configs.py" dsp.json
    python3 -c "import json, sys; cells = [c for m in json.load(open('dsp.json'))['modules'].values() for c in m['cells'].values() if c['type'] == 'SB_MAC16']; print('undriven DSP input bits:', sum(b == 'x' for c in cells for k in 'ABCD' for b in c['connections'][k]))"
    nextpnr-ice40 --up5k --package sg48 --json dsp.json --freq 100 --seed 1 --timing-allow-fail --asc placed.asc > pnr.log 2>&1
    echo "== $variant: nextpnr (seed 1)"
    grep -E "ICESTORM_(LC|DSP):" pnr.log | sed 's/^Info: *//'
    grep -E "Max frequency for clock 'clk" pnr.log | tail -1 | sed 's/^[A-Za-z]*: *//'
    echo "== $variant: icetime (the DSP cell types it chose, then its estimate)"
    icetime -d up5k -P sg48 -o netlist.v placed.asc > /dev/null 2>&1
    grep -o "SB_MAC16[A-Z0-9_]*" netlist.v | sort | uniq -c
    icetime -d up5k -P sg48 -t -r icetime.txt placed.asc > /dev/null 2>&1
    grep -E "\[setup\]|Total path delay" icetime.txt
    cd - > /dev/null
done
