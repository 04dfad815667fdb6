package org.oscnet.cli;

import java.io.IOException;
import java.io.PrintWriter;
import org.oscnet.pipeline.BadInput;
import org.oscnet.pipeline.NotImplementedYet;
import org.oscnet.pipeline.Pipeline;
import org.oscnet.verify.Tools;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code oscnet} command line. */
@Command(name = "oscnet",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {
            "Turns a network description (.osc file) into trained, verified oscillator hardware: Kuramoto"
                    + " classifiers, spintronic recurrent networks, XY and Stuart-Landau networks.",
            ""},
        subcommands = {CheckCommand.class, TrainCommand.class, CompileCommand.class, VerifyCommand.class,
            BuildCommand.class, SweepCommand.class, BenchCommand.class, DemoCommand.class, ReproduceCommand.class,
            CommandLine.HelpCommand.class},
        footerHeading = "%nExit status:%n",
        footer = {
            "  0  done",
            "  1  the input has errors (each is printed as file:line:col: error: ...)",
            "  2  the command line is wrong",
            "  3  the network family or target is not implemented yet",
            "  4  a verification failed (verify), or a task failed (sweep)",
            "  5  a tool the command drives (verilator, iverilog, yosys, nextpnr-ice40, ngspice) is not installed",
            " 70  internal error (a bug in oscnet; set OSCNET_DEBUG=1 for the stack trace)",
            "",
            "Start with:  oscnet demo      or      oscnet check examples/*.osc"})
public final class Main {
    static final int USER_ERROR = 1;
    static final int NOT_IMPLEMENTED = 3;
    static final int TOOL_MISSING = 5;
    static final int INTERNAL_ERROR = 70;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams; returns the exit status. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof NotImplementedYet) {
                err.println("oscnet: " + e.getMessage());
                return NOT_IMPLEMENTED;
            }
            if (e instanceof Tools.Missing) {
                err.println("oscnet: " + e.getMessage());
                return TOOL_MISSING;
            }
            if (e instanceof UserError || e instanceof BadInput) {
                err.println("oscnet: " + e.getMessage());
                return USER_ERROR;
            }
            err.println("oscnet: internal error: " + e + " (this is a bug in oscnet)");
            if (System.getenv("OSCNET_DEBUG") != null) {
                e.printStackTrace(err);
            }
            return INTERNAL_ERROR;
        });
        return cli.execute(args);
    }

    /** Reads the version Maven wrote into the jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            return new String[] {"oscnet " + version()};
        }
    }

    static String version() {
        return Pipeline.version();
    }
}
