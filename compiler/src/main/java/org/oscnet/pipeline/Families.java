package org.oscnet.pipeline;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.oscnet.model.EquilibriumNetwork;
import org.oscnet.model.Network;

/** The registry of families: the one place a new family is added. */
final class Families {
    private static final Map<String, Family<?, ?>> BY_KEYWORD = List.<Family<?, ?>>of(
            new KuramotoFamily(),
            new StnoRnnFamily(),
            new EquilibriumFamily(EquilibriumNetwork.Kind.XY),
            new EquilibriumFamily(EquilibriumNetwork.Kind.STUART_LANDAU))
            .stream().collect(Collectors.toUnmodifiableMap(Family::keyword, Function.identity()));

    private Families() {
    }

    /** The family of {@code network}; {@link NotImplementedYet} saying {@code what} when none is registered. */
    static Family<?, ?> of(Network network, String what) {
        Family<?, ?> family = BY_KEYWORD.get(network.family());
        if (family == null) {
            throw new NotImplementedYet(what);
        }
        return family;
    }
}
