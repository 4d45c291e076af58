package org.p1iota.app.tools.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A provider instance in its own JVM ({@code Launcher provider} on a given class path, its output in
 * {@code <data>/provider.log}), so that it can be killed with SIGKILL: no shutdown hook runs, no
 * leadership is handed back, its ZooKeeper session has to expire. What the failover test and the
 * failover benchmark ({@code bench provider --kill-after}) run.
 */
public final class ProviderInstance {

    private final Process process;
    private final int port;
    private final Path data;
    private final Path log;

    private ProviderInstance(Process process, int port, Path data, Path log) {
        this.process = process;
        this.port = port;
        this.data = data;
        this.log = log;
    }

    /**
     * Launches the instance and returns at once ({@link #awaitReady} waits for its API).
     *
     * @param classpath the class path of the child JVM (this JVM's, or the test class path)
     * @param routes the routes directory ({@code --routes}), or empty for the launcher's default
     * @param jvmOptions e.g. the heap size
     * @param properties provider settings ({@code provider.node-url}, ...) passed as {@code --name value}
     */
    public static ProviderInstance launch(Path data, String classpath, Optional<Path> routes, List<String> jvmOptions,
            Map<String, String> properties) throws IOException {
        Files.createDirectories(data);
        int port = ProviderBenchCommand.freePort();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-Dcamel.management.port=0", "-cp", classpath, "org.p1iota.app.Launcher", "provider",
                "--data", data.toString()));
        routes.ifPresent(directory -> command.addAll(List.of("--routes", directory.toString())));
        command.addAll(List.of("--provider.port", String.valueOf(port), "--camel.main.jmx-enabled", "false"));
        properties.forEach((name, value) -> command.addAll(List.of("--" + name, value)));
        Path log = data.resolve("provider.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ProviderInstance(process, port, data, log);
    }

    /** Waits until the instance answers its API with its token; fails with its log if it exits first. */
    public ProviderInstance awaitReady(Duration within) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the provider in " + data + " exited early (" + process.exitValue() + "):\n"
                        + (Files.exists(log) ? Files.readString(log) : ""));
            }
            try {
                if (Files.exists(data.resolve("api-token")) && get("/api/households").statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException("the provider in " + data + " did not answer within " + within.toSeconds() + " s");
    }

    /** A GET on the instance's API with its token. */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        String token = Files.readString(data.resolve("api-token"), StandardCharsets.US_ASCII).strip();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** SIGKILL ({@link Process#destroyForcibly}); returns the exit code once it is gone (137 on Linux). */
    public int kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the provider in " + data + " survived SIGKILL for 30 s");
        }
        return process.exitValue();
    }

    /** SIGTERM, a clean shutdown; SIGKILL if that takes over 30 s. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** CPU time the instance has used so far (0 where the OS does not tell). */
    public double cpuSeconds() {
        return process.info().totalCpuDuration().map(d -> d.toMillis() / 1000.0).orElse(0.0);
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }
}
