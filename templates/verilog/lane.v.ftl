<#include "header.ftl">
// One oscillator update, combinational: the mean-field coupling
//   coupling = (K (cos θ ΣS − sin θ ΣC) + 2^(${couplingShift} - 1)) >>> ${couplingShift},  K = ${couplingMultiplier},
// the increment word + coupling, the new phase (mod 2^${phaseBits}), and the sine and cosine of
// the old phase (for the first sums) and of the new phase (for the next step's sums).
module ${name}_lane (
    input  wire        [${phaseBits - 1}:0] phase,
    input  wire signed [${frequencyBits - 1}:0] word,
    input  wire signed [${sumSineBits - 1}:0] sum_sin,
    input  wire signed [${sumSineBits - 1}:0] sum_cos,
    output wire        [${phaseBits - 1}:0] next_phase,
    output wire signed [${incrementBits - 1}:0] increment,
    output wire signed [${sineBits - 1}:0] sin_now,
    output wire signed [${sineBits - 1}:0] cos_now,
    output wire signed [${sineBits - 1}:0] sin_next,
    output wire signed [${sineBits - 1}:0] cos_next
);
    ${name}_sine now (.index(phase[${phaseBits - 1} -: ${indexBits}]), .sin_value(sin_now), .cos_value(cos_now));

    wire signed [${mixBits - 1}:0] sin_wide = ${sinWide};
    wire signed [${mixBits - 1}:0] cos_wide = ${cosWide};
    wire signed [${mixBits - 1}:0] sum_sin_wide = ${sumSinWide};
    wire signed [${mixBits - 1}:0] sum_cos_wide = ${sumCosWide};
    wire signed [${mixBits - 1}:0] mix = cos_wide * sum_sin_wide - sin_wide * sum_cos_wide;
    wire signed [${productBits - 1}:0] mix_wide = ${mixWide};
    wire signed [${productBits - 1}:0] product = ${couplingLiteral} * mix_wide;
    // Rounding drops the low bits of the biased product, and its top bits only repeat the sign
    // (the quantizer proves the coupling fits ${incrementBits} bits), so not every bit is used.
    /* verilator lint_off UNUSEDSIGNAL */
    wire signed [${productBits - 1}:0] rounded = (product + ${couplingHalf}) >>> ${couplingShift};
    /* verilator lint_on UNUSEDSIGNAL */
    wire signed [${incrementBits - 1}:0] coupling = rounded[${incrementBits - 1}:0];
    wire signed [${incrementBits - 1}:0] word_wide = ${wordWide};
    assign increment = word_wide + coupling;

    wire [${phaseBits - 1}:0] step = ${incrementAsPhase};
    assign next_phase = phase + step;

    ${name}_sine next (.index(next_phase[${phaseBits - 1} -: ${indexBits}]), .sin_value(sin_next), .cos_value(cos_next));
endmodule
