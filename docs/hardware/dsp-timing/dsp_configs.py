#!/usr/bin/env python3
"""The register configuration of every SB_MAC16 in a synth_ice40 JSON netlist: which of the inputs A, B,
C, D are registered inside the DSP, the partial-product registers (8x8 top and bottom, 16x16 stage 1) and
the 16x16 product register (stage 2), and what drives each output half (as in Yosys's ice40 cells_sim.v:
OUT 0 the adder, unregistered; 1 the accumulator register; 2 the 8x8 product; 3 the 16x16 product).
A DSP is fully registered when every used input and its output come from its own registers.
Usage: dsp_configs.py NETLIST.json"""
import json
import sys

netlist = json.load(open(sys.argv[1]))
for module in netlist["modules"].values():
    for name, cell in module["cells"].items():
        if cell["type"] != "SB_MAC16":
            continue
        p = cell["parameters"]
        bit = lambda key: int(p.get(key, "0"), 2)
        print(f"{name[:60]:60s} A_REG {bit('A_REG')} B_REG {bit('B_REG')} C_REG {bit('C_REG')}"
              f" D_REG {bit('D_REG')} 8x8_REG {bit('TOP_8x8_MULT_REG')}/{bit('BOT_8x8_MULT_REG')}"
              f" 16x16_REG {bit('PIPELINE_16x16_MULT_REG1')}/{bit('PIPELINE_16x16_MULT_REG2')}"
              f" OUT {bit('TOPOUTPUT_SELECT')}/{bit('BOTOUTPUT_SELECT')}")
