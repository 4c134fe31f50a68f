package org.gatehouse.issuetracker.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The meta-test: every registered adapter has a test extending {@link TrackerAdapterContractTest}
 * and recorded fixtures; ids are unique; adapters are pure (the SPI, the JDK and Jackson only).
 */
class TrackerCoverageTest {

    @Test
    void theRegistryHoldsEveryAdapterUnderItsId() {
        TrackerRegistry registry = TrackerRegistry.load(getClass().getClassLoader());
        assertEquals(Set.of("github", "jira"), registry.all().stream().map(t -> t.descriptor().id()).collect(Collectors.toSet()));
        assertTrue(registry.find("Jira").isEmpty(), "ids are exact");
        IssueTracker jira = registry.find("jira").orElseThrow();
        assertThrows(IllegalStateException.class, () -> TrackerRegistry.of(List.of(jira, jira)));
    }

    @Test
    void everyRegisteredAdapterHasAContractTestAndFixtures() throws IOException {
        Path services = Path.of("src/main/resources/META-INF/services/" + IssueTracker.class.getName());
        Set<String> missing = new TreeSet<>();
        List<String> adapters = Files.readAllLines(services).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        for (String adapter : adapters) {
            String id = TrackerRegistry.load(getClass().getClassLoader()).all().stream()
                    .filter(t -> t.getClass().getName().equals(adapter)).findFirst().orElseThrow().descriptor().id();
            if (!hasContractTest(adapter)) {
                missing.add(adapter + ": no test extending TrackerAdapterContractTest");
            }
            Path fixtures = Path.of("src/test/resources/fixtures", id);
            try (Stream<Path> files = Files.isDirectory(fixtures) ? Files.list(fixtures) : Stream.empty()) {
                Set<String> names = files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
                for (String needed : List.of("create.json", "open.json", "resolved.json", "unresolved.json", "changed.json",
                        "comment.json", "webhook-resolved.json", "webhook-other.json")) {
                    if (!names.contains(needed)) {
                        missing.add(adapter + ": no fixture " + fixtures.resolve(needed));
                    }
                }
            }
        }
        assertEquals(2, adapters.size(), adapters.toString());
        assertTrue(missing.isEmpty(), String.join("\n", missing));
    }

    private static boolean hasContractTest(String adapter) throws IOException {
        String simple = adapter.substring(adapter.lastIndexOf('.') + 1);
        try (Stream<Path> tests = Files.walk(Path.of("src/test/java"))) {
            return tests.filter(p -> p.toString().endsWith("Test.java")).anyMatch(p -> {
                try {
                    String source = Files.readString(p);
                    return source.contains("extends TrackerAdapterContractTest") && source.contains("new " + simple + "()");
                } catch (IOException e) {
                    return false;
                }
            });
        }
    }

    @Test
    void adaptersArePure() {
        classes().that().resideInAPackage("org.gatehouse.issuetracker..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.crypto..",
                        "com.fasterxml.jackson..", "org.gatehouse.issuetracker..", "org.gatehouse.egress..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.gatehouse.issuetracker"));
        classes().that().resideInAnyPackage("org.gatehouse.issuetracker.jira..", "org.gatehouse.issuetracker.github..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.fasterxml.jackson..",
                        "org.gatehouse.issuetracker.api..", "org.gatehouse.issuetracker.jira..", "org.gatehouse.issuetracker.github..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.gatehouse.issuetracker"));
    }
}
