package org.gatehouse.scans;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gatehouse.scanner.worker.WorkerSettings;

/**
 * White-box scan settings: {@code gatehouse.scan.worker-lib} (the directory with the worker's jars:
 * SpotBugs, Find Security Bugs and the worker; the run command and the tests set it), {@code .heap}
 * (768m), {@code .timeout-minutes} (60), {@code .java} (the worker's java executable; a newer JDK
 * analyses newer bytecode), {@code .workers} (1 on 2 cores: one scan keeps both busy),
 * {@code .max-artifact-bytes} (500 MiB), {@code .path-roots} (directories under which CI agents sharing storage
 * may name artifacts by path, comma-separated; none = off).
 */
@ApplicationScoped
public class ScanSettings {
    @Inject
    @ConfigProperty(name = "gatehouse.scan.worker-lib")
    Optional<String> workerLib;

    @Inject
    @ConfigProperty(name = "gatehouse.scan.heap", defaultValue = "768m")
    String heap;

    @Inject
    @ConfigProperty(name = "gatehouse.scan.timeout-minutes", defaultValue = "60")
    long timeoutMinutes;

    @Inject
    @ConfigProperty(name = "gatehouse.scan.java")
    Optional<String> java;

    @Inject
    @ConfigProperty(name = "gatehouse.scan.workers", defaultValue = "1")
    int workers;

    @Inject
    @ConfigProperty(name = "gatehouse.scan.max-artifact-bytes", defaultValue = "524288000")
    long maxArtifactBytes;

    @Inject
    @ConfigProperty(name = "gatehouse.scan.path-roots")
    Optional<String> pathRoots;

    /** The allow-listed roots for artifacts named by server path; empty when the feature is off. */
    public ScanPathRoots pathRoots() {
        return ScanPathRoots.parse(pathRoots);
    }

    /** The worker settings, or empty when no worker classpath is configured. */
    public Optional<WorkerSettings> worker() {
        Optional<Path> lib = workerLib.filter(l -> !l.isBlank()).map(Path::of).filter(Files::isDirectory);
        if (lib.isEmpty()) {
            return Optional.empty();
        }
        List<Path> jars;
        try (Stream<Path> files = Files.list(lib.get())) {
            jars = files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        WorkerSettings settings = WorkerSettings.defaults().withClasspath(jars).withMaxHeap(heap)
                .withTimeout(Duration.ofMinutes(timeoutMinutes));
        return Optional.of(java.filter(j -> !j.isBlank()).map(j -> settings.withJavaExecutable(Path.of(j))).orElse(settings));
    }

    public int workers() {
        return workers;
    }

    public long maxArtifactBytes() {
        return maxArtifactBytes;
    }

    public Path workDir() {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "gatehouse-scans");
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
