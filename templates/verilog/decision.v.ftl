<#include "header.ftl">
// Sync detector and class decision: pair p synchronises when |acc_a - acc_b| <= ${syncThreshold}
// (D <= 1, i.e. mean frequencies within k/2 over the ${readoutSteps}-step read-out window); the
// class is the pair with the smallest difference, the first on ties.
<#if decisionStages gt 0>
// Registered in 3 stages (differences, distances, outputs); the accumulators hold still meanwhile,
// and the controller raises out_valid once the last stage holds the decision.
</#if>
module ${name}_decision (
<#if decisionStages gt 0>
    input  wire clk,
</#if>
    input  wire [${readoutCount * accumulatorBits - 1}:0] accumulators,
    output <#if decisionStages gt 0>reg <#else>wire</#if> [${pairs?size - 1}:0] sync,
    output <#if decisionStages gt 0>reg <#else>wire</#if> [${classBits - 1}:0] best
);
    localparam [${accumulatorBits}:0] THRESHOLD = ${accumulatorBits + 1}'d${syncThreshold};
<#list pairs as pair>
    wire signed [${accumulatorBits}:0] a${pair?index} = ${pair.first};
    wire signed [${accumulatorBits}:0] b${pair?index} = ${pair.second};
<#if decisionStages gt 0>
    reg  signed [${accumulatorBits}:0] d${pair?index};
    reg         [${accumulatorBits}:0] distance${pair?index};
    always @(posedge clk) begin
        d${pair?index} <= a${pair?index} - b${pair?index};
        distance${pair?index} <= d${pair?index}[${accumulatorBits}] ? -d${pair?index} : d${pair?index};
        sync[${pair?index}] <= distance${pair?index} <= THRESHOLD;
    end
<#else>
    wire signed [${accumulatorBits}:0] d${pair?index} = a${pair?index} - b${pair?index};
    wire        [${accumulatorBits}:0] distance${pair?index} = d${pair?index}[${accumulatorBits}] ? -d${pair?index} : d${pair?index};
    assign sync[${pair?index}] = distance${pair?index} <= THRESHOLD;
</#if>
</#list>

<#if pairs?size == 1>
<#if decisionStages gt 0>
    always @(posedge clk) begin
        best <= ${classBits}'d0;
    end
<#else>
    assign best = ${classBits}'d0;
</#if>
<#else>
    reg [${classBits - 1}:0] choice;
    reg [${accumulatorBits}:0] smallest;
<#if decisionStages gt 0>
    always @(posedge clk) begin
        best <= choice;
    end
<#else>
    assign best = choice;
</#if>
    always @* begin
        choice = ${classBits}'d0;
        smallest = distance0;
<#list pairs as pair><#if pair?index != 0>
        if (distance${pair?index} < smallest) begin
            choice = ${classBits}'d${pair?index};
            smallest = distance${pair?index};
        end
</#if></#list>
    end
</#if>
endmodule
