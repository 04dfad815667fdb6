#!/usr/bin/env python3
"""Timing-only edit on top of `lane_registered.py RTL_DIR --keep` (not a design oscnet emits; the
controller still expects `pipeline 4`, so it does not classify correctly): every multiplier becomes
an SB_MAC16 instantiated with chosen parameters (A and B registered inside, the 16x16 product in its
output register PIPELINE_16x16_MULT_REG2, adders unused), which icetime models completely as
SB_MAC16_MUL_U_16X16_ALL_PIPELINE; the encoder's five-operand sum becomes a tree of two-operand
adds over three cycles. Synthesize it with `synth_ice40` *without* `-dsp`: with it, Yosys 0.23's
ice40_dsp pass re-packs the instantiated SB_MAC16s (resets their registers, absorbs the adders).
Usage: lane_primitives.py RTL_DIR   (adds RTL_DIR/dsp_mul.v; list it in the .f file)"""
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
(rtl / "dsp_mul.v").write_text("""// a signed 16x16 multiply in one SB_MAC16: operands and product registered inside the DSP
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
""")
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
