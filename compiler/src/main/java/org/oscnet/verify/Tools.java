package org.oscnet.verify;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The external EDA tools oscnet drives, found on the PATH. Missing tools are named with the
 * command that installs them, so a user (or CI) knows what to do.
 */
public final class Tools {
    /** An external program and how to ask it for its version. */
    public enum Tool {
        VERILATOR("verilator", "--version"),
        ICARUS("iverilog", "-V"),
        ICARUS_RUNTIME("vvp", "-V"),
        YOSYS("yosys", "-V"),
        NEXTPNR_ICE40("nextpnr-ice40", "--version"),
        // icetime has no version option: asked for help, it prints its usage and exits 1
        ICETIME("icetime", "-h", 1),
        NGSPICE("ngspice", "--version");

        private final String command;
        private final String versionFlag;
        private final int versionExit;

        Tool(String command, String versionFlag) {
            this(command, versionFlag, 0);
        }

        Tool(String command, String versionFlag, int versionExit) {
            this.command = command;
            this.versionFlag = versionFlag;
            this.versionExit = versionExit;
        }

        /** The exit status of {@link #versionCommand()} when the tool works. */
        public int versionExit() {
            return versionExit;
        }

        public String command() {
            return command;
        }

        public List<String> versionCommand() {
            return List.of(command, versionFlag);
        }
    }

    /** Installs every tool the tests need; the README's test command runs it first. */
    public static final String INSTALL_HINT = "scripts/install-eda-tools";

    private Tools() {
    }

    public static Optional<Path> find(Tool tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, tool.command());
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The tool's path, or {@link Missing} telling how to install it. */
    public static Path require(Tool tool) {
        return find(tool).orElseThrow(() -> new Missing(tool.command() + " is not installed (not on PATH); run "
                + INSTALL_HINT + " (apt-get, as root) or install it yourself"));
    }

    /** A tool a command drives is not installed: the user's machine, not a bug. */
    public static final class Missing extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Missing(String message) {
            super(message);
        }
    }
}
