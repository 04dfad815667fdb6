package org.oscnet.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A checked .osc file: every name resolved, every quantity in SI units (seconds, hertz, amperes,
 * radians), every data file loaded and split. The compiler's stages start from here; none of
 * them sees the parse tree.
 */
public record Design(Path source, List<Dataset> datasets, List<Network> networks, List<Training> trainings,
        List<HardwareTarget> hardware) {

    public Design {
        datasets = List.copyOf(datasets);
        networks = List.copyOf(networks);
        trainings = List.copyOf(trainings);
        hardware = List.copyOf(hardware);
    }

    public Optional<Dataset> dataset(String name) {
        return datasets.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    public Optional<Network> network(String name) {
        return networks.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    public Optional<HardwareTarget> hardwareFor(String network) {
        return hardware.stream().filter(h -> h.network().equals(network)).findFirst();
    }
}
