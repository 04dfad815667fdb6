<#include "header.ftl">
// Sync detector and class decision: pair p synchronises when |acc_a - acc_b| <= ${syncThreshold}
// (D <= 1, i.e. mean frequencies within k/2 over the ${readoutSteps}-step read-out window); the
// class is the pair with the smallest difference, the first on ties.
module ${name}_decision (
    input  wire [${readoutCount * accumulatorBits - 1}:0] accumulators,
    output wire [${pairs?size - 1}:0] sync,
    output wire [${classBits - 1}:0] best
);
    localparam [${accumulatorBits}:0] THRESHOLD = ${accumulatorBits + 1}'d${syncThreshold};
<#list pairs as pair>
    wire signed [${accumulatorBits}:0] a${pair?index} = ${pair.first};
    wire signed [${accumulatorBits}:0] b${pair?index} = ${pair.second};
    wire signed [${accumulatorBits}:0] d${pair?index} = a${pair?index} - b${pair?index};
    wire        [${accumulatorBits}:0] distance${pair?index} = d${pair?index}[${accumulatorBits}] ? -d${pair?index} : d${pair?index};
    assign sync[${pair?index}] = distance${pair?index} <= THRESHOLD;
</#list>

<#if pairs?size == 1>
    assign best = ${classBits}'d0;
<#else>
    reg [${classBits - 1}:0] choice;
    reg [${accumulatorBits}:0] smallest;
    assign best = choice;
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
