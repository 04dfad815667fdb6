package org.oscnet.pipeline;

import org.oscnet.model.Design;
import org.oscnet.model.HardwareTarget;
import org.oscnet.model.Network;

/**
 * The pipeline after the front end: train, compile, verify. Each stage dispatches on the network
 * family or target; what is not built yet says so with {@link NotImplementedYet}.
 */
public final class Stages {
    private Stages() {
    }

    /** Checks that every hardware target of the design can be emitted, before anything is written. */
    public static void requireCompilable(Design design) {
        for (HardwareTarget target : design.hardware()) {
            String network = design.network(target.network()).map(Network::family).orElse("?");
            if (target.verilog().isPresent()) {
                throw new NotImplementedYet("the verilog target for " + network + " networks (`" + target.network() + "`)");
            }
            if (target.dac().isPresent()) {
                throw new NotImplementedYet("the dac target (`" + target.network() + "`)");
            }
            if (target.spice().isPresent()) {
                throw new NotImplementedYet("the spice target (`" + target.network() + "`)");
            }
        }
    }
}
