package org.gatehouse.scanner.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkerClasspathTest {

    @Test
    void keepsThePluginsOffTheClasspath() {
        WorkerClasspath resolved = WorkerClasspath.resolve(Optional.of(List.of(Path.of("/w/scanner-worker.jar"),
                Path.of("/w/lib/spotbugs-4.10.4.jar"), Path.of("/w/lib/findsecbugs-plugin-1.14.0.jar"),
                Path.of("/w/lib/scanner-detectors-0.1.0.jar"), Path.of("/w/lib/asm-9.10.1.jar"))));
        assertEquals(List.of(Path.of("/w/scanner-worker.jar"), Path.of("/w/lib/spotbugs-4.10.4.jar"),
                Path.of("/w/lib/asm-9.10.1.jar")), resolved.classpath());
        assertEquals(List.of(Path.of("/w/lib/findsecbugs-plugin-1.14.0.jar"), Path.of("/w/lib/scanner-detectors-0.1.0.jar")),
                resolved.plugins());
        assertEquals("/w/scanner-worker.jar:/w/lib/spotbugs-4.10.4.jar:/w/lib/asm-9.10.1.jar".replace(":",
                java.io.File.pathSeparator), resolved.joined());
    }

    @Test
    void refusesAClasspathWithoutTheTools() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> WorkerClasspath.resolve(Optional.of(List.of(Path.of("/w/lib/spotbugs-4.10.4.jar")))));
        assertTrue(e.getMessage().contains("lacks SpotBugs or Find Security Bugs"), e.getMessage());
    }
}
