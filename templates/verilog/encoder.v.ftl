<#include "header.ftl">
// Input encoder: the frequency word of one oscillator, F = clip(W x + b), in phase LSBs per
// step in the rotating frame. Weights come from a ROM addressed by the oscillator; the
// ${features} multipliers are shared by all oscillators (the controller loads one per cycle).
module ${name}_encoder (
    input  wire        [${oscillatorBits - 1}:0] oscillator,
    input  wire        [${features * inputBits - 1}:0] features,
    output wire signed [${frequencyBits - 1}:0] word
);
<#list inputs as input>
    wire signed [${inputBits - 1}:0] x${input?index} = features[${input?index * inputBits} +: ${inputBits}];
    wire signed [${sumBits - 1}:0] x${input?index}_wide = ${input};
</#list>
    reg signed [${sumBits - 1}:0] bias;
<#-- weights at their own width, so synthesis sees ${weightBits}-bit multipliers (one DSP each) -->
<#list inputs as input>
    reg signed [${weightBits - 1}:0] w${input?index};
</#list>

    always @* begin
        case (oscillator)
<#list rom as row>
            ${oscillatorBits}'d${row?index}: begin bias = ${row.bias};<#list row.weights as w> w${w?index} = ${w};</#list> end
</#list>
            default: begin bias = ${sumBits}'sd0;<#list inputs as input> w${input?index} = ${weightBits}'sd0;</#list> end
        endcase
    end

    // signed operands are sign-extended to the sum's width before multiplying: the products are exact
    wire signed [${sumBits - 1}:0] sum = bias<#list inputs as input> + w${input?index} * x${input?index}_wide</#list>;
    wire signed [${sumBits - 1}:0] rounded = (sum + ${roundingHalf}) >>> ${sumShift};
    assign word = rounded < ${wordMinWide} ? ${wordMin}
                : rounded > ${wordMaxWide} ? ${wordMax}
                : rounded[${frequencyBits - 1}:0];
endmodule
