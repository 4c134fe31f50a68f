package org.gatehouse.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Payara Micro with the Gatehouse WAR as a child process: the run command and every integration
 * test start the server this one way. Payara Micro keeps its JVM alive after a failed deployment
 * (RUNTIME.md), so readiness means {@code /health/ready} answering 200, and a failure line in the
 * log or an exit of the process ends the wait with {@link StartFailed} after the process is killed.
 */
public final class PayaraMicroProcess implements AutoCloseable {
    private static final List<String> FAILURE_MARKERS = List.of(
            "Failed to start, exiting", "Failed to deploy", "Exception while loading the app",
            "Exception during lifecycle processing", "Address already in use",
            "Deployment of PersistenceUnit");
    /** Payara's deployment logger; a SEVERE from it means the application did not deploy. */
    private static final String DEPLOYMENT_LOGGER = "javax.enterprise.system.core]";
    private static final String RUNTIME_READY = "Payara Micro ";
    /**
     * Once the runtime says it is ready, the application must be ready within this time (generous: on a loaded
     * two-core machine the first health answer has taken over 30 s after a 100 s start).
     */
    static final Duration APPLICATION_GRACE = Duration.ofSeconds(90);
    private static final int TAIL_LINES = 80;
    /**
     * The health endpoint belongs to Payara and answers before the WAR is deployed; only a response
     * that carries the application's own readiness check means the application is up.
     */
    static final String READINESS_CHECK = "\"name\":\"database\"";

    private final Process process;
    private final int port;
    private final Deque<String> tail = new ArrayDeque<>();
    private volatile String failure;
    private volatile Instant runtimeReadyAt;

    private PayaraMicroProcess(Process process, int port, Consumer<String> sink) {
        this.process = process;
        this.port = port;
        Thread pump = new Thread(() -> pump(sink), "payara-micro-output");
        pump.setDaemon(true);
        pump.start();
    }

    public static Builder builder() {
        return new Builder();
    }

    public int port() {
        return port;
    }

    /** The server JVM's process id (benchmarks read its memory from {@code /proc}). */
    public long pid() {
        return process.pid();
    }

    public URI baseUri() {
        return URI.create("http://localhost:" + port);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Process process() {
        return process;
    }

    /**
     * Waits until the server reports ready.
     *
     * @throws StartFailed when the deployment failed, the process ended or the time ran out; the
     *     process is killed before this is thrown
     */
    public Duration awaitReady(Duration timeout) throws StartFailed {
        Instant start = Instant.now();
        Instant deadline = start.plus(timeout);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(baseUri().resolve("/health/ready"))
                .timeout(Duration.ofSeconds(15)).GET().build();
        while (true) {
            if (failure != null) {
                kill();
                throw new StartFailed("Payara Micro reported: " + failure, tail());
            }
            if (!process.isAlive()) {
                throw new StartFailed("Payara Micro exited with code " + process.exitValue(), tail());
            }
            Instant runtimeReady = runtimeReadyAt;
            if (runtimeReady != null && Instant.now().isAfter(runtimeReady.plus(APPLICATION_GRACE))) {
                kill();
                throw new StartFailed("Payara Micro started but the application did not become ready within "
                        + APPLICATION_GRACE.toSeconds() + " s (a failed deployment?)", tail());
            }
            if (Instant.now().isAfter(deadline)) {
                kill();
                throw new StartFailed("Payara Micro was not ready within " + timeout.toSeconds() + " s", tail());
            }
            try {
                HttpResponse<String> response = http.send(ready, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains(READINESS_CHECK)) {
                    return Duration.between(start, Instant.now());
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
                throw new StartFailed("interrupted while waiting for Payara Micro", tail());
            }
            sleep(250);
        }
    }

    /** The last lines Payara Micro printed, for error reports. */
    public synchronized List<String> tail() {
        return new ArrayList<>(tail);
    }

    private void pump(Consumer<String> sink) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                sink.accept(line);
                synchronized (this) {
                    tail.addLast(line);
                    if (tail.size() > TAIL_LINES) {
                        tail.removeFirst();
                    }
                }
                if (failure == null) {
                    for (String marker : FAILURE_MARKERS) {
                        if (line.contains(marker)) {
                            failure = line.strip();
                        }
                    }
                    if (line.contains("SEVERE") && line.contains(DEPLOYMENT_LOGGER)) {
                        failure = "a deployment error (SEVERE from the deployment logger)";
                    }
                }
                if (runtimeReadyAt == null && line.contains(RUNTIME_READY) && line.contains(" ready in ")) {
                    runtimeReadyAt = Instant.now();
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /** Asks the server to stop (SIGTERM) and kills it if it has not stopped after {@code grace}. */
    public int stop(Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
            }
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            return -1;
        }
    }

    private void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop(Duration.ofSeconds(30));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The server did not come up; carries the end of its log. */
    public static final class StartFailed extends Exception {
        private static final long serialVersionUID = 1L;
        private final List<String> log;

        StartFailed(String message, List<String> log) {
            super(message);
            this.log = List.copyOf(log);
        }

        public List<String> log() {
            return log;
        }

        public boolean portTaken() {
            return log.stream().anyMatch(line -> line.contains("Address already in use") || line.contains("BindException"));
        }
    }

    /** Collects what the child process needs. */
    public static final class Builder {
        private Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        private final List<String> jvmOptions = new ArrayList<>();
        private Path payaraJar;
        private Path war;
        private Path rootDirectory;
        private int port;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Consumer<String> sink = System.out::println;

        public Builder java(Path value) {
            this.java = value;
            return this;
        }

        public Builder jvmOptions(List<String> values) {
            jvmOptions.addAll(values);
            return this;
        }

        public Builder payaraJar(Path value) {
            this.payaraJar = value;
            return this;
        }

        public Builder war(Path value) {
            this.war = value;
            return this;
        }

        public Builder rootDirectory(Path value) {
            this.rootDirectory = value;
            return this;
        }

        public Builder port(int value) {
            this.port = value;
            return this;
        }

        public Builder environment(Map<String, String> values) {
            environment.putAll(values);
            return this;
        }

        public Builder output(Consumer<String> value) {
            this.sink = value;
            return this;
        }

        List<String> command() {
            Objects.requireNonNull(payaraJar, "payaraJar");
            Objects.requireNonNull(war, "war");
            Objects.requireNonNull(rootDirectory, "rootDirectory");
            if (port <= 0) {
                throw new IllegalStateException("a port is needed");
            }
            List<String> command = new ArrayList<>();
            command.add(java.toString());
            command.addAll(jvmOptions);
            command.add("-Dfile.encoding=UTF-8");
            command.add("-Djava.awt.headless=true");
            // MicroProfile Health: no readiness check registered (the WAR not yet deployed) means DOWN.
            command.add("-Dmp.health.default.readiness.empty.response=DOWN");
            command.addAll(List.of("-jar", payaraJar.toString(),
                    "--deploy", war.toString(),
                    "--contextroot", "/",
                    "--port", Integer.toString(port),
                    "--nocluster",
                    "--rootdir", rootDirectory.toString()));
            return command;
        }

        /**
         * Starts the server. Its root directory is emptied first: Payara Micro redeploys whatever an
         * earlier run left there and then deploys the WAR again, which makes the application
         * unavailable (503) for a moment after it first reported ready. Nothing in it is data.
         */
        public PayaraMicroProcess start() throws IOException {
            deleteRecursively(rootDirectory);
            Files.createDirectories(rootDirectory);
            ProcessBuilder builder = new ProcessBuilder(command()).redirectErrorStream(true);
            builder.environment().putAll(environment);
            return new PayaraMicroProcess(builder.start(), port, sink);
        }
    }
}
