package org.gatehouse.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import jakarta.ws.rs.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Module dependency rules (ARCHITECTURE.md): dependencies point toward the plain-Java API modules. */
class ArchitectureTest {
    private static JavaClasses gatehouse;

    @BeforeAll
    static void importClasses() {
        gatehouse = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.gatehouse");
    }

    @Test
    void apiModulesDependOnTheJdkOnly() {
        classes().that().resideInAnyPackage("org.gatehouse.workflow.api..", "org.gatehouse.platform..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.sql..",
                        "javax.crypto..", "org.gatehouse.workflow.api..", "org.gatehouse.platform..")
                .because("javax.sql is the JDK's own java.sql module and javax.crypto is in java.base")
                .check(gatehouse);
        noClasses().that().resideInAPackage("org.gatehouse.workflow.api..")
                .should().dependOnClassesThat().resideInAPackage("org.gatehouse.platform..")
                .check(gatehouse);
    }

    @Test
    void domainModulesKnowNothingOfTheWebLayerOrTheLauncher() {
        noClasses().that().resideInAnyPackage("org.gatehouse.workflow..", "org.gatehouse.identity..", "org.gatehouse.findings..",
                        "org.gatehouse.notify..", "org.gatehouse.compliance..",
                        "org.gatehouse.platform..", "org.gatehouse.tracking..", "org.gatehouse.issuetracker..")
                .should().dependOnClassesThat().resideInAnyPackage("org.gatehouse.web..", "org.gatehouse.launcher..",
                        "jakarta.ws.rs..")
                .check(gatehouse);
        noClasses().that().resideInAPackage("org.gatehouse.identity..")
                .should().dependOnClassesThat().resideInAnyPackage("org.gatehouse.workflow.project..",
                        "org.gatehouse.workflow.release..")
                .because("identity sits below the workflow engine and knows projects only by key")
                .check(gatehouse);
        noClasses().that().resideInAPackage("org.gatehouse.web..")
                .should().dependOnClassesThat().resideInAPackage("org.gatehouse.launcher..")
                .check(gatehouse);
    }

    @Test
    void resourcesNeverTakeOrReturnEntities() {
        methods().that().areDeclaredInClassesThat().areAnnotatedWith(Path.class)
                .should(new ArchCondition<JavaMethod>("neither take nor return @Entity types") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        Stream.concat(Stream.of(method.getRawReturnType()), method.getRawParameterTypes().stream())
                                .filter(type -> type.isAnnotatedWith(Entity.class))
                                .forEach(type -> events.add(SimpleConditionEvent.violated(method,
                                        method.getFullName() + " exposes entity " + type.getName())));
                    }
                })
                .check(gatehouse);
    }

    @Test
    void entitiesLiveInDomainModulesAndResourcesInTheWar() {
        classes().that().areAnnotatedWith(Entity.class)
                .should().resideInAnyPackage("org.gatehouse.workflow..", "org.gatehouse.identity..", "org.gatehouse.findings..")
                .check(gatehouse);
        classes().that().areAnnotatedWith(Path.class).should().resideInAPackage("org.gatehouse.web..")
                .andShould().haveSimpleNameEndingWith("Resource")
                .check(gatehouse);
    }

    @Test
    void noManagerOrImplClasses() {
        noClasses().should().haveSimpleNameEndingWith("Manager").orShould().haveSimpleNameEndingWith("Impl")
                .check(gatehouse);
    }

    /** ADR 0025: a JDBC connection taken from JPA is checked to be the transaction's (not in auto-commit). */
    @Test
    void connectionsTakenFromJpaAreCheckedToBeTheTransactions() {
        methods().should(new ArchCondition<JavaMethod>("pass em.unwrap(...) through Jdbc.enlisted") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        boolean unwraps = method.getMethodCallsFromSelf().stream().anyMatch(call ->
                                call.getTargetOwner().isAssignableTo(jakarta.persistence.EntityManager.class)
                                        && call.getName().equals("unwrap"));
                        boolean checks = method.getMethodCallsFromSelf().stream().anyMatch(call ->
                                call.getTargetOwner().isEquivalentTo(org.gatehouse.platform.sql.Jdbc.class)
                                        && call.getName().equals("enlisted"));
                        if (unwraps && !checks) {
                            events.add(SimpleConditionEvent.violated(method, method.getFullName()
                                    + " unwraps a connection without Jdbc.enlisted"));
                        }
                    }
                })
                .check(gatehouse);
    }
}
