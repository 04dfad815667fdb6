<#include "header.ftl">
// A digital XY array: ${inputs} clamped input units and ${free} free units (the last ${outputs} are the outputs),
// ${edges} stored couplings (${inputEdges} from inputs; each coupling between two free units is stored at
// both ends), relaxed by ${steps} Euler steps of size ${stepSize} with one multiply-accumulate lane.
// A sample takes ${latency} cycles from acceptance to `out_valid`:
//   start phases ${free} + field pass ${inputEdges} + ${free} + ${steps} steps x (${freeEdges} + ${free}) + decision ${outputs}.
//
// Interface: present `in_phases` (${inputs} unsigned ${phaseBits}-bit phases, fractions of a turn, input 0
// in the low bits) with `in_valid`; it is taken when `in_ready` is high. `out_class` (the output
// unit with the largest sine) holds while `out_valid` is high, until `out_ready`. Synchronous
// active-high reset, one clock. The couplings and biases are read from the $readmemh files
// EDGES_FILE, ROWS_FILE and BIAS_FILE (paths relative to the simulator's or Yosys' working folder).
module ${name}_top #(
    parameter [31:0] LFSR_SEED = 32'h${lfsrSeed},
    parameter EDGES_FILE = "mem/${name}_edges.mem",
    parameter ROWS_FILE = "mem/${name}_rows.mem",
    parameter BIAS_FILE = "mem/${name}_bias.mem"<#if drifts>,
    parameter DRIFT_FILE = "mem/${name}_drift.mem"</#if>
) (
    input  wire clk,
    input  wire rst,
    input  wire in_valid,
    output wire in_ready,
    input  wire [${inputs * phaseBits - 1}:0] in_phases,
    output wire out_valid,
    input  wire out_ready,
    output wire [${classBits - 1}:0] out_class
);
    localparam [2:0] IDLE = 3'd0, START = 3'd1, FIELD = 3'd2, STEP = 3'd3, DECIDE = 3'd4, DONE = 3'd5;
    localparam [${unitBits - 1}:0] LAST_UNIT = ${unitBits}'d${free - 1};
    localparam [${unitBits - 1}:0] FIRST_OUTPUT = ${unitBits}'d${firstOutput};
    localparam [${edgeBits - 1}:0] FIRST_STEP_EDGE = ${edgeBits}'d${inputEdges};
    localparam [${stepBits - 1}:0] LAST_STEP = ${stepBits}'d${steps - 1};

    // Couplings in row order: {column, weight}. Row ends: the field pass's at addresses 0 .. ${free - 1},
    // the steps' at ${phaseDepth} .. ${phaseDepth + free - 1} (the address is {pass, unit}).
    reg [${columnBits + weightBits - 1}:0] edge_rom [0:${edges - 1}];
    reg [${edgeBits - 1}:0] row_end_rom [0:${2 * phaseDepth - 1}];
    // Per free unit: {h cos psi, h sin psi} in accumulator units.
    reg [${2 * accumulatorBits - 1}:0] bias_rom [0:${free - 1}];
<#if drifts>
    // Per free unit: its frequency word, the turn its natural-frequency offset adds every step.
    reg [${phaseBits - 1}:0] drift_rom [0:${free - 1}];
</#if>
    initial begin
        $readmemh(EDGES_FILE, edge_rom);
        $readmemh(ROWS_FILE, row_end_rom);
        $readmemh(BIAS_FILE, bias_rom);
<#if drifts>
        $readmemh(DRIFT_FILE, drift_rom);
</#if>
    end

    reg [2:0] state;
    reg [${unitBits - 1}:0] unit;
    reg [${edgeBits - 1}:0] edge_index;
    reg [${stepBits - 1}:0] step;
    reg bank;
    reg fresh;
    reg [${phaseBits - 1}:0] clamped [0:${inputs - 1}];
    // Two banks of free phases: a step reads bank `bank` and writes the other.
    reg [${phaseBits - 1}:0] phases [0:${2 * phaseDepth - 1}];
    reg signed [${accumulatorBits - 1}:0] field_cos [0:${free - 1}];
    reg signed [${accumulatorBits - 1}:0] field_sin [0:${free - 1}];
    reg signed [${accumulatorBits - 1}:0] acc_cos, acc_sin;
    reg signed [${sineBits - 1}:0] best;
    reg [${classBits - 1}:0] candidate, chosen;

    assign in_ready = state == IDLE;
    assign out_valid = state == DONE;
    assign out_class = chosen;

    // The edge under the pointer and where the current unit's row ends.
    wire [${columnBits + weightBits - 1}:0] edge_word = edge_rom[edge_index];
    wire [${columnBits - 1}:0] column = edge_word[${columnBits + weightBits - 1}:${weightBits}];
    wire signed [${weightBits - 1}:0] weight = edge_word[${weightBits - 1}:0];
    wire [${edgeBits - 1}:0] row_end = row_end_rom[{state == STEP, unit}];
    wire row_done = edge_index == row_end;

    // The neighbour's phase (a clamped input in the field pass, a free unit's in a step) and its sine.
    // Only a phase's top ${indexBits} bits address the table.
    wire [${indexBits - 1}:0] source_index = state == FIELD ? clamped[column${inputSlice}][${phaseBits - 1} -: ${indexBits}]
        : phases[{bank, column${unitSlice}}][${phaseBits - 1} -: ${indexBits}];
    wire signed [${sineBits - 1}:0] source_sin, source_cos;
    ${name}_sine source_table (.index(source_index), .sin_value(source_sin), .cos_value(source_cos));

    // The unit's own phase (and, in the decision, an output's) and its sine.
    wire [${phaseBits - 1}:0] own_phase = phases[{bank, unit}];
    wire signed [${sineBits - 1}:0] own_sin, own_cos;
    ${name}_sine own_table (.index(own_phase[${phaseBits - 1} -: ${indexBits}]), .sin_value(own_sin), .cos_value(own_cos));

    // The sums start from the bias (field pass) or the field (steps) at the first edge of a row.
    wire [${2 * accumulatorBits - 1}:0] bias_word = bias_rom[unit];
    wire signed [${accumulatorBits - 1}:0] start_cos = state == FIELD ? bias_word[${2 * accumulatorBits - 1}:${accumulatorBits}] : field_cos[unit];
    wire signed [${accumulatorBits - 1}:0] start_sin = state == FIELD ? bias_word[${accumulatorBits - 1}:0] : field_sin[unit];
    wire signed [${accumulatorBits - 1}:0] sum_cos = fresh ? start_cos : acc_cos;
    wire signed [${accumulatorBits - 1}:0] sum_sin = fresh ? start_sin : acc_sin;
    wire signed [${accumulatorBits - 1}:0] weight_wide = ${weightWide};
    wire signed [${accumulatorBits - 1}:0] source_cos_wide = ${sourceCosWide};
    wire signed [${accumulatorBits - 1}:0] source_sin_wide = ${sourceSinWide};

    // The force on the unit, cos(theta) S - sin(theta) C, and its turn (K force + 2^(k-1)) >>> k, K = ${couplingMultiplier}, k = ${couplingShift}.
    // Its sums are held at zero except when a unit commits (operand isolation: the multipliers
    // stay quiet while a row accumulates, which also makes event-driven simulation faster).
    wire commit /*verilator public_flat_rd*/ = state == STEP && row_done;
    wire signed [${forceBits - 1}:0] own_cos_wide = ${ownCosWide};
    wire signed [${forceBits - 1}:0] own_sin_wide = ${ownSinWide};
    wire signed [${forceBits - 1}:0] sum_cos_wide = commit ? ${sumCosWide} : ${forceBits}'sd0;
    wire signed [${forceBits - 1}:0] sum_sin_wide = commit ? ${sumSinWide} : ${forceBits}'sd0;
    wire signed [${forceBits - 1}:0] force_value = own_cos_wide * sum_sin_wide - own_sin_wide * sum_cos_wide;
    wire signed [${productBits - 1}:0] force_wide = ${forceWide};
    wire signed [${productBits - 1}:0] product = ${multiplierLiteral} * force_wide;
    // The turn's bits above ${incrementBits} only repeat the sign or, beyond the phase width, whole turns.
    /* verilator lint_off UNUSEDSIGNAL */
    wire signed [${productBits - 1}:0] rounded = (product + ${halfLiteral}) >>> ${couplingShift};
    /* verilator lint_on UNUSEDSIGNAL */
    wire signed [${incrementBits - 1}:0] turn = rounded[${incrementBits - 1}:0];

    // What the testbenches watch: a free unit's new phase, written once per unit per step, in order.
    wire [${phaseBits - 1}:0] commit_phase /*verilator public_flat_rd*/ = own_phase + ${turnAsPhase}<#if drifts> + drift_rom[unit]</#if>;

<#if randomPhases>
    wire [${phaseBits - 1}:0] start_phase;
    ${name}_lfsr #(.SEED(LFSR_SEED)) lfsr (.clk(clk), .rst(rst), .advance(state == START), .phase(start_phase));
<#else>
    wire [${phaseBits - 1}:0] start_phase = ${phaseBits}'d0;
</#if>

    integer k;
    always @(posedge clk) begin
        if (rst) begin
            state <= IDLE;
            unit <= ${unitBits}'d0;
            edge_index <= ${edgeBits}'d0;
            step <= ${stepBits}'d0;
            bank <= 1'b0;
            fresh <= 1'b1;
            acc_cos <= ${accumulatorBits}'sd0;
            acc_sin <= ${accumulatorBits}'sd0;
            best <= ${sineBits}'sd0;
            candidate <= ${classBits}'d0;
            chosen <= ${classBits}'d0;
        end else begin
            case (state)
                IDLE: if (in_valid) begin
                    for (k = 0; k < ${inputs}; k = k + 1) begin
                        clamped[k] <= in_phases[k * ${phaseBits} +: ${phaseBits}];
                    end
                    state <= START;
                    unit <= ${unitBits}'d0;
                    bank <= 1'b0;
                end
                START: begin
                    phases[{1'b0, unit}] <= start_phase;
                    unit <= unit + ${unitBits}'d1;
                    if (unit == LAST_UNIT) begin
                        state <= FIELD;
                        unit <= ${unitBits}'d0;
                        edge_index <= ${edgeBits}'d0;
                        fresh <= 1'b1;
                    end
                end
                FIELD, STEP: if (!row_done) begin
                    acc_cos <= sum_cos + weight_wide * source_cos_wide;
                    acc_sin <= sum_sin + weight_wide * source_sin_wide;
                    edge_index <= edge_index + ${edgeBits}'d1;
                    fresh <= 1'b0;
                end else begin
                    if (state == FIELD) begin
                        field_cos[unit] <= sum_cos;
                        field_sin[unit] <= sum_sin;
                    end else begin
                        phases[{~bank, unit}] <= commit_phase;
                    end
                    fresh <= 1'b1;
                    unit <= unit + ${unitBits}'d1;
                    if (unit == LAST_UNIT) begin
                        unit <= ${unitBits}'d0;
                        edge_index <= FIRST_STEP_EDGE;
                        if (state == FIELD) begin
                            state <= STEP;
                            step <= ${stepBits}'d0;
                        end else begin
                            bank <= ~bank;
                            step <= step + ${stepBits}'d1;
                            if (step == LAST_STEP) begin
                                state <= DECIDE;
                                unit <= FIRST_OUTPUT;
                                candidate <= ${classBits}'d0;
                            end
                        end
                    end
                end
                DECIDE: begin
                    if (candidate == ${classBits}'d0 || own_sin > best) begin
                        best <= own_sin;
                        chosen <= candidate;
                    end
                    candidate <= candidate + ${classBits}'d1;
                    unit <= unit + ${unitBits}'d1;
                    if (unit == LAST_UNIT) begin
                        state <= DONE;
                    end
                end
                DONE: if (out_ready) begin
                    state <= IDLE;
                end
                default: state <= IDLE;
            endcase
        end
    end
endmodule
