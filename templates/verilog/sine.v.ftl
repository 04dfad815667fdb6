<#include "header.ftl">
// Sine and cosine of a phase index, from a quarter-wave table of ${sineEntries / 4 + 1} entries
// (${sineEntries} points per turn, ${sineBits}-bit signed values, amplitude ${amplitude}).
// The other three quarters follow by symmetry, as HwSemantics and the Java model do.
module ${name}_sine (
    input  wire        [${indexBits - 1}:0] index,
    output wire signed [${sineBits - 1}:0] sin_value,
    output wire signed [${sineBits - 1}:0] cos_value
);
    localparam [${addressBits - 1}:0] QUARTER = ${addressBits}'d${sineEntries / 4};
    localparam [${indexBits - 1}:0] COSINE_SHIFT = ${indexBits}'d${sineEntries / 4};

    function automatic signed [${sineBits - 1}:0] quarter_wave(input [${addressBits - 1}:0] address);
        case (address)
<#list quarter as value>
            ${addressBits}'d${value?index}: quarter_wave = ${value};
</#list>
            default: quarter_wave = ${sineBits}'sd0;
        endcase
    endfunction

    function automatic signed [${sineBits - 1}:0] full_wave(input [${indexBits - 1}:0] i);
        reg [${addressBits - 1}:0] offset;
        begin
            offset = {1'b0, i[${indexBits - 3}:0]};
            case (i[${indexBits - 1}:${indexBits - 2}])
                2'd0: full_wave = quarter_wave(offset);
                2'd1: full_wave = quarter_wave(QUARTER - offset);
                2'd2: full_wave = -quarter_wave(offset);
                default: full_wave = -quarter_wave(QUARTER - offset);
            endcase
        end
    endfunction

    assign sin_value = full_wave(index);
    assign cos_value = full_wave(index + COSINE_SHIFT);
endmodule
