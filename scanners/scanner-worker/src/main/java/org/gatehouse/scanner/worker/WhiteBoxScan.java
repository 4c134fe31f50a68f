package org.gatehouse.scanner.worker;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One white-box scan (B.1.3.1-if) run in a worker JVM of its own ({@link WhiteBoxWorker}): bounded heap, serial GC,
 * {@code user.home} and {@code java.io.tmpdir} pinned to a scan-private directory, a timeout and {@link #cancel()}
 * that kill the whole process tree, progress fed from the worker's stdout. Use each instance for one scan.
 */
public final class WhiteBoxScan {
    private static final int STDERR_TAIL_CHARS = 16 * 1024;

    private final ScanRequest request;
    private final WorkerSettings settings;
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean cancelled;
    private volatile Process process;

    public WhiteBoxScan(ScanRequest request, WorkerSettings settings) {
        this.request = request;
        this.settings = settings;
    }

    /**
     * Runs the scan and blocks until it ends; {@code progress} is called from a reader thread.
     *
     * @throws IllegalStateException when called twice or the worker classpath cannot be resolved
     * @throws UncheckedIOException when the scan directory cannot be created or the JVM cannot be started
     */
    public ScanResult run(Consumer<ScanProgress> progress) {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("a WhiteBoxScan runs once");
        }
        long start = System.nanoTime();
        List<ArtifactDigest> digests = request.artifacts().stream().filter(Files::exists).map(ArtifactDigest::of).toList();
        WorkerClasspath classpath = WorkerClasspath.resolve(settings.classpath());
        Path scanDir = createScanDirectory();
        try {
            StringBuilder log = new StringBuilder();
            Events events = new Events(progress, line -> tail(log, line));
            Process worker = start(command(classpath, scanDir), scanDir);
            Thread out = reader("stdout", worker.getInputStream(), events::accept);
            Thread err = reader("stderr", worker.getErrorStream(), line -> tail(log, line));
            boolean timedOut = !waitFor(worker);
            boolean stopped = cancelled; // a cancel() after the worker ended does not undo its result
            if (timedOut || stopped) {
                killTree(worker);
            }
            join(out);
            join(err);
            Duration duration = Duration.ofNanos(System.nanoTime() - start);
            OptionalInt exit = timedOut || stopped ? OptionalInt.empty() : OptionalInt.of(worker.exitValue());
            String logTail;
            synchronized (log) {
                logTail = log.toString();
            }
            ScanResult.Outcome outcome = stopped ? ScanResult.Outcome.CANCELLED
                    : timedOut ? ScanResult.Outcome.TIMED_OUT
                    : exit.getAsInt() == 0 && events.bugs.isPresent() && Files.isRegularFile(request.report())
                            ? ScanResult.Outcome.SUCCEEDED : ScanResult.Outcome.FAILED;
            Optional<String> error = switch (outcome) {
                case SUCCEEDED -> Optional.empty();
                case CANCELLED -> Optional.of("the scan was cancelled");
                case TIMED_OUT -> Optional.of("the scan timed out after " + settings.timeout());
                case FAILED -> Optional.of(events.error.orElseGet(() -> "the worker exited with status "
                        + exit.getAsInt() + " without a report: " + lastLine(logTail)));
            };
            if (outcome != ScanResult.Outcome.SUCCEEDED) {
                deletePartialReports();
            }
            return new ScanResult(outcome, outcome == ScanResult.Outcome.SUCCEEDED ? Optional.of(request.report())
                    : Optional.empty(), exit, duration, events.classes, events.bugs.orElse(0), digests, error,
                    logTail);
        } finally {
            deleteRecursively(scanDir);
        }
    }

    /** Stops the scan: kills the worker's process tree; {@link #run} then returns {@link ScanResult.Outcome#CANCELLED}. */
    public void cancel() {
        cancelled = true;
        Process running = process;
        if (running != null) {
            killTree(running);
        }
    }

    List<String> command(WorkerClasspath classpath, Path scanDir) {
        List<String> command = new ArrayList<>(List.of(settings.java().toString(), "-Xmx" + settings.maxHeap(),
                "-XX:+UseSerialGC", "-Djava.awt.headless=true", "-Djava.io.tmpdir=" + scanDir.resolve("tmp"),
                "-Duser.home=" + scanDir.resolve("home"), "-cp", classpath.joined(), WhiteBoxWorker.class.getName()));
        command.addAll(new WorkerArguments(request.artifacts(), request.auxClasspath(), classpath.plugins(),
                request.report().toAbsolutePath(), request.rules()).toArgs());
        return command;
    }

    private Process start(List<String> command, Path scanDir) {
        try {
            Process started = new ProcessBuilder(command).directory(scanDir.toFile()).start();
            process = started;
            started.getOutputStream().close();
            if (cancelled) {
                killTree(started);
            }
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the worker JVM " + command.get(0), e);
        }
    }

    private boolean waitFor(Process worker) {
        try {
            return worker.waitFor(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancelled = true;
            return true;
        }
    }

    private static void killTree(Process worker) {
        List<ProcessHandle> descendants = worker.descendants().toList();
        worker.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        try {
            worker.onExit().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // the kill was sent; nothing more to do
        }
    }

    private static Thread reader(String name, InputStream stream, Consumer<String> lines) {
        Thread thread = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.accept(line);
                }
            } catch (IOException e) {
                // the worker went away
            }
        }, "white-box-worker-" + name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void join(Thread thread) {
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void tail(StringBuilder buffer, String line) {
        synchronized (buffer) {
            buffer.append(line).append('\n');
            if (buffer.length() > 2 * STDERR_TAIL_CHARS) {
                buffer.delete(0, buffer.length() - STDERR_TAIL_CHARS);
            }
        }
    }

    private static String lastLine(String log) {
        String[] lines = log.strip().split("\n");
        return lines[lines.length - 1].strip();
    }

    private Path createScanDirectory() {
        try {
            Path root = settings.workRoot().orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir")));
            Files.createDirectories(root);
            Path dir = Files.createTempDirectory(root, "gatehouse-scan-");
            Files.createDirectory(dir.resolve("tmp"));
            Files.createDirectory(dir.resolve("home"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the scan directory", e);
        }
    }

    private void deletePartialReports() {
        Path report = request.report().toAbsolutePath();
        String prefix = "." + report.getFileName();
        try (Stream<Path> files = Files.list(report.getParent())) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(prefix)
                    && f.getFileName().toString().endsWith(".partial")).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // best effort: a partial file is never taken for a report
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // best effort: a temporary directory
        }
    }

    /** The worker's stdout events; written by the reader thread, read after it was joined. */
    private static final class Events {
        private final Consumer<ScanProgress> progress;
        private final Consumer<String> other;
        private volatile int classes;
        private volatile Optional<Integer> bugs = Optional.empty();
        private volatile Optional<String> error = Optional.empty();

        Events(Consumer<ScanProgress> progress, Consumer<String> other) {
            this.progress = progress;
            this.other = other;
        }

        void accept(String line) {
            Optional<WorkerEvent> event = WorkerEvent.parse(line);
            if (event.isEmpty()) {
                other.accept(line);
                return;
            }
            if (event.get() instanceof ScanProgress p) {
                try {
                    progress.accept(p);
                } catch (RuntimeException e) {
                    // a failing listener does not stop the scan
                }
            } else if (event.get() instanceof WorkerEvent.Classes c) {
                classes = c.count();
            } else if (event.get() instanceof WorkerEvent.Done d) {
                bugs = Optional.of(d.bugCount());
            } else if (event.get() instanceof WorkerEvent.Failed f) {
                error = Optional.of(f.message());
            }
        }
    }
}
