package org.oscnet.train;

/** What every family's trainer returns: the trained network's name and how well it learned. */
public interface Trained {
    String network();

    double trainAccuracy();

    double testAccuracy();

    double wallSeconds();
}
