package org.gatehouse.scanner.worker;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The worker JVM's classpath and the SpotBugs plugin jars to load as plugins — Find Security Bugs and Gatehouse's
 * detectors ({@link PinnedPlugins}), kept off the classpath: their {@code findbugs.xml} must not
 * shadow SpotBugs' own. Resolved, first match wins, from: the configured entries; the
 * directory in system property {@value #LIB_PROPERTY} plus this module's code; the {@code worker-lib} directory
 * that the build fills next to this module's jar or classes ({@code target/worker-lib}); this JVM's classpath.
 */
public record WorkerClasspath(List<Path> classpath, List<Path> plugins) {
    public static final String LIB_PROPERTY = "gatehouse.worker.lib";

    public WorkerClasspath {
        classpath = List.copyOf(classpath);
        plugins = List.copyOf(plugins);
        if (classpath.stream().noneMatch(p -> name(p).startsWith("spotbugs-") || Files.isDirectory(p))
                || plugins.stream().noneMatch(p -> name(p).startsWith(PinnedPlugins.FSB_JAR))) {
            throw new IllegalStateException("the worker classpath lacks SpotBugs or Find Security Bugs: " + classpath
                    + " plugins " + plugins + " (build the module so target/worker-lib is filled, or configure "
                    + "the classpath)");
        }
    }

    /** @throws IllegalStateException when no source yields SpotBugs and Find Security Bugs */
    public static WorkerClasspath resolve(Optional<List<Path>> configured) {
        if (configured.isPresent()) {
            return split(configured.get());
        }
        Path self = ownCode();
        Optional<Path> lib = Optional.ofNullable(System.getProperty(LIB_PROPERTY)).map(Path::of)
                .or(() -> Optional.of(self.toAbsolutePath().getParent().resolve("worker-lib")))
                .filter(Files::isDirectory);
        if (lib.isPresent()) {
            List<Path> entries = new ArrayList<>(List.of(self));
            entries.addAll(jars(lib.get()));
            return split(entries);
        }
        return split(Arrays.stream(System.getProperty("java.class.path", "").split(File.pathSeparator))
                .filter(s -> !s.isBlank()).map(Path::of).toList());
    }

    /** The class path argument for {@code java -cp}. */
    public String joined() {
        return String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList());
    }

    private static WorkerClasspath split(List<Path> entries) {
        List<Path> classpath = entries.stream().filter(p -> !isPlugin(p)).toList();
        List<Path> plugins = entries.stream().filter(WorkerClasspath::isPlugin).toList();
        return new WorkerClasspath(classpath, plugins);
    }

    private static boolean isPlugin(Path entry) {
        return name(entry).endsWith(".jar") && PinnedPlugins.ALL.values().stream()
                .anyMatch(prefix -> name(entry).startsWith(prefix));
    }

    private static String name(Path entry) {
        return entry.getFileName() == null ? "" : entry.getFileName().toString();
    }

    private static Path ownCode() {
        try {
            return Path.of(WhiteBoxWorker.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            throw new IllegalStateException("cannot locate the worker's own code", e);
        }
    }

    private static List<Path> jars(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> name(p).endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
