package org.gatehouse.scanner.worker;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The server runs this module's launcher classes without SpotBugs on its classpath (ADR 0008). Here they run in a
 * class loader that has only this module's classes, as in the server: touching a SpotBugs type on the way (say a
 * constant of the worker's main class) fails with NoClassDefFoundError.
 */
class ServerSideClassesTest {

    @Test
    void theLauncherRunsWithoutSpotBugsOnTheClasspath() throws Exception {
        URL classes = WhiteBoxScan.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader server = new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader())) {
            Class<?> classpathType = server.loadClass(WorkerClasspath.class.getName());
            Object classpath = classpathType.getMethod("resolve", Optional.class).invoke(null, Optional.of(List.of(
                    Path.of("/w/scanner-worker.jar"), Path.of("/w/spotbugs-4.10.4.jar"),
                    Path.of("/w/findsecbugs-plugin-1.14.0.jar"), Path.of("/w/scanner-detectors-0.1.0.jar"))));
            Object request = server.loadClass(ScanRequest.class.getName()).getMethod("of", Path.class, Path.class)
                    .invoke(null, Path.of("/a/app.war"), Path.of("/r/report.xml"));
            Object settings = server.loadClass(WorkerSettings.class.getName()).getMethod("defaults").invoke(null);
            Class<?> scanType = server.loadClass(WhiteBoxScan.class.getName());
            Object scan = scanType.getConstructor(request.getClass(), settings.getClass()).newInstance(request, settings);
            Method command = scanType.getDeclaredMethod("command", classpathType, Path.class);
            command.setAccessible(true);
            String line = String.join(" ", ((List<?>) command.invoke(scan, classpath, Path.of("/scan"))).stream()
                    .map(Object::toString).toList());
            assertTrue(line.contains("--plugin /w/findsecbugs-plugin-1.14.0.jar --plugin /w/scanner-detectors-0.1.0.jar"),
                    line);
        }
    }
}
