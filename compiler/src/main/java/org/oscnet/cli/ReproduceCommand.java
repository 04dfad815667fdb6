package org.oscnet.cli;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.oscnet.io.OutputFolder;
import org.oscnet.reproduce.Paper1;
import org.oscnet.reproduce.Paper1Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code oscnet reproduce}: rerun a seed paper's experiments and report beside its numbers. */
@Command(name = "reproduce", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Rerun the experiments of a seed paper from the example files, over seeds 1..N,",
            "print a table beside the published numbers, and write DIR/README.md with plots.",
            "Papers: paper1 (Vodenicarevic et al., Kuramoto classifiers). The full run takes about",
            "an hour on 2 cores; --only picks groups: " + "iris, robustness, 2d, band, reference, perceptron."},
        footer = {"", "Example:", "  oscnet reproduce paper1 --only iris,robustness --seeds 3 -o out/repro"})
final class ReproduceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PAPER", description = "paper1")
    String paper;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "10", description = "seeds per row (default: 10)")
    int seeds;

    @Option(names = "--only", paramLabel = "GROUPS", split = ",", description = "row groups to run (default: all)")
    List<String> only;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "docs/reproduction",
            description = "where the report goes (default: ${DEFAULT-VALUE})")
    Path output;

    @Override
    public Integer call() throws java.io.IOException {
        if (!paper.equals("paper1")) {
            throw new UserError("unknown paper `" + paper + "`; oscnet reproduces paper1");
        }
        if (seeds < 1) {
            throw new UserError("--seeds must be at least 1");
        }
        Set<String> groups = new LinkedHashSet<>(only == null ? Paper1.GROUPS : only);
        for (String group : groups) {
            if (!Paper1.GROUPS.contains(group)) {
                throw new UserError("unknown group `" + group + "`; groups are " + String.join(", ", Paper1.GROUPS));
            }
        }
        Inputs.checkOutputDirectory(output);
        long start = System.nanoTime();
        var err = spec.commandLine().getErr();
        Paper1.Report report = new Paper1(DemoCommand.home().resolve("examples"), seeds, groups, err).run();
        double minutes = (System.nanoTime() - start) / 60e9;
        String command = "oscnet reproduce paper1 --seeds " + seeds + (only == null ? "" : " --only " + String.join(",",
                groups));
        OutputFolder folder = new OutputFolder(output);
        folder.put("README.md", Paper1Report.markdown(report, command, Main.version(), minutes));
        report.plots().forEach(folder::put);
        spec.commandLine().getOut().print(Paper1Report.table(report));
        folder.commit().forEach(p -> spec.commandLine().getOut().println("wrote " + p));
        return 0;
    }
}
