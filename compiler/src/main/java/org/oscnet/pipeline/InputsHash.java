package org.oscnet.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.oscnet.model.Dataset;
import org.oscnet.model.Design;
import org.oscnet.model.Samples;

/**
 * The content hash of what training reads: the {@code .osc} text (line ends normalised, so a
 * checkout with CRLF hashes the same) and every dataset as the checker loaded it (class names,
 * split rows and labels, after scaling). Hashing loaded data rather than files covers idx label
 * files and split changes, and does not depend on where the files lie.
 */
public final class InputsHash {
    private InputsHash() {
    }

    /** {@code sha256:} and 64 hex digits. */
    public static String of(Design design) {
        MessageDigest digest = sha256();
        try {
            String text = Files.readString(design.source(), StandardCharsets.UTF_8).replace("\r\n", "\n");
            digest.update(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Dataset dataset : design.datasets()) {
            digest.update(("\ndataset " + dataset.name() + " " + dataset.classNames() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            update(digest, dataset.train());
            update(digest, dataset.test());
        }
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, Samples samples) {
        double[] features = samples.featuresRowMajor();
        int[] labels = samples.labels();
        ByteBuffer buffer = ByteBuffer.allocate(8 + 8 * features.length + 4 * labels.length);
        buffer.putInt(samples.size()).putInt(samples.featureCount());
        for (double value : features) {
            buffer.putLong(Double.doubleToLongBits(value));
        }
        for (int label : labels) {
            buffer.putInt(label);
        }
        digest.update(buffer.array());
    }

    /** A fresh SHA-256 digest (every Java platform has one), for hashes built on top of this one. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
