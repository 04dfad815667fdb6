package org.oscnet.verify;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The place-and-route shell: wide inputs come from one shift register, in port order; the rest stay pins. */
class PinShellTest {
    @Test
    void wideInputsAreSlicesOfOneShiftRegisterAndTheOtherPortsStayPins() {
        String shell = PinShell.render("core_top", List.of(new PinShell.Port("clk", "input", 1),
                new PinShell.Port("in_a", "input", 48), new PinShell.Port("mode", "input", 3),
                new PinShell.Port("in_b", "input", 10), new PinShell.Port("out_class", "output", 2)));
        assertTrue(shell.contains("module core_top_pins ("), shell);
        assertTrue(shell.contains("reg [57:0] shifted;"), shell);
        assertTrue(shell.contains("shifted <= {shift_in, shifted[57:1]};"), shell);
        assertTrue(shell.contains(".in_a(shifted[47:0])"), shell);
        assertTrue(shell.contains(".in_b(shifted[57:48])"), shell);
        assertTrue(shell.contains("input wire [2:0] mode"), shell);
        assertTrue(shell.contains("output wire [1:0] out_class"), shell);
        assertTrue(shell.contains(".mode(mode)"), shell);
        assertFalse(shell.contains("wire [47:0] in_a"), "a wide input is no pin");
    }
}
