<#include "header.ftl">
// Sine and cosine of a phase index, read from full-wave tables one clock after the index
// (${sineEntries} points per turn, ${sineBits}-bit signed values, amplitude ${amplitude}): the values of the
// quarter-wave table in ${name}_sine.v spelt out, so that synthesis can put each table in a block
// RAM whose output register is a pipeline stage.
module ${name}_sine_rom (
    input  wire        clk,
    input  wire        [${indexBits - 1}:0] index,
    output reg  signed [${sineBits - 1}:0] sin_value,
    output reg  signed [${sineBits - 1}:0] cos_value
);
    always @(posedge clk) begin
        case (index)
<#list fullWave as v>
            ${indexBits}'d${v?index}: sin_value <= ${v.sin};
</#list>
        endcase
    end

    always @(posedge clk) begin
        case (index)
<#list fullWave as v>
            ${indexBits}'d${v?index}: cos_value <= ${v.cos};
</#list>
        endcase
    end
endmodule
