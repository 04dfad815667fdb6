package org.oscnet.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oscnet.emit.Templates;

/**
 * A Verilog shell around a core for place and route only: its wide inputs (more than
 * {@link #PIN_WIDTH} bits) are fed from one serial shift register, so a core whose sample is
 * 48 bits wide still fits a 48-pin iCE40 package. The shift register is counted in what
 * synthesis reports (one flip-flop per serial bit).
 */
final class PinShell {
    /** Inputs at most this wide stay pins. */
    static final int PIN_WIDTH = 4;

    private PinShell() {
    }

    /** One port of the core. */
    record Port(String name, String direction, int width) {
    }

    static String render(String top, List<Port> ports) {
        List<Map<String, Object>> pins = new ArrayList<>();
        List<Map<String, Object>> connections = new ArrayList<>();
        List<String> serial = new ArrayList<>();
        int serialBits = 0;
        for (Port port : ports) {
            boolean wideInput = port.direction().equals("input") && port.width() > PIN_WIDTH;
            if (wideInput) {
                connections.add(Map.of("port", port.name(), "signal", "shifted[" + (serialBits + port.width() - 1)
                        + ":" + serialBits + "]"));
                serial.add("`" + port.name() + "`");
                serialBits += port.width();
            } else {
                pins.add(pin(port.direction(), port.width(), port.name()));
                connections.add(Map.of("port", port.name(), "signal", port.name()));
            }
        }
        if (serialBits == 0) {
            // nothing to serialise: the shell is only a rename, with two unused pins
            serialBits = 1;
        }
        pins.add(pin("input", 1, "shift_in"));
        pins.add(pin("input", 1, "shift_en"));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("top", top);
        model.put("pins", pins);
        model.put("connections", connections);
        model.put("serialBits", serialBits);
        model.put("serialPorts", serial.isEmpty() ? "none" : String.join(", ", serial));
        model.put("firstPort", serial.isEmpty() ? "none" : serial.get(0));
        return Templates.render("verilog/pins_shell.v.ftl", model);
    }

    private static Map<String, Object> pin(String direction, int width, String name) {
        return Map.of("direction", direction, "range", width == 1 ? "" : "[" + (width - 1) + ":0] ", "name", name);
    }
}
