<#include "header.ftl">
<#-- A (bank, address) counter that starts at (0, 0) in the first cycle of a run of `enable` and
     steps through the banks, then the addresses, one per cycle: where oscillator k of the run goes. -->
<#macro position prefix enable>
    reg [${stateAddressBits - 1}:0] ${prefix}_group;
    reg [${laneBits - 1}:0] ${prefix}_lane;
    always @(posedge clk) begin
        if (!${enable}) begin
            ${prefix}_group <= ${stateAddressBits}'d0;
            ${prefix}_lane <= ${laneBits}'d0;
        end else if (${prefix}_lane == ${laneBits}'d${lanes - 1}) begin
            ${prefix}_group <= ${prefix}_group + ${stateAddressBits}'d1;
            ${prefix}_lane <= ${laneBits}'d0;
        end else begin
            ${prefix}_lane <= ${prefix}_lane + ${laneBits}'d1;
        end
    end
</#macro>
// ${oscillators} Kuramoto oscillators with uniform all-to-all coupling, classifying a streamed input.
// Phases are ${phaseBits}-bit fractions of a turn in a rotating frame at ${centreMhz} MHz; one step is
// ${stepPs} ps of the trained dynamics; ${lanes} lane<#if lanes != 1>s</#if> update the oscillators, so a step takes
// ${groups} cycle<#if groups != 1>s</#if><#if pipeline gt 0> to issue and ${pipeline} more to drain the lanes' ${pipeline}-stage pipeline</#if>. A sample takes
// ${latency} cycles from acceptance to `out_valid`.
//
// Interface: present `in_features` (${features} signed ${inputBits}-bit inputs, ${inputBits - 2} fraction bits,
// feature 0 in the low bits) with `in_valid`; it is taken when `in_ready` is high. `out_class`
// (the best-synchronised pair) and `out_sync` (one bit per output pair) hold while `out_valid`
// is high, until `out_ready`. Synchronous active-high reset, one clock.
<#-- the word's oscillator index, unless banked lanes count their own (bank, address) -->
<#assign wordTarget = !stateInRam || lanes == 1>
module ${name}_top #(
    parameter [31:0] LFSR_SEED = 32'h${lfsrSeed}
) (
    input  wire clk,
    input  wire rst,
    input  wire in_valid,
    output wire in_ready,
    input  wire [${features * inputBits - 1}:0] in_features,
    output wire out_valid,
    input  wire out_ready,
    output wire [${classBits - 1}:0] out_class,
    output wire [${pairs?size - 1}:0] out_sync
);
    wire loading, priming, running, in_window, last_cycle;
    wire step_end /*verilator public_flat_rd*/;
    wire [${oscillatorBits - 1}:0] load_index;
    wire [${groupBits - 1}:0] group;
<#if pipeline gt 0>
    wire first_results;
<#else>
    wire first_results = group == ${groupBits}'d0;
</#if>

    ${name}_controller controller (
        .clk(clk), .rst(rst), .in_valid(in_valid), .out_ready(out_ready), .in_ready(in_ready),
        .out_valid(out_valid), .loading(loading), .priming(priming), .running(running),
        .in_window(in_window), .last_cycle(last_cycle), .step_end(step_end),
        .load_index(load_index), .group(group)<#if pipeline gt 0>, .first_results(first_results)</#if>);

    reg [${features * inputBits - 1}:0] features;
    always @(posedge clk) begin
        if (in_valid && in_ready) begin
            features <= in_features;
        end
    end

    wire signed [${frequencyBits - 1}:0] loaded_word;
<#if encoderStages gt 0>
    ${name}_encoder encoder (.clk(clk), .oscillator(load_index), .features(features), .word(loaded_word));
    // the encoder's word leaves ${encoderStages} cycles after its oscillator's load cycle
    reg [${encoderStages - 1}:0] word_valid;
<#if wordTarget>
    reg [${oscillatorBits - 1}:0] word_index [0:${encoderStages - 1}];
    integer w;
</#if>
    always @(posedge clk) begin
        if (rst) begin
            word_valid <= ${encoderStages}'d0;
        end else begin
            word_valid <= <#if encoderStages gt 1>{word_valid[${encoderStages - 2}:0], loading}<#else>loading</#if>;
        end
<#if wordTarget>
        word_index[0] <= load_index;
        for (w = 1; w < ${encoderStages}; w = w + 1) begin
            word_index[w] <= word_index[w - 1];
        end
</#if>
    end
    wire word_write = word_valid[${encoderStages - 1}];
<#if wordTarget>
    wire [${oscillatorBits - 1}:0] word_target = word_index[${encoderStages - 1}];
</#if>
<#else>
    ${name}_encoder encoder (.oscillator(load_index), .features(features), .word(loaded_word));
    wire word_write = loading;
<#if wordTarget>
    wire [${oscillatorBits - 1}:0] word_target = load_index;
</#if>
</#if>

<#if randomPhases>
    wire [${phaseBits - 1}:0] loaded_phase;
    ${name}_lfsr #(.SEED(LFSR_SEED)) lfsr (.clk(clk), .rst(rst), .advance(loading), .phase(loaded_phase));
<#else>
    wire [${phaseBits - 1}:0] loaded_phase = ${phaseBits}'d0;
</#if>

<#if stateInRam>
    // Read-out accumulators, side by side.
<#else>
    // Every oscillator's phase, word, kept sine and cosine (of its phase, from the step before) and
    // read-out accumulator, side by side (oscillator 0 lowest).
    wire [${oscillators * phaseBits - 1}:0] all_phases /*verilator public_flat_rd*/;
    wire [${oscillators * frequencyBits - 1}:0] all_words;
    wire [${oscillators * sineBits - 1}:0] all_sines, all_cosines;
</#if>
    // Read-out accumulators exist only for the ${readouts?size} oscillators of output pairs (slot order: ${readouts?join(", ")}).
    wire [${readouts?size * accumulatorBits - 1}:0] readout_accumulators;
    localparam [${oscillators * slotBits - 1}:0] SLOTS = ${slotTable};

    // The lanes: lane l serves oscillator (group * ${lanes} + l)<#if pipeline gt 0>; its new phase comes back ${pipeline} cycle<#if pipeline != 1>s</#if> later</#if>.
<#if stateInRam>
    wire [${lanes * phaseBits - 1}:0] lane_phase;
    wire [${lanes * frequencyBits - 1}:0] lane_word;
    wire [${lanes - 1}:0] lane_active;
    wire [${lanes * sineBits - 1}:0] lane_sin_now, lane_cos_now;
<#else>
    reg  [${lanes * phaseBits - 1}:0] lane_phase;
    reg  [${lanes * frequencyBits - 1}:0] lane_word;
    reg  [${lanes - 1}:0] lane_active;
    reg  [${lanes * sineBits - 1}:0] lane_sin_now, lane_cos_now;
</#if>
    wire [${lanes - 1}:0] lane_done;
    wire [${lanes * phaseBits - 1}:0] lane_next_phase;
    // Only lanes that serve output oscillators use their increment (for the read-out accumulators).
    /* verilator lint_off UNUSEDSIGNAL */
    wire [${lanes * incrementBits - 1}:0] lane_increment;
    /* verilator lint_on UNUSEDSIGNAL */
    wire [${lanes * sineBits - 1}:0] lane_sin_next, lane_cos_next;
    wire [${lanes * sumSineBits - 1}:0] lane_sin_term, lane_cos_term;
    // the cosines' sum is kept negated, so that a lane adds its two products: an iCE40 adder feeds
    // its carry chain directly, a subtracter through a LUT that inverts one operand
    reg  signed [${sumSineBits - 1}:0] sum_sin, sum_neg_cos;

<#if stateInRam>
    // Phases, words and kept sines live in block RAM, one bank of each per lane: oscillator (group * ${lanes} + l) at
    // address group of bank l. A bank is read one cycle ahead (at the next cycle's group), so its
    // registered output holds the group's phase and word in the group's own cycle. A new phase is
    // written <#if pipeline gt 0>${pipeline} cycle<#if pipeline != 1>s</#if> after its group's cycle<#else>in its group's cycle</#if> and read again in the next step; with two
    // groups or more a write and a read never meet at one address.
    // (addresses count modulo 2^${stateAddressBits}: the groups that matter are below ${groups})
    wire [${stateAddressBits - 1}:0] read_address = (priming || running) && !last_cycle ? group[${stateAddressBits - 1}:0] + ${stateAddressBits}'d1 : ${stateAddressBits}'d0;
<#if pipeline gt 0>
    wire [${stateAddressBits - 1}:0] done_address = group[${stateAddressBits - 1}:0] - ${stateAddressBits}'d${pipeline};
<#else>
    wire [${stateAddressBits - 1}:0] done_address = group[${stateAddressBits - 1}:0];
</#if>
<#if lanes gt 1>
    // Where the loaded oscillator and the encoded word go: (bank, address), counted as they are written.
<@position "load" "loading"/>
<@position "word" "word_write"/>
<#else>
    wire [${stateAddressBits - 1}:0] load_group = load_index;
    wire [${stateAddressBits - 1}:0] word_group = word_target;
</#if>
<#list laneGroups as count>
<#assign l = count?index>

    reg [${phaseBits - 1}:0] phases_${l} [0:${groups - 1}];
    reg [${frequencyBits - 1}:0] words_${l} [0:${groups - 1}];
    // the kept sine and cosine of each phase, {sin, cos}
    reg [${2 * sineBits - 1}:0] sines_${l} [0:${groups - 1}];
    reg [${phaseBits - 1}:0] read_phase_${l};
    reg [${frequencyBits - 1}:0] read_word_${l};
    reg [${2 * sineBits - 1}:0] read_sines_${l};
    wire sines_write_${l} = loading ? <#if lanes gt 1>load_lane == ${laneBits}'d${l}<#else>1'b1</#if> : (priming || running) && lane_done[${l}];
    wire [${2 * sineBits - 1}:0] sines_data_${l} = loading ? ${2 * sineBits}'d0 : {lane_sin_next[${l * sineBits} +: ${sineBits}], lane_cos_next[${l * sineBits} +: ${sineBits}]};
    wire phase_write_${l} = loading ? <#if lanes gt 1>load_lane == ${laneBits}'d${l}<#else>1'b1</#if> : running && lane_done[${l}];
    wire [${stateAddressBits - 1}:0] phase_address_${l} = loading ? load_group : done_address;
    wire [${phaseBits - 1}:0] phase_data_${l} = loading ? loaded_phase : lane_next_phase[${l * phaseBits} +: ${phaseBits}];
    always @(posedge clk) begin
        if (phase_write_${l}) begin
            phases_${l}[phase_address_${l}] <= phase_data_${l};
        end
        if (sines_write_${l}) begin
            sines_${l}[phase_address_${l}] <= sines_data_${l};
        end
        if (word_write<#if lanes gt 1> && word_lane == ${laneBits}'d${l}</#if>) begin
            words_${l}[word_group] <= loaded_word;
        end
        read_phase_${l} <= phases_${l}[read_address];
        read_word_${l} <= words_${l}[read_address];
        read_sines_${l} <= sines_${l}[read_address];
    end
    assign lane_phase[${l * phaseBits} +: ${phaseBits}] = read_phase_${l};
    assign lane_word[${l * frequencyBits} +: ${frequencyBits}] = read_word_${l};
    assign lane_sin_now[${l * sineBits} +: ${sineBits}] = read_sines_${l}[${2 * sineBits - 1}:${sineBits}];
    assign lane_cos_now[${l * sineBits} +: ${sineBits}] = read_sines_${l}[${sineBits - 1}:0];
    assign lane_active[${l}] = group < ${groupBits}'d${count};
</#list>

`ifndef SYNTHESIS
    // For the testbenches only (Yosys defines SYNTHESIS): every oscillator's phase side by side
    // (oscillator 0 lowest), read out of the banks.
    /* verilator lint_off UNUSEDSIGNAL */
    wire [${oscillators * phaseBits - 1}:0] all_phases /*verilator public_flat_rd*/;
    /* verilator lint_on UNUSEDSIGNAL */
    genvar b;
    generate
<#list laneGroups as count>
        for (b = 0; b < ${count}; b = b + 1) begin : view_${count?index}
            assign all_phases[(b * ${lanes} + ${count?index}) * ${phaseBits} +: ${phaseBits}] = phases_${count?index}[b];
        end
</#list>
    endgenerate
`endif
<#else>
    always @* begin
<#list laneSelect as lane>
        case (group)
<#list lane.cases as c>
            ${groupBits}'d${c.group}: begin lane_phase[${lane.phaseSlice}] = all_phases[${c.phaseSlice}]; lane_word[${lane.wordSlice}] = all_words[${c.wordSlice}]; lane_sin_now[${lane.sineSlice}] = all_sines[${c.sineSlice}]; lane_cos_now[${lane.sineSlice}] = all_cosines[${c.sineSlice}]; lane_active[${lane?index}] = 1'b1; end
</#list>
            default: begin lane_phase[${lane.phaseSlice}] = ${phaseBits}'d0; lane_word[${lane.wordSlice}] = ${frequencyBits}'d0; lane_sin_now[${lane.sineSlice}] = ${sineBits}'d0; lane_cos_now[${lane.sineSlice}] = ${sineBits}'d0; lane_active[${lane?index}] = 1'b0; end
        endcase
</#list>
    end
</#if>

    genvar l;
    generate
        for (l = 0; l < ${lanes}; l = l + 1) begin : lane
            ${name}_lane update (
<#if pipeline gt 0>
                .clk(clk),
</#if>
                .active(lane_active[l]), .active_out(lane_done[l]),
                .phase(lane_phase[l * ${phaseBits} +: ${phaseBits}]),
                // while priming the word is held at zero (and the kept sines are zero): the phase stays
                .word(lane_word[l * ${frequencyBits} +: ${frequencyBits}] & {${frequencyBits}{running}}),
                .sin_now(lane_sin_now[l * ${sineBits} +: ${sineBits}]),
                .cos_now(lane_cos_now[l * ${sineBits} +: ${sineBits}]),
                .sum_sin(sum_sin), .sum_neg_cos(sum_neg_cos),
                .next_phase(lane_next_phase[l * ${phaseBits} +: ${phaseBits}]),
                .increment(lane_increment[l * ${incrementBits} +: ${incrementBits}]),
                .sin_next(lane_sin_next[l * ${sineBits} +: ${sineBits}]),
                .cos_next(lane_cos_next[l * ${sineBits} +: ${sineBits}]));
            assign lane_sin_term[l * ${sumSineBits} +: ${sumSineBits}] =
                !lane_done[l] ? ${sumSineBits}'d0 : ${sinNextWide};
            assign lane_cos_term[l * ${sumSineBits} +: ${sumSineBits}] =
                !lane_done[l] ? ${sumSineBits}'d0 : ${cosNextWide};
        end
    endgenerate

    // Mean-field sums of the new phases' sines, group by group, so the next step sees the sums of
    // the step just completed (while priming, of the loaded phases).
    reg signed [${sumSineBits - 1}:0] group_sin, group_cos, partial_sin, partial_neg_cos;
    integer j;
    always @* begin
        group_sin = ${sumSineBits}'sd0;
        group_cos = ${sumSineBits}'sd0;
        for (j = 0; j < ${lanes}; j = j + 1) begin
            group_sin = group_sin + lane_sin_term[j * ${sumSineBits} +: ${sumSineBits}];
            group_cos = group_cos + lane_cos_term[j * ${sumSineBits} +: ${sumSineBits}];
        end
    end
    // The first group's results arrive in cycle ${pipeline} of a step<#if pipeline gt 0> (before it, the lanes drain nothing active)</#if>.
    wire signed [${sumSineBits - 1}:0] total_sin = (first_results ? ${sumSineBits}'sd0 : partial_sin) + group_sin;
    wire signed [${sumSineBits - 1}:0] total_neg_cos = (first_results ? ${sumSineBits}'sd0 : partial_neg_cos) - group_cos;

    always @(posedge clk) begin
        if (loading) begin
            // priming multiplies them by the zero kept sines: zero sums keep that product defined
            sum_sin <= ${sumSineBits}'sd0;
            sum_neg_cos <= ${sumSineBits}'sd0;
        end else if (priming || running) begin
            partial_sin <= total_sin;
            partial_neg_cos <= total_neg_cos;
            if (last_cycle) begin
                sum_sin <= total_sin;
                sum_neg_cos <= total_neg_cos;
            end
        end
    end

    genvar i;
    generate
        for (i = 0; i < ${oscillators}; i = i + 1) begin : oscillator
            localparam [${oscillatorBits - 1}:0] INDEX = i;
            localparam integer GROUP_NUMBER = i / ${lanes};
            // the cycle of a step in which this oscillator's new phase leaves its lane
            localparam integer DONE_NUMBER = GROUP_NUMBER + ${pipeline};
            localparam [${groupBits - 1}:0] DONE = DONE_NUMBER[${groupBits - 1}:0];
            localparam integer LANE = i % ${lanes};
            localparam [${slotBits - 1}:0] SLOT = SLOTS[i * ${slotBits} +: ${slotBits}];
<#if !stateInRam>
            reg [${phaseBits - 1}:0] phase;
            reg [${frequencyBits - 1}:0] word;
            reg [${sineBits - 1}:0] sine, cosine;
            always @(posedge clk) begin
                if (loading && load_index == INDEX) begin
                    phase <= loaded_phase;
                    sine <= ${sineBits}'d0;
                    cosine <= ${sineBits}'d0;
                end else if ((priming || running) && group == DONE) begin
                    if (running) begin
                        phase <= lane_next_phase[LANE * ${phaseBits} +: ${phaseBits}];
                    end
                    sine <= lane_sin_next[LANE * ${sineBits} +: ${sineBits}];
                    cosine <= lane_cos_next[LANE * ${sineBits} +: ${sineBits}];
                end
                if (word_write && word_target == INDEX) begin
                    word <= loaded_word;
                end
            end
            assign all_phases[i * ${phaseBits} +: ${phaseBits}] = phase;
            assign all_words[i * ${frequencyBits} +: ${frequencyBits}] = word;
            assign all_sines[i * ${sineBits} +: ${sineBits}] = sine;
            assign all_cosines[i * ${sineBits} +: ${sineBits}] = cosine;
</#if>
            if (SLOT != ${slotBits}'d${readouts?size}) begin : readout
                reg [${accumulatorBits - 1}:0] accumulator;
                wire [${incrementBits - 1}:0] increment = lane_increment[LANE * ${incrementBits} +: ${incrementBits}];
                always @(posedge clk) begin
                    if (loading && load_index == INDEX) begin
                        accumulator <= ${accumulatorBits}'d0;
                    end else if (running && group == DONE && in_window) begin
                        accumulator <= accumulator + ${incrementAsAccumulator};
                    end
                end
                assign readout_accumulators[SLOT * ${accumulatorBits} +: ${accumulatorBits}] = accumulator;
            end
        end
    endgenerate

<#if decisionStages gt 0>
    ${name}_decision decision (.clk(clk), .accumulators(readout_accumulators), .sync(out_sync), .best(out_class));
<#else>
    ${name}_decision decision (.accumulators(readout_accumulators), .sync(out_sync), .best(out_class));
</#if>
endmodule
