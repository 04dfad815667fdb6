package org.oscnet.dsl.diag;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean ...?": the closest known word to a misspelt one, when it is close enough. */
public final class Suggestions {
    private Suggestions() {
    }

    /**
     * The candidate nearest to {@code word} by optimal-string-alignment distance (a swap of
     * neighbours counts once), if within a third of the word's length (at least one edit); a
     * candidate differing only in letter case is always nearest.
     * Ties go to the earlier candidate, so callers list common words first.
     */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        // One edit turns any one- or two-letter word into many others; only a case slip is worth a hint there.
        int limit = word.length() < 3 ? 0 : Math.max(1, word.length() / 3);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            if (candidate.equals(word)) {
                continue;
            }
            int d = candidate.equalsIgnoreCase(word) ? 0 : distance(word, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return bestDistance <= limit ? Optional.of(best) : Optional.empty();
    }

    /** {@code message}, plus "; did you mean `x`?" when a candidate is close. */
    public static String withHint(String message, String word, Collection<String> candidates) {
        return closest(word, candidates).map(s -> message + "; did you mean `" + s + "`?").orElse(message);
    }

    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
