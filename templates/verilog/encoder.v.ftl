<#include "header.ftl">
// Input encoder: the frequency word of one oscillator, F = clip(W x + b), in phase LSBs per
// step in the rotating frame. Weights come from a ROM addressed by the oscillator; the
// ${features} multipliers are shared by all oscillators (the controller loads one per cycle).
<#if encoderStages gt 0>
// Registered in ${encoderStages} stages (the products<#if multipliers>: operands and product</#if><#if encoderStages gt 2>, the sum<#if multipliers> in ${sumTree?size} levels</#if></#if><#if encoderStages gt 3>, the rounding and the clip's tests</#if>, the word): the word of the oscillator
// presented in one cycle leaves ${encoderStages} cycles later, while the controller primes (words are
// first read when it runs).
</#if>
module ${name}_encoder (
<#if encoderStages gt 0>
    input  wire        clk,
</#if>
    input  wire        [${oscillatorBits - 1}:0] oscillator,
    input  wire        [${features * inputBits - 1}:0] features,
    output <#if encoderStages gt 0>reg <#else>wire</#if> signed [${frequencyBits - 1}:0] word
);
<#list inputs as input>
    wire signed [${inputBits - 1}:0] x${input?index} = features[${input?index * inputBits} +: ${inputBits}];
<#if !multipliers>
    wire signed [${sumBits - 1}:0] x${input?index}_wide = ${input};
</#if>
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

<#if multipliers>
    // each product in a multiplier module (two cycles), the bias kept alongside, then their sum as a
    // tree of registered two-operand additions (${sumTree?size} level<#if sumTree?size != 1>s</#if>): the values of one sum, modulo 2^${sumBits}
    reg signed [${sumBits - 1}:0] bias_a, bias_p;
    always @(posedge clk) begin
        bias_a <= bias;
        bias_p <= bias_a;
    end
    /* verilator lint_off UNUSEDSIGNAL */
<#list encoderProducts as product>
    wire signed [${encoderProductBits - 1}:0] product${product?index}_full;
    ${name}_multiply #(.A_WIDTH(${weightBits}), .B_WIDTH(${inputBits})) multiply${product?index} (.clk(clk), .a(w${product?index}), .b(x${product?index}), .p(product${product?index}_full));
</#list>
    /* verilator lint_on UNUSEDSIGNAL */
<#list encoderProducts as product>
    wire signed [${sumBits - 1}:0] product${product?index} = ${product};
</#list>
<#list sumTree as level>
    reg signed [${sumBits - 1}:0] <#list level as node>${node.name}<#sep>, </#list>;
    always @(posedge clk) begin
<#list level as node>
        ${node.name} <= ${node.expr};
</#list>
    end
</#list>
<#elseif encoderStages gt 0>
    // signed operands are sign-extended to the sum's width before multiplying: the products are exact
    reg signed [${sumBits - 1}:0] bias_q;
<#list inputs as input>
    reg signed [${sumBits - 1}:0] product${input?index};
</#list>
    always @(posedge clk) begin
        bias_q <= bias;
<#list inputs as input>
        product${input?index} <= w${input?index} * x${input?index}_wide;
</#list>
    end
<#if encoderStages gt 2>
    reg signed [${sumBits - 1}:0] sum;
    always @(posedge clk) begin
        sum <= bias_q<#list inputs as input> + product${input?index}</#list>;
    end
<#else>
    wire signed [${sumBits - 1}:0] sum = bias_q<#list inputs as input> + product${input?index}</#list>;
</#if>
</#if>
<#if encoderStages gt 0>
    /* verilator lint_off UNUSEDSIGNAL */
    wire signed [${sumBits - 1}:0] rounded_wide = (sum + ${roundingHalf}) >>> ${sumShift};
    /* verilator lint_on UNUSEDSIGNAL */
    // the clip compares the sum with the bounds scaled up, in parallel with the rounding, each
    // comparison split into halves: sum >= c  <=>  hi > c_hi | (hi == c_hi & lo >= c_lo)
<#if encoderStages gt 3>
    reg signed [${frequencyBits - 1}:0] rounded;
    reg [2:0] not_below_tests;
    reg [2:0] above_tests;
    always @(posedge clk) begin
        rounded <= rounded_wide[${frequencyBits - 1}:0];
        not_below_tests <= {${notBelow.hiGt}, ${notBelow.hiEq}, ${notBelow.loGe}};
        above_tests <= {${above.hiGt}, ${above.hiEq}, ${above.loGe}};
    end
<#else>
    wire signed [${frequencyBits - 1}:0] rounded = rounded_wide[${frequencyBits - 1}:0];
    wire [2:0] not_below_tests = {${notBelow.hiGt}, ${notBelow.hiEq}, ${notBelow.loGe}};
    wire [2:0] above_tests = {${above.hiGt}, ${above.hiEq}, ${above.loGe}};
</#if>
    wire below = !(not_below_tests[2] | (not_below_tests[1] & not_below_tests[0]));
    wire above = above_tests[2] | (above_tests[1] & above_tests[0]);
    always @(posedge clk) begin
        word <= below ? ${wordMin}
              : above ? ${wordMax}
              : rounded;
    end
<#else>
    // signed operands are sign-extended to the sum's width before multiplying: the products are exact
    wire signed [${sumBits - 1}:0] sum = bias<#list inputs as input> + w${input?index} * x${input?index}_wide</#list>;
    wire signed [${sumBits - 1}:0] rounded = (sum + ${roundingHalf}) >>> ${sumShift};
    assign word = rounded < ${wordMinWide} ? ${wordMin}
                : rounded > ${wordMaxWide} ? ${wordMax}
                : rounded[${frequencyBits - 1}:0];
</#if>
endmodule
