#!/usr/bin/env python3
"""Hand edit of the checked-in versicolor_up5k RTL for a timing experiment (not a design oscnet emits):
every multiplier gets registered operands and a registered product, and K*mix becomes shifts and adds
(K = 20992 = 2^14 + 2^12 + 2^9) with a register after it. Only the clock is of interest: the controller
still expects `pipeline 4`, so the edited design does not classify correctly.
With --keep the two product registers carry (* keep *), which stops Yosys 0.23 from packing their sum
into one DSP (it then leaves that DSP's C and D inputs undriven and drops the other multiplier).
With --keep-all (implies --keep) every multiplier operand register and every product register carries
(* keep *) as well, the top's `features` register included.
With --primitives (implies --keep) every multiplier then becomes an SB_MAC16 instantiated with chosen
parameters (A and B registered inside, the 16x16 product in its output register
PIPELINE_16x16_MULT_REG2, adders unused), which icetime models completely as
SB_MAC16_MUL_U_16X16_ALL_PIPELINE, and the encoder's five-operand sum becomes a tree of two-operand
adds over three cycles; it writes RTL_DIR/dsp_mul.v, to be listed in the .f file. Synthesize that
variant with `synth_ice40` *without* `-dsp`: with it, Yosys 0.23's ice40_dsp pass re-packs the
instantiated SB_MAC16s (clears their registers, absorbs the adders).
Usage: lane_registered.py RTL_DIR [--keep | --keep-all | --primitives]"""
import sys
from pathlib import Path


DSP_MUL = """// a signed 16x16 multiply in one SB_MAC16: operands and product registered inside the DSP
module dsp_mul (input wire clk, input wire [15:0] a, input wire [15:0] b, output wire [31:0] p);
    SB_MAC16 #(.A_REG(1'b1), .B_REG(1'b1), .C_REG(1'b0), .D_REG(1'b0),
        .TOP_8x8_MULT_REG(1'b0), .BOT_8x8_MULT_REG(1'b0),
        .PIPELINE_16x16_MULT_REG1(1'b0), .PIPELINE_16x16_MULT_REG2(1'b1),
        .TOPOUTPUT_SELECT(2'b11), .TOPADDSUB_LOWERINPUT(2'b00), .TOPADDSUB_UPPERINPUT(1'b0),
        .TOPADDSUB_CARRYSELECT(2'b00), .BOTOUTPUT_SELECT(2'b11), .BOTADDSUB_LOWERINPUT(2'b00),
        .BOTADDSUB_UPPERINPUT(1'b0), .BOTADDSUB_CARRYSELECT(2'b00), .MODE_8x8(1'b0),
        .A_SIGNED(1'b1), .B_SIGNED(1'b1)) mac (
        .CLK(clk), .CE(1'b1), .A(a), .B(b), .C(16'd0), .D(16'd0),
        .AHOLD(1'b0), .BHOLD(1'b0), .CHOLD(1'b0), .DHOLD(1'b0),
        .IRSTTOP(1'b0), .IRSTBOT(1'b0), .ORSTTOP(1'b0), .ORSTBOT(1'b0),
        .OLOADTOP(1'b0), .OLOADBOT(1'b0), .ADDSUBTOP(1'b0), .ADDSUBBOT(1'b0),
        .OHOLDTOP(1'b0), .OHOLDBOT(1'b0), .CI(1'b0), .ACCUMCI(1'b0), .SIGNEXTIN(1'b0), .O(p));
endmodule
"""


def edit(path, pairs):
    text = path.read_text()
    for old, new in pairs:
        if old not in text:
            sys.exit(f"{path}: expected text not found: {old[:60]!r}")
        text = text.replace(old, new)
    path.write_text(text)


rtl = Path(sys.argv[1])
keep_all = "--keep-all" in sys.argv[2:]
primitives = "--primitives" in sys.argv[2:]
keep = "(* keep *) " if keep_all or primitives or "--keep" in sys.argv[2:] else ""
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
if primitives:
    (rtl / "dsp_mul.v").write_text(DSP_MUL)
    edit(rtl / "versicolor_lane.v", [
        ("    (* keep *) reg signed [26:0] p_cos, p_sin;", "    wire [31:0] p_cos_full, p_sin_full;\n"
         "    dsp_mul mul_cos (.clk(clk), .a({{4{cos_now[11]}}, cos_now}), .b({sum_sin[14], sum_sin}), .p(p_cos_full));\n"
         "    dsp_mul mul_sin (.clk(clk), .a({{4{sin_now[11]}}, sin_now}), .b({sum_neg_cos[14], sum_neg_cos}), .p(p_sin_full));\n"
         "    wire signed [26:0] p_cos = p_cos_full[26:0], p_sin = p_sin_full[26:0];"),
        ("        p_cos <= cos_wide * sum_sin_wide;\n        p_sin <= sin_wide * sum_neg_cos_wide;\n", ""),
    ])
    pairs = []
    for i in range(4):
        pairs.append((f"    reg signed [26:0] product{i};", f"    wire [31:0] product{i}_full;\n"
                      f"    dsp_mul mul{i} (.clk(clk), .a(w{i}), .b({{{{4{{x{i}[11]}}}}, x{i}}}), .p(product{i}_full));\n"
                      f"    wire signed [26:0] product{i} = product{i}_full[26:0];"))
        pairs.append((f"        product{i} <= w{i}_q * x{i}_wide;\n", ""))
    pairs.append(("        sum <= bias_q + product0 + product1 + product2 + product3;",
                  "        sum <= sum0123 + bias_3;\n    end\n"
                  "    reg signed [26:0] sum01, sum23, sum0123, bias_2, bias_3;\n"
                  "    always @(posedge clk) begin\n"
                  "        sum01 <= product0 + product1;\n        sum23 <= product2 + product3;\n"
                  "        bias_2 <= bias_q;\n        sum0123 <= sum01 + sum23;\n        bias_3 <= bias_2;"))
    edit(rtl / "versicolor_encoder.v", pairs)
