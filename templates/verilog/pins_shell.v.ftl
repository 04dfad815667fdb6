<#-- A shell that lets place and route put a core with wide ports on a small package. Computed in Synthesis.java. -->
// Place-and-route shell of ${top} (written by `oscnet verify` for synthesis only; not part of
// the design): the ${serialBits} bits of its wide inputs (${serialPorts}) arrive serially on
// `shift_in`, one per clock with `shift_en` high, bit 0 of ${firstPort} first, so the
// core fits the pins of a small package. The other ports are pins.
module ${top}_pins (
<#list pins as pin>
    ${pin.direction} wire ${pin.range}${pin.name}<#sep>,</#sep>
</#list>
);
    reg [${serialBits - 1}:0] shifted;
    always @(posedge clk) begin
        if (shift_en) begin
            shifted <= {shift_in, shifted[${serialBits - 1}:1]};
        end
    end

    ${top} core (
<#list connections as c>
        .${c.port}(${c.signal})<#sep>,</#sep>
</#list>
    );
endmodule
