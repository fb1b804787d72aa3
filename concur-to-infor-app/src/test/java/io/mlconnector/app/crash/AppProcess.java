package io.mlconnector.app.crash;

import io.mlconnector.app.cli.MlConnectorCli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One ml-connector instance as a real child JVM ({@code ml-connector run --config FILE} on the test classpath), so a
 * kill is a {@code SIGKILL} of the whole process: no shutdown hook, no finally block, no flushed buffer survives it.
 * Its output is appended to one log file across restarts.
 */
final class AppProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final String name;
    private final Path config;
    private final Path log;
    private final int webhookPort;
    private String maxHeap = "384m";
    private Process process;
    private int starts;
    private int kills;

    AppProcess(String name, Path config, Path log, int webhookPort) {
        this.name = name;
        this.config = config;
        this.log = log;
        this.webhookPort = webhookPort;
    }

    /** The child JVM's maximum heap ({@code -Xmx}) from its next start; default 384m. */
    AppProcess maxHeap(String heap) {
        this.maxHeap = heap;
        return this;
    }

    /** Starts the child JVM and waits until its webhook accepts connections. */
    void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // C1 only and a small heap: several JVMs start on a 2-core machine, start-up time is what matters here
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx" + maxHeap, "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), MlConnectorCli.class.getName(),
                "run", "--config", config.toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(k -> k.startsWith("ML_")); // only the config file configures it
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
        starts++;
        awaitListening();
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " during start-up:\n"
                        + logTail(40));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", webhookPort), 200);
                return;
            } catch (IOException notYet) {
                pause(50);
            }
        }
        throw new IllegalStateException(name + " did not listen on port " + webhookPort + " within " + START_TIMEOUT
                + ":\n" + logTail(40));
    }

    /** {@code kill -9}: {@link Process#destroyForcibly()} sends SIGKILL on Linux. Waits until the process is gone. */
    void kill() {
        process.destroyForcibly();
        waitFor();
        kills++;
    }

    /** A graceful stop (SIGTERM: the shutdown hook closes the app), SIGKILL if that takes too long. */
    void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        waitFor();
    }

    private void waitFor() {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name + " to end", e);
        }
    }

    /** Waits until the process ends by itself and answers its exit status. */
    int awaitExit(Duration max) {
        try {
            if (!process.waitFor(max.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(name + " still runs after " + max + ":\n" + logTail(40));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name + " to end", e);
        }
        return process.exitValue();
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    int webhookPort() {
        return webhookPort;
    }

    int starts() {
        return starts;
    }

    int kills() {
        return kills;
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    /** The last lines of the child's output (for failure messages). */
    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            waitFor();
        }
    }
}
