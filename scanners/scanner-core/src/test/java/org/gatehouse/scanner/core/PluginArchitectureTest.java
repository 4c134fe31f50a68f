package org.gatehouse.scanner.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Plugins are pure (ADR 0006): the SPI, the JDK and their parsing library, nothing of the platform. */
class PluginArchitectureTest {
    private final JavaClasses scanners = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.gatehouse.scanner");

    @Test
    void theSpiDependsOnTheJdkOnly() {
        classes().that().resideInAPackage("org.gatehouse.scanner.api..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.xml..", "org.gatehouse.scanner.api..")
                .check(scanners);
    }

    @Test
    void pluginsDependOnTheSpiTheJdkAndJacksonOnly() {
        classes().that().resideInAnyPackage("org.gatehouse.scanner.sarif..", "org.gatehouse.scanner.spotbugs..",
                        "org.gatehouse.scanner.zap..", "org.gatehouse.scanner.gitleaks..",
                        "org.gatehouse.scanner.cyclonedx..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.xml..",
                        "com.fasterxml.jackson..", "org.gatehouse.scanner.api..", "org.gatehouse.scanner.sarif..",
                        "org.gatehouse.scanner.spotbugs..", "org.gatehouse.scanner.zap..", "org.gatehouse.scanner.gitleaks..",
                        "org.gatehouse.scanner.cyclonedx..")
                .check(scanners);
    }

    @Test
    void pluginsDoNotKnowEachOther() {
        for (String plugin : new String[] {"sarif", "spotbugs", "zap", "gitleaks", "cyclonedx"}) {
            String own = "org.gatehouse.scanner." + plugin + "..";
            com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses().that().resideInAPackage(own)
                    .should().dependOnClassesThat().resideInAnyPackage(
                            java.util.stream.Stream.of("sarif", "spotbugs", "zap", "gitleaks", "cyclonedx", "core").filter(p -> !p.equals(plugin))
                                    .map(p -> "org.gatehouse.scanner." + p + "..").toArray(String[]::new))
                    .check(scanners);
        }
    }
}
