package org.gatehouse.scanner.worker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the worker JVM is started: java executable (default: this JVM's; set it to a newer JDK to analyse newer
 * bytecode), maximum heap (default 768m), timeout (default 1 h), worker classpath (default: resolved by
 * {@link WorkerClasspath}) and the directory for the scan-private temporary directories (default: java.io.tmpdir).
 */
public record WorkerSettings(Optional<Path> javaExecutable, String maxHeap, Duration timeout,
        Optional<List<Path>> classpath, Optional<Path> workRoot) {

    public WorkerSettings {
        Objects.requireNonNull(javaExecutable, "javaExecutable");
        Objects.requireNonNull(classpath, "classpath");
        Objects.requireNonNull(workRoot, "workRoot");
        classpath = classpath.map(List::copyOf);
        if (!maxHeap.matches("[1-9][0-9]*[kKmMgG]?")) {
            throw new IllegalArgumentException("not a heap size for -Xmx: " + maxHeap);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive: " + timeout);
        }
    }

    public static WorkerSettings defaults() {
        return new WorkerSettings(Optional.empty(), "768m", Duration.ofHours(1), Optional.empty(), Optional.empty());
    }

    public WorkerSettings withTimeout(Duration newTimeout) {
        return new WorkerSettings(javaExecutable, maxHeap, newTimeout, classpath, workRoot);
    }

    public WorkerSettings withMaxHeap(String newMaxHeap) {
        return new WorkerSettings(javaExecutable, newMaxHeap, timeout, classpath, workRoot);
    }

    public WorkerSettings withClasspath(List<Path> newClasspath) {
        return new WorkerSettings(javaExecutable, maxHeap, timeout, Optional.of(newClasspath), workRoot);
    }

    public WorkerSettings withJavaExecutable(Path java) {
        return new WorkerSettings(Optional.of(java), maxHeap, timeout, classpath, workRoot);
    }

    Path java() {
        return javaExecutable.orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java"));
    }
}
