package org.socialbank.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The packaged server jar, run as a separate process that a test can kill. */
public final class ServerProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target", "socialbank.jar").toAbsolutePath();

    private final Path workDir;
    private final Map<String, String> environment;
    private final int port;
    private Process process;
    private int starts;

    public ServerProcess(Path workDir, Map<String, String> environment, int port) {
        this.workDir = workDir;
        this.environment = environment;
        this.port = port;
    }

    /** Starts the jar and waits until it reports UP (at most two minutes). */
    public void start() {
        start(Duration.ofMinutes(2));
    }

    /** Starts the jar and waits until it reports UP, at most {@code atMost} (a loaded machine starts slowly). */
    public void start(Duration atMost) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run 'mvn verify', which packages it first");
        }
        // C1 only: the server starts in about three quarters of the time (13-15 s against 18 s alone on
        // a 2-core EPYC, more saved when two start beside the tests); what these tests check (what
        // survives a kill) does not depend on how far the JIT optimizes
        List<String> command = new ArrayList<>(List.of(
                javaExecutable(),
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                JAR.toString(),
                "--server.port=" + port));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
        // the durability tests need no assistant: without this each start would encode BANKING77 with
        // MiniLM in the background (tens of seconds of CPU, again after every kill mid-training)
        builder.environment().put("SOCIALBANK_ASSISTANT_ENCODER", "none");
        // a production node needs the send budgets' key pepper too (review 2026-12-07 notifications
        // follow-up); the test's environment may set its own
        builder.environment()
                .put("SOCIALBANK_NOTIFICATIONS_BUDGET_KEY_PEPPER", "Vq3b1n3Xh0pZx7m2Qy9Lr8TzK4cWd6Fe5Ja0Hs1Uo2g=");
        // a test server runs on the sandboxes and a loopback address, which a real bank's start
        // refuses (review 2026-12-07 docs follow-up)
        builder.environment().put("SOCIALBANK_SANDBOXES_ALLOWED", "true");
        builder.environment().put("SOCIALBANK_DIRECTORY_LOOPBACK_BASE_URL_ALLOWED", "true");
        builder.environment().putAll(environment);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        starts++;
        awaitUp(atMost);
    }

    /** SIGKILL: no shutdown hook, no flush, no graceful anything. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM, then wait for the graceful shutdown. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    public Path log() {
        return workDir.resolve("server.log");
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log());
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }

    private void awaitUp(Duration timeout) {
        Api anonymous = new Api("http://127.0.0.1:" + port, null);
        Await.until(
                () -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(
                                "server exited with " + process.exitValue() + " (start " + starts + "):\n" + logTail());
                    }
                    return up(anonymous);
                },
                timeout,
                () -> "the server to be UP:\n" + logTail());
    }

    private static boolean up(Api anonymous) {
        try {
            return anonymous.get("/actuator/health").body().contains("\"UP\"");
        } catch (RuntimeException notYet) {
            return false; // not listening yet
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    public static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
