package org.oscnet.model;

/** A checked network of one of the families oscnet knows. */
public sealed interface Network permits KuramotoNetwork, StnoRnnNetwork, EquilibriumNetwork {
    String name();

    /** The family keyword as written in .osc files: kuramoto, stno_rnn, xy, stuart_landau. */
    String family();

    /** The dataset whose features drive the inputs. */
    String dataset();
}
