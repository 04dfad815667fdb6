package org.oscnet.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.oscnet.dsl.Frontend;
import org.oscnet.dsl.diag.DiagnosticRenderer;
import org.oscnet.model.Design;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code oscnet check}: parse and check files, load their data, report every problem. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        header = "Parse and check .osc files: names, units, ranges, data files and their split.",
        description = {
            "Parse and check .osc files: names, units, ranges, data files and their split. Every problem is"
                    + " printed as file:line:col: error: message, with the line and a caret. Nothing is written."},
        footer = {"", "Example:", "  oscnet check examples/*.osc"})
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "the .osc files to check")
    List<Path> files;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        int failed = 0;
        for (Path file : files) {
            Frontend.Result result = Frontend.load(file, file.toString());
            if (!result.diagnostics().isEmpty()) {
                err.print(DiagnosticRenderer.render(result.diagnostics()));
                err.flush();
            }
            if (result.design().isPresent()) {
                out.println(file + ": ok (" + summary(result.design().get()) + ")");
            } else {
                failed++;
            }
        }
        return failed == 0 ? 0 : Main.USER_ERROR;
    }

    static String summary(Design design) {
        return count(design.datasets().size(), "dataset") + ", " + count(design.networks().size(), "network") + ", "
                + count(design.trainings().size(), "training") + ", "
                + count(design.hardware().size(), "hardware target");
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
