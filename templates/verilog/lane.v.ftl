<#include "header.ftl">
// One oscillator update: the mean-field coupling
//   coupling = (K (cos θ ΣS − sin θ ΣC) + 2^(${couplingShift} - 1)) >>> ${couplingShift},  K = ${couplingMultiplier},
// the increment word + coupling, the new phase (mod 2^${phaseBits}), and the sine and cosine of
// the old phase (for the first sums) and of the new phase (for the next step's sums).
<#if pipeline == 0>
// Combinational: the outputs belong to the inputs of the same cycle.
<#else>
// Pipelined: ${pipeline} register stage<#if pipeline != 1>s</#if> (<#if cutA>the old phase's sine read from a registered table, </#if>after the
// products<#if cutC>, after the new phase</#if><#if cutD>, the new phase's sine read from a registered table</#if>), so the outputs belong
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
    input  wire signed [${sumSineBits - 1}:0] sum_cos,
    output wire        active_out,
    output wire        [${phaseBits - 1}:0] next_phase,
    output wire signed [${incrementBits - 1}:0] increment,
    output wire signed [${sineBits - 1}:0] sin_now,
    output wire signed [${sineBits - 1}:0] cos_now,
    output wire signed [${sineBits - 1}:0] sin_next,
    output wire signed [${sineBits - 1}:0] cos_next
);
<#if cutA>
    wire signed [${sineBits - 1}:0] sin_b, cos_b;
    ${name}_sine_rom now (.clk(clk), .index(phase[${phaseBits - 1} -: ${indexBits}]), .sin_value(sin_b), .cos_value(cos_b));
    reg active_b;
    reg [${phaseBits - 1}:0] phase_b;
    reg signed [${frequencyBits - 1}:0] word_b;
    always @(posedge clk) begin
        active_b <= active;
        phase_b <= phase;
        word_b <= word;
    end
<#else>
    wire signed [${sineBits - 1}:0] sin_a, cos_a;
    ${name}_sine now (.index(phase[${phaseBits - 1} -: ${indexBits}]), .sin_value(sin_a), .cos_value(cos_a));
    wire active_b = active;
    wire [${phaseBits - 1}:0] phase_b = phase;
    wire signed [${frequencyBits - 1}:0] word_b = word;
    wire signed [${sineBits - 1}:0] sin_b = sin_a, cos_b = cos_a;
</#if>

    wire signed [${mixBits - 1}:0] sin_wide = ${sinWide};
    wire signed [${mixBits - 1}:0] cos_wide = ${cosWide};
    wire signed [${mixBits - 1}:0] sum_sin_wide = ${sumSinWide};
    wire signed [${mixBits - 1}:0] sum_cos_wide = ${sumCosWide};
    wire signed [${mixBits - 1}:0] mix_b = cos_wide * sum_sin_wide - sin_wide * sum_cos_wide;

<#if cutB>
    reg active_c;
    reg [${phaseBits - 1}:0] phase_c;
    reg signed [${frequencyBits - 1}:0] word_c;
    reg signed [${sineBits - 1}:0] sin_c, cos_c;
    reg signed [${mixBits - 1}:0] mix;
    always @(posedge clk) begin
        active_c <= active_b;
        phase_c <= phase_b;
        word_c <= word_b;
        sin_c <= sin_b;
        cos_c <= cos_b;
        mix <= mix_b;
    end
<#else>
    wire active_c = active_b;
    wire [${phaseBits - 1}:0] phase_c = phase_b;
    wire signed [${frequencyBits - 1}:0] word_c = word_b;
    wire signed [${sineBits - 1}:0] sin_c = sin_b, cos_c = cos_b;
    wire signed [${mixBits - 1}:0] mix = mix_b;
</#if>

    wire signed [${productBits - 1}:0] mix_wide = ${mixWide};
    wire signed [${productBits - 1}:0] product = ${couplingLiteral} * mix_wide;
    // Rounding drops the low bits of the biased product, and its top bits only repeat the sign
    // (the quantizer proves the coupling fits ${incrementBits} bits), so not every bit is used.
    /* verilator lint_off UNUSEDSIGNAL */
    wire signed [${productBits - 1}:0] rounded = (product + ${couplingHalf}) >>> ${couplingShift};
    /* verilator lint_on UNUSEDSIGNAL */
    wire signed [${incrementBits - 1}:0] coupling = rounded[${incrementBits - 1}:0];
    wire signed [${incrementBits - 1}:0] word_wide = ${wordWide};
    wire signed [${incrementBits - 1}:0] increment_c = word_wide + coupling;
    wire [${phaseBits - 1}:0] step = ${incrementAsPhase};
    wire [${phaseBits - 1}:0] next_phase_c = phase_c + step;

<#if cutC>
    reg active_d;
    reg [${phaseBits - 1}:0] next_phase_d;
    reg signed [${incrementBits - 1}:0] increment_d;
    reg signed [${sineBits - 1}:0] sin_d, cos_d;
    always @(posedge clk) begin
        active_d <= active_c;
        next_phase_d <= next_phase_c;
        increment_d <= increment_c;
        sin_d <= sin_c;
        cos_d <= cos_c;
    end
<#else>
    wire active_d = active_c;
    wire [${phaseBits - 1}:0] next_phase_d = next_phase_c;
    wire signed [${incrementBits - 1}:0] increment_d = increment_c;
    wire signed [${sineBits - 1}:0] sin_d = sin_c, cos_d = cos_c;
</#if>

<#if cutD>
    ${name}_sine_rom next (.clk(clk), .index(next_phase_d[${phaseBits - 1} -: ${indexBits}]), .sin_value(sin_next), .cos_value(cos_next));
    reg active_e;
    reg [${phaseBits - 1}:0] next_phase_e;
    reg signed [${incrementBits - 1}:0] increment_e;
    reg signed [${sineBits - 1}:0] sin_e, cos_e;
    always @(posedge clk) begin
        active_e <= active_d;
        next_phase_e <= next_phase_d;
        increment_e <= increment_d;
        sin_e <= sin_d;
        cos_e <= cos_d;
    end
    assign active_out = active_e;
    assign next_phase = next_phase_e;
    assign increment = increment_e;
    assign sin_now = sin_e;
    assign cos_now = cos_e;
<#else>
    ${name}_sine next (.index(next_phase_d[${phaseBits - 1} -: ${indexBits}]), .sin_value(sin_next), .cos_value(cos_next));
    assign active_out = active_d;
    assign next_phase = next_phase_d;
    assign increment = increment_d;
    assign sin_now = sin_d;
    assign cos_now = cos_d;
</#if>
endmodule
