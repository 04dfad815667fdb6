package org.oscnet.quantize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.oscnet.model.StnoRnnNetwork;
import org.oscnet.sim.RecurrentLayout;

class RecurrentDacTest {
    private static final StnoRnnNetwork NET = new StnoRnnNetwork("net", "d", List.of(4, 5),
                new StnoRnnNetwork.Densities(0.6, 0.6, 0.5), 14.12e-9,
            0.14e9, 1e6, 1e-9, 3, new StnoRnnNetwork.Neuron(StnoRnnNetwork.Neuron.Kind.STNO, false, 0, 1), 1,
            StnoRnnNetwork.Integrator.EULER);

    private static double[][] parametersAndMask() {
        RecurrentLayout layout = new RecurrentLayout(NET.layers(), NET.classCount());
        double[] mask = layout.masks(NET.density(), 3);
        double[] p = layout.initialParameters(mask, 2, 4);
        for (int l = 0; l < 2; l++) {
            for (int i = 0; i < NET.layers().get(l); i++) {
                p[layout.biasOffset(l) + i] = 0.3 * (i - 2);
            }
        }
        return new double[][] {p, mask};
    }

    @Test
    void everyCurrentIsCodedWithinHalfAnLsbAndMapsBackToItsCode() {
        double[][] pm = parametersAndMask();
        RecurrentDac.Plan plan = RecurrentDac.plan(NET, pm[0], pm[1], 10, 8e-3, 2e-3);
        double gamma = 1 / 14.12;
        assertEquals(2e-3 / gamma, plan.ampsPerDrive(), 1e-12, "threshold current per threshold drive γ");
        RecurrentLayout layout = new RecurrentLayout(NET.layers(), NET.classCount());
        int kept = 0;
        for (int l = 0; l < 2; l++) {
            for (int k = layout.externalOffset(l); k < layout.biasOffset(l); k++) {
                kept += (int) pm[1][k];
            }
        }
        assertEquals(kept, plan.synapses().size(), "one entry per kept weight outside the biases and the readout");
        assertEquals(9, plan.biases().size());
        for (RecurrentDac.Entry e : plan.biases()) {
            assertTrue(Math.abs(e.codedAmps() - e.exactAmps()) <= plan.lsbAmps() / 2 + 1e-15, e.toString());
        }
        for (RecurrentDac.Entry e : plan.synapses()) {
            assertTrue(Math.abs(e.codedAmps() - e.exactAmps()) <= plan.lsbAmps() / 2 + 1e-15, e.toString());
        }
        // the coded parameters give back exactly the coded bias current
        RecurrentDac.Entry first = plan.biases().get(0);
        double drive = 2 * gamma + 0.14 * plan.quantised()[layout.biasOffset(0)];
        assertEquals(first.codedAmps(), drive * plan.ampsPerDrive(), 1e-12);
    }

    @Test
    void aBiasBeyondFullScaleIsAnErrorNamingTheNeuron() {
        double[][] pm = parametersAndMask();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RecurrentDac.plan(NET, pm[0], pm[1], 10, 4e-3, 2e-3));
        assertTrue(e.getMessage().matches("neuron \\d of layer \\d of `net` needs a bias of 4\\.\\d+ mA, outside the"
                + " DAC's 0 \\.\\. 3\\.99\\d+ mA; raise `full scale`"), e.getMessage());
    }

    @Test
    void ctrnnNeuronsHaveNoDacTables() {
        StnoRnnNetwork ctrnn = new StnoRnnNetwork("c", "d", List.of(4, 5),
                new StnoRnnNetwork.Densities(0.6, 0.6, 0.5), 14.12e-9, 0.14e9, 1e6, 1e-9, 3,
                new StnoRnnNetwork.Neuron(StnoRnnNetwork.Neuron.Kind.CTRNN, false, 0, 1), 1,
                StnoRnnNetwork.Integrator.EULER);
        double[][] pm = parametersAndMask();
        assertThrows(IllegalArgumentException.class, () -> RecurrentDac.plan(ctrnn, pm[0], pm[1], 10, 8e-3, 2e-3));
    }
}
