package org.oscnet.pipeline;

import java.util.List;
import java.util.Set;
import org.oscnet.model.Design;
import org.oscnet.model.HardwareTarget;
import org.oscnet.model.KuramotoNetwork;
import org.oscnet.model.Network;

/**
 * The pipeline after the front end: train, compile, verify. Each stage dispatches on the network
 * family or target; what is not built yet says so with {@link NotImplementedYet}.
 */
public final class Stages {
    /** Every target a hardware block can ask for. */
    public static final List<String> TARGETS = List.of("verilog", "dac", "spice");

    private Stages() {
    }

    /**
     * Checks, before anything is written, that every requested target ({@code wanted}, a subset of
     * {@link #TARGETS}) of every hardware block can be emitted.
     */
    public static void requireCompilable(Design design, Set<String> wanted) {
        for (HardwareTarget target : design.hardware()) {
            Network network = design.network(target.network()).orElseThrow();
            if (wanted.contains("verilog") && target.verilog().isPresent() && !(network instanceof KuramotoNetwork)) {
                throw new NotImplementedYet("the verilog target for " + network.family() + " networks (`"
                        + target.network() + "`)");
            }
            boolean spintronic = (wanted.contains("dac") && target.dac().isPresent())
                    || (wanted.contains("spice") && target.spice().isPresent());
            if (spintronic && !(network instanceof KuramotoNetwork)) {
                throw new NotImplementedYet("the dac and spice targets for " + network.family() + " networks (`"
                        + target.network() + "`)");
            }
        }
    }
}
