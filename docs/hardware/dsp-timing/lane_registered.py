#!/usr/bin/env python3
"""Hand edit of the checked-in versicolor_up5k RTL for a timing experiment (not a design oscnet emits):
every multiplier gets registered operands and a registered product, and K*mix becomes shifts and adds
(K = 20992 = 2^14 + 2^12 + 2^9) with a register after it. Only the clock is of interest: the controller
still expects `pipeline 4`, so the edited design does not classify correctly.
With --keep the two product registers carry (* keep *), which stops Yosys 0.23 from packing their sum
into one DSP (it then leaves that DSP's C and D inputs undriven and drops the other multiplier).
With --keep-all (implies --keep) every multiplier operand register and every product register carries
(* keep *) as well, the top's `features` register included.
Usage: lane_registered.py RTL_DIR [--keep | --keep-all]"""
import sys
from pathlib import Path


def edit(path, pairs):
    text = path.read_text()
    for old, new in pairs:
        if old not in text:
            sys.exit(f"{path}: expected text not found: {old[:60]!r}")
        text = text.replace(old, new)
    path.write_text(text)


rtl = Path(sys.argv[1])
keep_all = "--keep-all" in sys.argv[2:]
keep = "(* keep *) " if keep_all or "--keep" in sys.argv[2:] else ""
operand_keep = "(* keep *) " if keep_all else ""
edit(rtl / "versicolor_lane.v", [
    ("reg signed [11:0] sin_b, cos_b;",
     f"{operand_keep}reg signed [11:0] sin_b, cos_b;\n    {operand_keep}reg signed [14:0] sum_sin_b, sum_neg_cos_b;"),
    ("        cos_b <= cos_now;\n    end",
     "        cos_b <= cos_now;\n        sum_sin_b <= sum_sin;\n        sum_neg_cos_b <= sum_neg_cos;\n    end"),
    ("{{12{sum_sin[14]}}, sum_sin}", "{{12{sum_sin_b[14]}}, sum_sin_b}"),
    ("{{12{sum_neg_cos[14]}}, sum_neg_cos}", "{{12{sum_neg_cos_b[14]}}, sum_neg_cos_b}"),
    ("    wire signed [26:0] mix_b = cos_wide * sum_sin_wide + sin_wide * sum_neg_cos_wide;",
     f"    {keep}reg signed [26:0] p_cos, p_sin;\n"
     "    reg active_p; reg [15:0] phase_p; reg signed [14:0] word_p;\n"
     "    always @(posedge clk) begin\n"
     "        p_cos <= cos_wide * sum_sin_wide;\n"
     "        p_sin <= sin_wide * sum_neg_cos_wide;\n"
     "        active_p <= active_b; phase_p <= phase_b; word_p <= word_b;\n"
     "    end\n"
     "    wire signed [26:0] mix_b = p_cos + p_sin;"),
    ("phase_b + {{1{word_b[14]}}, word_b}", "phase_p + {{1{word_p[14]}}, word_p}"),
    ("        active_c <= active_b;", "        active_c <= active_p;"),
    ("        word_c <= word_b;", "        word_c <= word_p;"),
    ("    wire signed [40:0] product = 41'sd20992 * mix_wide;",
     f"    {operand_keep}reg signed [40:0] product;\n"
     "    reg active_k; reg [15:0] phase_word_k; reg signed [14:0] word_k;\n"
     "    always @(posedge clk) begin\n"
     "        product <= (mix_wide <<< 14) + (mix_wide <<< 12) + (mix_wide <<< 9);\n"
     "        active_k <= active_c; phase_word_k <= phase_word_c; word_k <= word_c;\n"
     "    end"),
    ("{{1{word_c[14]}}, word_c}", "{{1{word_k[14]}}, word_k}"),
    ("{phase_word_c, 26'd33554432}", "{phase_word_k, 26'd33554432}"),
    ("        active_d <= active_c;", "        active_d <= active_k;"),
])
encoder = [("    reg signed [26:0] bias_q;",
            f"    {operand_keep}reg signed [15:0] w0_q, w1_q, w2_q, w3_q;\n    reg signed [26:0] bias_r;\n"
            "    always @(posedge clk) begin\n"
            "        w0_q <= w0; w1_q <= w1; w2_q <= w2; w3_q <= w3; bias_r <= bias;\n"
            "    end\n    reg signed [26:0] bias_q;"),
           ("bias_q <= bias;", "bias_q <= bias_r;")]
encoder += [(f"product{i} <= w{i} * x{i}_wide;", f"product{i} <= w{i}_q * x{i}_wide;") for i in range(4)]
if keep_all:
    encoder += [(f"    reg signed [26:0] product{i};", f"    (* keep *) reg signed [26:0] product{i};") for i in range(4)]
    edit(rtl / "versicolor_top.v", [("    reg [47:0] features;", "    (* keep *) reg [47:0] features;")])
edit(rtl / "versicolor_encoder.v", encoder)
