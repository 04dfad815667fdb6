<#include "header.ftl">
// One oscillator update: the mean-field coupling
//   coupling = (K (cos θ ΣS + sin θ (−ΣC)) + 2^(${couplingShift} - 1)) >>> ${couplingShift},  K = ${couplingMultiplier},
// the increment word + coupling, the new phase θ + increment (mod 2^${phaseBits}), and the sine and cosine of the
// new phase (for the next step's sums). The old phase's sine and cosine come in: the array keeps
// each new phase's pair for the step after, so one table serves a lane. Priming fills them: with
// the kept pair zero and the word held at zero the increment is zero, and out come the sine and
// cosine of the loaded phase.
<#if pipeline == 0>
// Combinational: the outputs belong to the inputs of the same cycle.
<#else>
// Pipelined: ${pipeline} register stage<#if pipeline != 1>s</#if> (<#if cutA>after the inputs, </#if>after the
// products<#if multipliers> (both in ${name}_multiply), after their sum</#if><#if cutK>, after K·mix</#if><#if cutC>, after the new phase</#if><#if cutD>, the new phase's sine read from a registered table</#if>), so the outputs belong
// to the inputs of ${pipeline} cycle<#if pipeline != 1>s</#if> before; `active` travels along. The values are those of the
// combinational update.
</#if>
module ${name}_lane (
<#if pipeline gt 0>
    input  wire        clk,
</#if>
    input  wire        active,
    input  wire        [${phaseBits - 1}:0] phase,
    input  wire signed [${frequencyBits - 1}:0] word,
    input  wire signed [${sumSineBits - 1}:0] sum_sin,
    input  wire signed [${sumSineBits - 1}:0] sum_neg_cos,
    output wire        active_out,
    output wire        [${phaseBits - 1}:0] next_phase,
    input  wire signed [${sineBits - 1}:0] sin_now,
    input  wire signed [${sineBits - 1}:0] cos_now,
    output wire signed [${incrementBits - 1}:0] increment,
    output wire signed [${sineBits - 1}:0] sin_next,
    output wire signed [${sineBits - 1}:0] cos_next
);
<#if cutA>
    reg active_b;
    reg [${phaseBits - 1}:0] phase_b;
    reg signed [${frequencyBits - 1}:0] word_b;
<#if !multipliers>
    reg signed [${sineBits - 1}:0] sin_b, cos_b;
</#if>
    always @(posedge clk) begin
        active_b <= active;
        phase_b <= phase;
        word_b <= word;
<#if !multipliers>
        sin_b <= sin_now;
        cos_b <= cos_now;
</#if>
    end
<#else>
    wire active_b = active;
    wire [${phaseBits - 1}:0] phase_b = phase;
    wire signed [${frequencyBits - 1}:0] word_b = word;
    wire signed [${sineBits - 1}:0] sin_b = sin_now, cos_b = cos_now;
</#if>

<#assign m = multipliers?then("p", "b")>
<#if multipliers>
    // The products in multiplier modules: their operand registers take the inputs with the
    // registers above, their product registers are the next stage.
    /* verilator lint_off UNUSEDSIGNAL */
    wire signed [${laneProductBits - 1}:0] cos_product, sin_product;
    /* verilator lint_on UNUSEDSIGNAL */
    ${name}_multiply #(.A_WIDTH(${sineBits}), .B_WIDTH(${sumSineBits})) multiply_cos (.clk(clk), .a(cos_now), .b(sum_sin), .p(cos_product));
    ${name}_multiply #(.A_WIDTH(${sineBits}), .B_WIDTH(${sumSineBits})) multiply_sin (.clk(clk), .a(sin_now), .b(sum_neg_cos), .p(sin_product));

    // the phase advanced by the word alone, beside the products, so that the coupling is the last addend
    wire [${phaseBits - 1}:0] phase_word_b = phase_b + ${wordAsPhase};
    reg active_p;
    reg [${phaseBits - 1}:0] phase_word_p;
    reg signed [${frequencyBits - 1}:0] word_p;
    always @(posedge clk) begin
        active_p <= active_b;
        phase_word_p <= phase_word_b;
        word_p <= word_b;
    end
    wire signed [${mixBits - 1}:0] mix_p = ${cosProductMix} + ${sinProductMix};
<#else>
    wire signed [${mixBits - 1}:0] sin_wide = ${sinWide};
    wire signed [${mixBits - 1}:0] cos_wide = ${cosWide};
    wire signed [${mixBits - 1}:0] sum_sin_wide = ${sumSinWide};
    wire signed [${mixBits - 1}:0] sum_neg_cos_wide = ${sumNegCosWide};
    wire signed [${mixBits - 1}:0] mix_b = cos_wide * sum_sin_wide + sin_wide * sum_neg_cos_wide;

    // the phase advanced by the word alone, beside the products, so that the coupling is the last addend
    wire [${phaseBits - 1}:0] phase_word_b = phase_b + ${wordAsPhase};
</#if>

<#if cutB>
    reg active_c;
    reg [${phaseBits - 1}:0] phase_word_c;
    reg signed [${frequencyBits - 1}:0] word_c;
    // kept out of the DSPs: Yosys 0.23 packs this register both as the output register of the DSP
    // summing the products and as the input register of the DSPs multiplying it by K, and leaves
    // those inputs undriven (the iCE40 netlist simulation of `verify` caught it)
    (* keep *) reg signed [${mixBits - 1}:0] mix;
    always @(posedge clk) begin
        active_c <= active_${m};
        phase_word_c <= phase_word_${m};
        word_c <= word_${m};
        mix <= mix_${m};
    end
<#else>
    wire active_c = active_b;
    wire [${phaseBits - 1}:0] phase_word_c = phase_word_b;
    wire signed [${frequencyBits - 1}:0] word_c = word_b;
    wire signed [${mixBits - 1}:0] mix = mix_b;
</#if>

    wire signed [${productBits - 1}:0] mix_wide = ${mixWide};
<#if cutK>
    reg signed [${productBits - 1}:0] product;
    reg active_k;
    reg [${phaseBits - 1}:0] phase_word_k;
    reg signed [${frequencyBits - 1}:0] word_k;
    always @(posedge clk) begin
        product <= ${couplingProduct};
        active_k <= active_c;
        phase_word_k <= phase_word_c;
        word_k <= word_c;
    end
<#else>
    wire signed [${productBits - 1}:0] product = ${couplingProduct};
</#if>
<#assign k = cutK?then("k", "c")>
    // The rounded coupling added to a value a is floor((product + half) / 2^${couplingShift}) + a
    // = floor((product + a·2^${couplingShift} + half) / 2^${couplingShift}): a above the product's dropped bits, with
    // half in them, makes rounding and addition one carry chain. The dropped bits go unused; the
    // phase is modulo 2^${phaseBits}, and the increment fits ${incrementBits} bits (the quantizer proves it).
    wire signed [${incrementBits - 1}:0] word_wide = ${wordWide};
    /* verilator lint_off UNUSEDSIGNAL */
    wire [${phaseSumBits - 1}:0] phase_sum = ${productForPhase} + ${biasedPhaseWord};
    wire [${incrementSumBits - 1}:0] increment_sum = ${productForIncrement} + ${biasedWord};
    /* verilator lint_on UNUSEDSIGNAL */
    wire [${phaseBits - 1}:0] next_phase_c = phase_sum[${phaseSumBits - 1} -: ${phaseBits}];
    wire signed [${incrementBits - 1}:0] increment_c = increment_sum[${incrementSumBits - 1} -: ${incrementBits}];

<#if cutC>
    reg active_d;
    reg [${phaseBits - 1}:0] next_phase_d;
    reg signed [${incrementBits - 1}:0] increment_d;
    always @(posedge clk) begin
        active_d <= active_${k};
        next_phase_d <= next_phase_c;
        increment_d <= increment_c;
    end
<#else>
    wire active_d = active_c;
    wire [${phaseBits - 1}:0] next_phase_d = next_phase_c;
    wire signed [${incrementBits - 1}:0] increment_d = increment_c;
</#if>

<#if cutD>
    ${name}_sine_rom next (.clk(clk), .index(next_phase_d[${phaseBits - 1} -: ${indexBits}]), .sin_value(sin_next), .cos_value(cos_next));
    reg active_e;
    reg [${phaseBits - 1}:0] next_phase_e;
    reg signed [${incrementBits - 1}:0] increment_e;
    always @(posedge clk) begin
        active_e <= active_d;
        next_phase_e <= next_phase_d;
        increment_e <= increment_d;
    end
    assign active_out = active_e;
    assign next_phase = next_phase_e;
    assign increment = increment_e;
<#else>
    ${name}_sine next (.index(next_phase_d[${phaseBits - 1} -: ${indexBits}]), .sin_value(sin_next), .cos_value(cos_next));
    assign active_out = active_d;
    assign next_phase = next_phase_d;
    assign increment = increment_d;
</#if>
endmodule
