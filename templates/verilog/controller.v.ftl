<#include "header.ftl">
// Controller: IDLE (ready for a sample) -> LOAD (one oscillator per cycle: word, initial phase)
// -> PRIME (first sums, one group per cycle) -> RUN (${steps} steps of ${stepCycles} cycle<#if stepCycles != 1>s</#if>)<#if decisionStages gt 0>
// -> DECIDE (${decisionStages} cycles: the decision's register stages)</#if> -> DONE (class valid).
<#if pipeline gt 0>
// A step (and priming) issues ${groups} group<#if groups != 1>s</#if>, then waits ${pipeline} cycle<#if pipeline != 1>s</#if> for the lanes' pipeline to drain.
</#if>
module ${name}_controller (
    input  wire clk,
    input  wire rst,
    input  wire in_valid,
    input  wire out_ready,
    output wire in_ready,
    output wire out_valid,
    output wire loading,
    output wire priming,
    output wire running,
    output wire in_window,
    output wire last_cycle,
    output wire step_end,
    output reg  [${oscillatorBits - 1}:0] load_index,
    output reg  [${groupBits - 1}:0] group<#if pipeline gt 0>,
    // registered group == ${pipeline}: the cycle in which a step's first results leave the lanes
    output reg  first_results</#if>
);
    localparam [2:0] IDLE = 3'd0, LOAD = 3'd1, PRIME = 3'd2, RUN = 3'd3, DONE = 3'd4<#if decisionStages gt 0>, DECIDE = 3'd5</#if>;
    localparam [${oscillatorBits - 1}:0] LAST_OSCILLATOR = ${oscillatorBits}'d${oscillators - 1};
    localparam [${groupBits - 1}:0] LAST_CYCLE = ${groupBits}'d${stepCycles - 1};
    localparam [${counterBits - 1}:0] LAST_STEP = ${counterBits}'d${steps - 1};
    localparam [${counterBits - 1}:0] WINDOW_START = ${counterBits}'d${windowStart};

    reg [2:0] state;
<#if decisionStages gt 0>
    localparam [1:0] LAST_DECIDE = 2'd${decisionStages - 1};
    reg [1:0] decide;
</#if>
    reg [${counterBits - 1}:0] step;

    assign in_ready   = state == IDLE;
    assign out_valid  = state == DONE;
    assign loading    = state == LOAD;
    assign priming    = state == PRIME;
    assign running    = state == RUN;
    assign in_window  = step >= WINDOW_START;
    assign last_cycle = group == LAST_CYCLE;
    assign step_end   = running && last_cycle;

    always @(posedge clk) begin
        if (rst) begin
            state <= IDLE;
            load_index <= ${oscillatorBits}'d0;
            group <= ${groupBits}'d0;
<#if pipeline gt 0>
            first_results <= 1'b0;
</#if>
            step <= ${counterBits}'d0;
<#if decisionStages gt 0>
            decide <= 2'd0;
</#if>
        end else begin
            case (state)
                IDLE: if (in_valid) begin
                    state <= LOAD;
                    load_index <= ${oscillatorBits}'d0;
                end
                LOAD: if (load_index == LAST_OSCILLATOR) begin
                    state <= PRIME;
                    group <= ${groupBits}'d0;
<#if pipeline gt 0>
                    first_results <= 1'b0;
</#if>
                end else begin
                    load_index <= load_index + ${oscillatorBits}'d1;
                end
                PRIME: if (last_cycle) begin
                    state <= RUN;
                    group <= ${groupBits}'d0;
<#if pipeline gt 0>
                    first_results <= 1'b0;
</#if>
                    step <= ${counterBits}'d0;
                end else begin
                    group <= group + ${groupBits}'d1;
<#if pipeline gt 0>
                    first_results <= group == ${groupBits}'d${pipeline - 1};
</#if>
                end
                RUN: if (last_cycle) begin
                    group <= ${groupBits}'d0;
<#if pipeline gt 0>
                    first_results <= 1'b0;
</#if>
                    if (step == LAST_STEP) begin
<#if decisionStages gt 0>
                        state <= DECIDE;
                        decide <= 2'd0;
<#else>
                        state <= DONE;
</#if>
                    end else begin
                        step <= step + ${counterBits}'d1;
                    end
                end else begin
                    group <= group + ${groupBits}'d1;
<#if pipeline gt 0>
                    first_results <= group == ${groupBits}'d${pipeline - 1};
</#if>
                end
<#if decisionStages gt 0>
                DECIDE: if (decide == LAST_DECIDE) begin
                    state <= DONE;
                end else begin
                    decide <= decide + 2'd1;
                end
</#if>
                DONE: if (out_ready) begin
                    state <= IDLE;
                end
                default: state <= IDLE;
            endcase
        end
    end
endmodule
