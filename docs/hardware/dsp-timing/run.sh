#!/usr/bin/env bash
# How complete is the iCE40 UP5K clock of verilog-out/iris_versicolor_up5k? Places the checked-in RTL and
# hand-edited variants (lane_registered.py) with nextpnr-ice40, times them with nextpnr and with icetime,
# and lists how Yosys configured each SB_MAC16. Needs yosys, nextpnr-ice40, icetime and its chip database
# (Debian: apt-get install -y fpga-icestorm fpga-icestorm-chipdb), and build/versicolor_top_pins.v in the
# design folder (`oscnet verify verilog-out/iris_versicolor_up5k/versicolor/verilog` writes it).
# Run from the repository root; VARIANT... defaults to all of them, SEEDS (nextpnr seeds) to 1:
#   docs/hardware/dsp-timing/run.sh > docs/hardware/dsp-timing/run-$(date +%F).log 2>&1
#   SEEDS="1 2 3" docs/hardware/dsp-timing/run.sh primitives > docs/hardware/dsp-timing/run-primitives-$(date +%F).log 2>&1
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# The variants edit the `pipeline 4` RTL that was checked in until 2026-12-05 (commit 1ad7d0c); the
# example is `pipeline 6` since, which emits this structure itself (seeds.sh times it). To rerun them,
# point DESIGN at a folder compiled from that commit's examples/iris_versicolor_up5k.osc.
design=${DESIGN:-verilog-out/iris_versicolor_up5k/versicolor/verilog}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
variants=("$@")
[ ${#variants[@]} -gt 0 ] || variants=(checked-in registered registered-keep registered-keep-all primitives)
yosys -V; nextpnr-ice40 --version 2>&1 | head -1
for variant in "${variants[@]}"; do
    cp -r "$design" "$work/$variant"
    cd "$work/$variant"
    # with -dsp Yosys 0.23 re-packs instantiated SB_MAC16s, so the primitives variant maps without it
    dsp=-dsp
    case $variant in
        checked-in) ;;
        registered) python3 "$here/lane_registered.py" rtl ;;
        registered-keep) python3 "$here/lane_registered.py" rtl --keep ;;
        registered-keep-all) python3 "$here/lane_registered.py" rtl --keep-all ;;
        primitives) python3 "$here/lane_registered.py" rtl --primitives; echo rtl/dsp_mul.v >> versicolor.f; dsp= ;;
        *) echo "unknown variant $variant" >&2; exit 1 ;;
    esac
    yosys -q -p "read_verilog $(tr '\n' ' ' < versicolor.f) build/versicolor_top_pins.v; synth_ice40 $dsp -top versicolor_top_pins -json dsp.json"
    echo "== $variant: SB_MAC16 configurations"
    python3 "$here/dsp_configs.py" dsp.json
    python3 -c "import json, sys; cells = [c for m in json.load(open('dsp.json'))['modules'].values() for c in m['cells'].values() if c['type'] == 'SB_MAC16']; print('undriven DSP input bits:', sum(b == 'x' for c in cells for k in 'ABCD' for b in c['connections'][k]))"
    for seed in ${SEEDS:-1}; do
        nextpnr-ice40 --up5k --package sg48 --json dsp.json --freq 100 --seed "$seed" --timing-allow-fail --asc placed.asc > pnr.log 2>&1
        echo "== $variant: nextpnr (seed $seed)"
        grep -E "ICESTORM_(LC|DSP|RAM):" pnr.log | sed 's/^Info: *//'
        grep -E "Max frequency for clock 'clk" pnr.log | tail -1 | sed 's/^[A-Za-z]*: *//'
        echo "== $variant: icetime (seed $seed: the DSP cell types it chose, the path's last net, its estimate)"
        icetime -d up5k -P sg48 -o netlist.v placed.asc > /dev/null 2>&1
        grep -o "SB_MAC16[A-Z0-9_]*" netlist.v | sort | uniq -c
        icetime -d up5k -P sg48 -t -r icetime.txt placed.asc > /dev/null 2>&1
        grep -B45 "Total path delay" icetime.txt | grep -E "^ +[0-9.]+ ns" | tail -1
        grep -E "\[setup\]|Total path delay" icetime.txt
    done
    cd - > /dev/null
done
