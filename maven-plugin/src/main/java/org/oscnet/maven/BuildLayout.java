package org.oscnet.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the plugin reads and writes, for one project: {@code .osc} files under {@code sources},
 * each file's trained parameters next to it in {@code <name>.trained/<network>/trained.json},
 * hardware under {@code outputs/<network>/}, generated Java models under {@code javaSources}.
 */
record BuildLayout(Path basedir, Path sources, Path outputs, Path javaSources) {

    /** Every {@code .osc} file under {@link #sources}, in a stable order; empty when the folder does not exist. */
    List<Path> oscFiles() throws IOException {
        if (!Files.isDirectory(sources)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(sources)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".osc") && Files.isRegularFile(p)).sorted()
                    .toList();
        }
    }

    /** The folder holding {@code <network>/trained.json} for {@code oscFile}: {@code net.osc -> net.trained}. */
    Path trainedRoot(Path oscFile) {
        String name = oscFile.getFileName().toString();
        return oscFile.resolveSibling(name.substring(0, name.length() - ".osc".length()) + ".trained");
    }

    /** How messages name {@code file}: relative to the project, with forward slashes. */
    String shown(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path base = basedir.toAbsolutePath().normalize();
        return (absolute.startsWith(base) ? base.relativize(absolute) : absolute).toString().replace('\\', '/');
    }

    /** Where the record of the last generation from {@code oscFile} is kept. */
    Path stampOf(Path oscFile) {
        return outputs.resolve(".stamps").resolve(shown(oscFile).replace('/', '_') + ".json");
    }
}
