package org.gatehouse.scanner.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WhiteBoxScanTest {
    private static final WorkerClasspath CLASSPATH = new WorkerClasspath(
            List.of(Path.of("/w/worker.jar"), Path.of("/w/spotbugs-4.10.4.jar")), List.of(Path.of("/w/findsecbugs-plugin-1.14.0.jar")));

    @Test
    void startsABoundedSerialGcJvmWithAPinnedHome() {
        WhiteBoxScan scan = new WhiteBoxScan(ScanRequest.of(Path.of("/a/app.war"), Path.of("/r/report.xml")),
                WorkerSettings.defaults().withJavaExecutable(Path.of("/jdk25/bin/java")));
        List<String> command = scan.command(CLASSPATH, Path.of("/scan-1"));
        assertEquals(List.of("/jdk25/bin/java", "-Xmx768m", "-XX:+UseSerialGC", "-Djava.awt.headless=true",
                "-Djava.io.tmpdir=" + Path.of("/scan-1/tmp"), "-Duser.home=" + Path.of("/scan-1/home"), "-cp",
                CLASSPATH.joined(), "org.gatehouse.scanner.worker.WhiteBoxWorker", "--output", "/r/report.xml",
                "--plugin", "/w/findsecbugs-plugin-1.14.0.jar", "--categories", "SECURITY", "--effort", "max",
                "--confidence", "medium", "--", "/a/app.war"), command);
    }

    @Test
    void defaultsToThisJvmsJava() {
        assertEquals(Path.of(System.getProperty("java.home"), "bin", "java"), WorkerSettings.defaults().java());
        assertEquals("768m", WorkerSettings.defaults().maxHeap());
    }

    @Test
    void rejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> WorkerSettings.defaults().withMaxHeap("768 MB"));
        assertThrows(IllegalArgumentException.class, () -> WorkerSettings.defaults().withTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new ScanRequest(List.of(), List.of(), Path.of("r"),
                RuleSet.securityOnly()));
        assertThrows(IllegalArgumentException.class, () -> new ScanResult(ScanResult.Outcome.FAILED,
                Optional.of(Path.of("r")), java.util.OptionalInt.of(3), Duration.ZERO, 0, 0, List.of(), Optional.empty(), ""));
    }

    @Test
    void runsOnce() {
        WhiteBoxScan scan = new WhiteBoxScan(ScanRequest.of(Path.of("/a/app.war"), Path.of("/r/report.xml")),
                WorkerSettings.defaults().withClasspath(List.of(Path.of("/nothing.jar"))));
        assertThrows(IllegalStateException.class, () -> scan.run(p -> { }));
        IllegalStateException second = assertThrows(IllegalStateException.class, () -> scan.run(p -> { }));
        assertTrue(second.getMessage().contains("runs once"), second.getMessage());
    }
}
