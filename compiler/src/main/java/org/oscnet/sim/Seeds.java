package org.oscnet.sim;

/**
 * Derives independent seeds from a run seed and indices (iteration, example), so every example
 * draws the same random numbers whichever thread simulates it.
 */
public final class Seeds {
    private Seeds() {
    }

    /** SplitMix64's finaliser: a bijective mix of 64 bits. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    public static long derive(long seed, long a, long b) {
        return mix(mix(mix(seed) + a) + b);
    }
}
