<#include "header.ftl">
// Galois LFSR (32 bits, taps 0x${lfsrTaps}, period 2^32 - 1): the source of initial phases.
// It advances once per oscillator while the controller loads a sample, and carries over from
// sample to sample; `phase` is the top ${phaseBits} bits of the state after the step.
module ${name}_lfsr #(
    parameter [31:0] SEED = 32'h${lfsrSeed}
) (
    input  wire        clk,
    input  wire        rst,
    input  wire        advance,
    output wire [${phaseBits - 1}:0] phase
);
    localparam [31:0] TAPS = 32'h${lfsrTaps};
    reg  [31:0] state;
    wire [31:0] stepped = state[0] ? ((state >> 1) ^ TAPS) : (state >> 1);

    always @(posedge clk) begin
        if (rst) begin
            state <= (SEED == 32'd0) ? 32'd1 : SEED;
        end else if (advance) begin
            state <= stepped;
        end
    end

    assign phase = stepped[31 -: ${phaseBits}];
endmodule
