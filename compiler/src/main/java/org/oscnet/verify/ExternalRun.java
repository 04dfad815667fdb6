package org.oscnet.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs an external program to completion, collecting its merged output and the wall time. */
public final class ExternalRun {
    private ExternalRun() {
    }

    /** How a program ended: exit status (-1 on time-out), its output, and seconds taken. */
    public record Outcome(List<String> command, int status, String output, double seconds) {
        public boolean ok() {
            return status == 0;
        }

        /** The last lines of the output, for error messages. */
        public String tail(int lines) {
            String[] all = output.strip().split("\n");
            return String.join("\n", java.util.Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
        }
    }

    public static Outcome run(Path workingDirectory, long timeoutSeconds, List<String> command) throws IOException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(new ArrayList<>(command)).directory(workingDirectory.toFile())
                .redirectErrorStream(true).start();
        process.getOutputStream().close();
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try {
                output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                output.append("(output unreadable: ").append(e.getMessage()).append(")");
            }
        });
        reader.start();
        try {
            boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly();
            }
            reader.join();
            int status = finished ? process.exitValue() : -1;
            return new Outcome(command, status, output.toString(), (System.nanoTime() - start) / 1e9);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.get(0), e);
        }
    }
}
