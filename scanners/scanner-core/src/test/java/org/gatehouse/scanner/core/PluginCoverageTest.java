package org.gatehouse.scanner.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.gatehouse.scanner.api.ScannerPlugin;
import org.junit.jupiter.api.Test;

/**
 * The meta-test (issue 4): every registered plugin has a test that extends the shared contract
 * test and fixtures beside it; the registry holds each id once.
 */
class PluginCoverageTest {
    private final Path scanners = Path.of(System.getProperty("gatehouse.scanners.dir"));

    @Test
    void theRegistryHoldsEveryPluginUnderItsId() {
        ScannerRegistry registry = ScannerRegistry.load(getClass().getClassLoader());
        assertEquals(Set.of("sarif", "spotbugs", "zap", "gitleaks", "cyclonedx"),
                registry.all().stream().map(p -> p.descriptor().id()).collect(Collectors.toSet()));
        assertTrue(registry.find("zap").isPresent());
        assertTrue(registry.find("Zap").isEmpty(), "ids are exact, never display labels");
    }

    @Test
    void duplicateIdsAreAPackagingError() {
        ScannerPlugin sarif = ScannerRegistry.load(getClass().getClassLoader()).find("sarif").orElseThrow();
        assertThrows(IllegalStateException.class, () -> ScannerRegistry.of(List.of(sarif, sarif)));
    }

    @Test
    void everyRegisteredPluginHasAContractTestAndFixtures() throws IOException {
        Set<String> registered = new TreeSet<>();
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> modules = Files.list(scanners)) {
            for (Path module : modules.filter(Files::isDirectory).toList()) {
                Path services = module.resolve("src/main/resources/META-INF/services/org.gatehouse.scanner.api.ScannerPlugin");
                if (!Files.exists(services)) {
                    continue;
                }
                for (String plugin : Files.readAllLines(services).stream().map(String::strip)
                        .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
                    registered.add(plugin);
                    String simpleName = plugin.substring(plugin.lastIndexOf('.') + 1);
                    if (!hasContractTest(module.resolve("src/test/java"), simpleName)) {
                        missing.add(plugin + ": no test extending ScannerPluginContractTest uses it");
                    }
                    Path fixtures = module.resolve("src/test/resources/fixtures");
                    if (!Files.isDirectory(fixtures) || isEmpty(fixtures)) {
                        missing.add(plugin + ": no fixtures in " + scanners.relativize(fixtures));
                    }
                }
            }
        }
        assertEquals(5, registered.size(), "found " + registered);
        assertTrue(missing.isEmpty(), String.join("\n", missing));
    }

    private static boolean hasContractTest(Path tests, String plugin) throws IOException {
        if (!Files.isDirectory(tests)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(tests)) {
            for (Path file : files.filter(f -> f.toString().endsWith("Test.java")).toList()) {
                String source = Files.readString(file);
                if (source.contains("extends ScannerPluginContractTest") && source.contains("new " + plugin + "()")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isEmpty(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
    }
}
