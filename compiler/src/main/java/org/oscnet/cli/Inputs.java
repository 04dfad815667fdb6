package org.oscnet.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.oscnet.dsl.Frontend;
import org.oscnet.dsl.diag.DiagnosticRenderer;
import org.oscnet.model.Design;

/** Loading .osc files for the commands: diagnostics to stderr, a {@link Design} or a {@link UserError}. */
final class Inputs {
    private Inputs() {
    }

    /** The checked design of {@code file}; prints every problem and throws when there are errors. */
    static Design load(Path file, PrintWriter err) {
        Frontend.Result result = Frontend.load(file, file.toString());
        if (!result.diagnostics().isEmpty()) {
            err.print(DiagnosticRenderer.render(result.diagnostics()));
            err.flush();
        }
        return result.design().orElseThrow(() -> new UserError(file + " has errors; nothing was written"));
    }

    /** Refuses an output path that exists and is not a directory, before any work starts. */
    static void checkOutputDirectory(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UserError("output `" + dir + "` exists and is not a directory");
        }
    }

    /**
     * The source as {@code trained.json} records it: as given on the command line when relative,
     * else relative to the output folder, so no absolute path of the training machine is kept.
     */
    static String recordedSource(Path file, Path output) {
        Path shown = file.isAbsolute() ? output.toAbsolutePath().normalize().relativize(file.normalize()) : file;
        return shown.toString().replace('\\', '/');
    }

    /** The source as generated headers name it: relative to the working directory when inside it, never absolute. */
    static String source(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path here = Path.of("").toAbsolutePath();
        return (absolute.startsWith(here) ? here.relativize(absolute) : absolute.getFileName()).toString()
                .replace('\\', '/');
    }
}
