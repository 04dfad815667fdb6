package org.oscnet.sweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oscnet.cli.Main;
import org.oscnet.sweep.ResultsFile;
import org.oscnet.sweep.TaskResult;

/**
 * A sweep through a real standalone Spark cluster on 127.0.0.1 (a master and one worker started
 * from the project's own dependencies, executors launched by the worker) gives the same results,
 * bit for bit, as the local engine: seeds live in the tasks, so the engine cannot change them.
 */
class SparkSweepIT {
    private static final Path ROOT = Path.of(System.getProperty("oscnet.root", "..")).toAbsolutePath().normalize();
    private static final String CLASSPATH = System.getProperty("spark.test.classpath");
    private static final List<String> JAVA_OPTIONS = Arrays.asList(System.getProperty("spark.test.javaOptions", "")
            .trim().split("\\s+"));

    @TempDir
    Path tmp;

    @Test
    void aSweepOnAStandaloneClusterEqualsTheLocalEngineBitForBit() throws Exception {
        Path osc = tmp.resolve("xor.osc");
        Files.writeString(osc, Files.readString(ROOT.resolve("examples/xor_xy.osc"))
                .replace("\"../data/xor.csv\"", "\"" + ROOT.resolve("data/xor.csv") + "\"")
                .replace("iterations 1000;", "iterations 200;"));
        String[] axes = {"--over", "seed=1..3", "--over", "train.lr=0.05,0.2"};

        // Spark's launcher wants a Spark home: a released one (RELEASE) whose jars/ the class path replaces.
        Path home = Files.createDirectories(tmp.resolve("spark-home"));
        Files.writeString(home.resolve("RELEASE"), "oscnet test: jars come from spark.executor.extraClassPath\n");
        Files.createDirectories(home.resolve("jars"));
        int port = freePort();
        String url = "spark://127.0.0.1:" + port;
        List<Process> cluster = new ArrayList<>();
        try {
            cluster.add(start("master", home, "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                    "--port", Integer.toString(port), "--webui-port", Integer.toString(freePort())));
            awaitPort(port, cluster.get(0));
            cluster.add(start("worker", home, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                    "--cores", "2", "--memory", "2g", "--webui-port", Integer.toString(freePort()), "--work-dir",
                    tmp.resolve("work").toString(), url));

            System.setProperty("spark.executor.extraClassPath", CLASSPATH);
            System.setProperty("spark.executor.extraJavaOptions", String.join(" ", JAVA_OPTIONS));
            System.setProperty("spark.driver.host", "127.0.0.1");
            System.setProperty("spark.driver.bindAddress", "127.0.0.1");
            StringWriter err = new StringWriter();
            int status = Main.run(concat(new String[] {"sweep", osc.toString(), "-o", tmp.resolve("spark").toString(),
                "--engine", "spark", "--master", url}, axes), new PrintWriter(new StringWriter(), true),
                    new PrintWriter(err, true));
            assertEquals(0, status, err + log("master") + log("worker"));
        } finally {
            for (Process process : cluster) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
        assertEquals(0, Main.run(concat(new String[] {"sweep", osc.toString(), "-o", tmp.resolve("local").toString()},
                axes), new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true)));

        Map<String, Map<String, TaskResult.NetworkMetrics>> spark = metrics(tmp.resolve("spark/results.jsonl"));
        Map<String, Map<String, TaskResult.NetworkMetrics>> local = metrics(tmp.resolve("local/results.jsonl"));
        assertEquals(6, spark.size());
        assertEquals(local.keySet(), spark.keySet());
        for (String task : local.keySet()) {
            TaskResult.NetworkMetrics l = local.get(task).get("xor_xy");
            TaskResult.NetworkMetrics s = spark.get(task).get("xor_xy");
            assertEquals(l.trainAccuracy(), s.trainAccuracy(), task);
            assertEquals(l.testAccuracy(), s.testAccuracy(), task);
        }
        // the tasks ran in the worker's executors, not in this JVM
        assertTrue(ResultsFile.read(tmp.resolve("spark/results.jsonl")).stream().allMatch(TaskResult::ok));
        try (var executors = Files.walk(tmp.resolve("work"))) {
            assertTrue(executors.anyMatch(p -> p.getFileName().toString().equals("stderr")),
                    "the worker launched executors");
        }
    }

    /** The goal: {@code reproduce paper1 --engine spark} gives the local engine's table. */
    @Test
    void reproducePaper1OnSparkGivesTheLocalEnginesTable() throws Exception {
        String[] command = {"reproduce", "paper1", "--only", "band", "--seeds", "2", "--steps", "2"};
        StringWriter err = new StringWriter();
        int status = Main.run(concat(command, new String[] {"-o", tmp.resolve("spark").toString(), "--engine",
            "spark", "--master", "local[2]"}), new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(0, status, err.toString());
        assertEquals(0, Main.run(concat(command, new String[] {"-o", tmp.resolve("local").toString()}),
                new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true)));

        Map<String, String> local = accuracies(tmp.resolve("local/results.jsonl"));
        assertEquals(4, local.size());
        assertEquals(local, accuracies(tmp.resolve("spark/results.jsonl")));
        assertEquals(table(tmp.resolve("local/README.md")), table(tmp.resolve("spark/README.md")));
    }

    /** Per task its networks' train and test accuracies (everything but the wall times). */
    private static Map<String, String> accuracies(Path results) throws IOException {
        Map<String, String> byTask = new TreeMap<>();
        metrics(results).forEach((task, networks) -> networks.forEach((network, m) -> byTask.merge(task,
                network + " " + m.trainAccuracy() + " " + m.testAccuracy(), (a, b) -> a + "; " + b)));
        return byTask;
    }

    /** The report's table rows (the lines that start with a pipe), without the command line and dates. */
    private static List<String> table(Path report) throws IOException {
        return Files.readAllLines(report).stream().filter(line -> line.startsWith("|")).toList();
    }

    private static Map<String, Map<String, TaskResult.NetworkMetrics>> metrics(Path results) throws IOException {
        Map<String, Map<String, TaskResult.NetworkMetrics>> byTask = new TreeMap<>();
        ResultsFile.latestByTask(ResultsFile.read(results)).forEach((task, r) -> {
            assertTrue(r.ok(), task + ": " + r.error());
            byTask.put(task, r.metrics());
        });
        return byTask;
    }

    private Process start(String name, Path home, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JAVA_OPTIONS);
        command.addAll(List.of("-Xmx512m", "-cp", CLASSPATH, mainClass));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve(name + ".log").toFile());
        builder.environment().put("SPARK_HOME", home.toString());
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        // without it the launcher looks for a Spark source build to learn the Scala version
        builder.environment().put("SPARK_SCALA_VERSION", "2.13");
        return builder.start();
    }

    private String log(String name) throws IOException {
        Path file = tmp.resolve(name + ".log");
        return Files.exists(file) ? "\n--- " + name + " ---\n" + Files.readString(file) : "";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitPort(int port, Process process) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                new Socket("127.0.0.1", port).close();
                return;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("the Spark master did not open port " + port);
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
