<#include "header.ftl">
// p = a * b, exact (signed), ${name}_multiply's two cycles after its operands: the operands are
// registered, then the product. Every variable product of the design goes through this module, so
// that a build for iCE40 (Verilog macro ${ice40Macro} defined) makes each one SB_MAC16 with both
// stages inside the DSP: its A and B input registers and its 16x16 product register, adders unused.
// icetime models that configuration (SB_MAC16_MUL_U_16X16_ALL_PIPELINE), so the whole clock is timed.
// Operands wider than 16 bits, and every other flow, use the description below.
module ${name}_multiply #(
    parameter integer A_WIDTH = 16,
    parameter integer B_WIDTH = 16
) (
    input  wire clk,
    input  wire signed [A_WIDTH - 1:0] a,
    input  wire signed [B_WIDTH - 1:0] b,
    output wire signed [A_WIDTH + B_WIDTH - 1:0] p
);
`ifdef ${ice40Macro}
    localparam IN_DSP = A_WIDTH <= 16 && B_WIDTH <= 16;
`else
    localparam IN_DSP = 1'b0;
`endif
    generate
        if (IN_DSP) begin : dsp
`ifdef ${ice40Macro}
            wire signed [15:0] a16 = a;
            wire signed [15:0] b16 = b;
            wire [31:0] o;
            SB_MAC16 #(
                .A_REG(1'b1), .B_REG(1'b1), .C_REG(1'b0), .D_REG(1'b0),
                .TOP_8x8_MULT_REG(1'b0), .BOT_8x8_MULT_REG(1'b0),
                .PIPELINE_16x16_MULT_REG1(1'b0), .PIPELINE_16x16_MULT_REG2(1'b1),
                .TOPOUTPUT_SELECT(2'b11), .TOPADDSUB_LOWERINPUT(2'b00), .TOPADDSUB_UPPERINPUT(1'b0),
                .TOPADDSUB_CARRYSELECT(2'b00), .BOTOUTPUT_SELECT(2'b11), .BOTADDSUB_LOWERINPUT(2'b00),
                .BOTADDSUB_UPPERINPUT(1'b0), .BOTADDSUB_CARRYSELECT(2'b00), .MODE_8x8(1'b0),
                .A_SIGNED(1'b1), .B_SIGNED(1'b1)
            ) mac (
                .CLK(clk), .CE(1'b1), .A(a16), .B(b16), .C(16'd0), .D(16'd0),
                .AHOLD(1'b0), .BHOLD(1'b0), .CHOLD(1'b0), .DHOLD(1'b0),
                .IRSTTOP(1'b0), .IRSTBOT(1'b0), .ORSTTOP(1'b0), .ORSTBOT(1'b0),
                .OLOADTOP(1'b0), .OLOADBOT(1'b0), .ADDSUBTOP(1'b0), .ADDSUBBOT(1'b0),
                .OHOLDTOP(1'b0), .OHOLDBOT(1'b0), .CI(1'b0), .ACCUMCI(1'b0), .SIGNEXTIN(1'b0), .O(o)
            );
            assign p = o[A_WIDTH + B_WIDTH - 1:0];
`endif
        end else begin : fabric
            reg signed [A_WIDTH - 1:0] a_q;
            reg signed [B_WIDTH - 1:0] b_q;
            reg signed [A_WIDTH + B_WIDTH - 1:0] p_q;
            always @(posedge clk) begin
                a_q <= a;
                b_q <= b;
                p_q <= a_q * b_q;
            end
            assign p = p_q;
        end
    endgenerate
endmodule
