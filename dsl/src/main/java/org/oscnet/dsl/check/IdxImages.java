package org.oscnet.dsl.check;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.oscnet.dsl.diag.Diagnostics;
import org.oscnet.dsl.diag.Span;

/**
 * Images and labels in the idx format of the MNIST distribution (optionally gzip-compressed):
 * a big-endian header (magic {@code 0x00000803} and three sizes for unsigned-byte images,
 * {@code 0x00000801} and a count for labels) then the bytes. Every image becomes one row of
 * {@code rows × columns} features (row-major, 0..255). A wrong magic number, a size the file does
 * not hold, or label and image counts that differ are errors that name the file and the byte offset.
 */
final class IdxImages {
    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;

    /** Images, one row each, and their labels. */
    record Data(double[][] features, int[] labels) {
    }

    private IdxImages() {
    }

    /** Whether a data file is read as idx images (by its name, as the MNIST files are named). */
    static boolean isIdx(String path) {
        return path.endsWith("idx3-ubyte") || path.endsWith("idx3-ubyte.gz");
    }

    static Optional<Data> read(Path images, String shownImages, Span imagesAt, Path labels, String shownLabels,
            Span labelsAt, Diagnostics diagnostics) {
        Optional<byte[]> imageBytes = bytes(images, shownImages, imagesAt, diagnostics);
        Optional<byte[]> labelBytes = bytes(labels, shownLabels, labelsAt, diagnostics);
        if (imageBytes.isEmpty() || labelBytes.isEmpty()) {
            return Optional.empty();
        }
        ByteBuffer in = ByteBuffer.wrap(imageBytes.get());
        ByteBuffer lb = ByteBuffer.wrap(labelBytes.get());
        if (!header(in, 16, IMAGES_MAGIC, "an idx3-ubyte image file", shownImages, imagesAt, diagnostics)
                || !header(lb, 8, LABELS_MAGIC, "an idx1-ubyte label file", shownLabels, labelsAt, diagnostics)) {
            return Optional.empty();
        }
        int count = in.getInt(4);
        int height = in.getInt(8);
        int width = in.getInt(12);
        long pixels = (long) height * width;
        long needed = 16 + count * pixels;
        if (count < 0 || height <= 0 || width <= 0 || needed != in.capacity()) {
            diagnostics.error(imagesAt, "`" + shownImages + "`: the header (byte offset 4) promises " + count
                    + " images of " + height + " x " + width + " pixels, " + needed + " bytes in all, but the file has "
                    + in.capacity() + " bytes");
            return Optional.empty();
        }
        int labelCount = lb.getInt(4);
        if (labelCount < 0 || 8L + labelCount != lb.capacity()) {
            diagnostics.error(labelsAt, "`" + shownLabels + "`: the header (byte offset 4) promises " + labelCount
                    + " labels, " + (8L + labelCount) + " bytes in all, but the file has " + lb.capacity() + " bytes");
            return Optional.empty();
        }
        if (labelCount != count) {
            diagnostics.error(labelsAt, "`" + shownLabels + "` has " + labelCount + " labels (byte offset 4) but `"
                    + shownImages + "` has " + count + " images; give the label file of these images");
            return Optional.empty();
        }
        double[][] features = new double[count][(int) pixels];
        int[] classes = new int[count];
        for (int r = 0; r < count; r++) {
            for (int p = 0; p < pixels; p++) {
                features[r][p] = in.get(16 + (int) (r * pixels) + p) & 0xff;
            }
            classes[r] = lb.get(8 + r) & 0xff;
        }
        return Optional.of(new Data(features, classes));
    }

    private static boolean header(ByteBuffer buffer, int length, int magic, String what, String shown, Span at,
            Diagnostics diagnostics) {
        if (buffer.capacity() < length) {
            diagnostics.error(at, "`" + shown + "` is " + buffer.capacity() + " bytes long, shorter than the "
                    + length + "-byte header of " + what);
            return false;
        }
        int found = buffer.getInt(0);
        if (found != magic) {
            diagnostics.error(at, String.format("`%s`: the magic number at byte offset 0 is 0x%08x; %s starts with"
                    + " 0x%08x", shown, found, what, magic));
            return false;
        }
        return true;
    }

    private static Optional<byte[]> bytes(Path path, String shown, Span at, Diagnostics diagnostics) {
        try (InputStream raw = Files.newInputStream(path);
                InputStream in = path.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            return Optional.of(in.readAllBytes());
        } catch (NoSuchFileException e) {
            diagnostics.error(at, "data file `" + shown + "` does not exist (looked for " + path + ")");
        } catch (IOException e) {
            diagnostics.error(at, "cannot read data file `" + shown + "`: " + e.getMessage());
        }
        return Optional.empty();
    }
}
