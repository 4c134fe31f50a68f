package org.gatehouse.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.gatehouse.compliance.catalog.ClauseCatalog;
import org.junit.jupiter.api.Test;

/**
 * The SPI's contract (issue 9, ADR 0021): every ClauseCheck of this module declares only catalogue IDs, and
 * the matrix refuses a check that declares another ID. Checks of other modules are held to the same rule when
 * the matrix collects them at start.
 */
class ClauseChecksContractTest {

    static List<ClauseCheck> checksOfThisModule() throws Exception {
        File dir = new File(ClauseChecksContractTest.class.getResource("/org/gatehouse/compliance/check").toURI());
        List<ClauseCheck> checks = new ArrayList<>();
        for (String name : new TreeSet<>(List.of(dir.list()))) {
            if (!name.endsWith(".class") || name.contains("$")) {
                continue;
            }
            Class<?> type = Class.forName("org.gatehouse.compliance.check." + name.replace(".class", ""));
            if (ClauseCheck.class.isAssignableFrom(type)) {
                checks.add((ClauseCheck) type.getDeclaredConstructor().newInstance());
            }
        }
        return checks;
    }

    @Test
    void everyCheckAnswersOnlyCatalogueClauses() throws Exception {
        List<ClauseCheck> checks = checksOfThisModule();
        assertTrue(checks.size() >= 11, "found " + checks.size() + " checks");
        ComplianceChecks.validate(ClauseCatalog.standard(), checks);
        Set<String> covered = new TreeSet<>();
        for (ClauseCheck check : checks) {
            for (String id : check.clauses()) {
                assertTrue(ClauseCatalog.standard().contains(id), check.name() + " answers " + id);
                covered.add(id);
            }
        }
        // the covered/manual split the ADR's table states (ADR 0021)
        Set<String> manual = new TreeSet<>();
        ClauseCatalog.standard().all().stream().map(c -> c.id()).filter(id -> !covered.contains(id)).forEach(manual::add);
        assertEquals(new TreeSet<>(Set.of("7.2.7, B.2.4.5")), manual);
        System.out.println("[compliance] covered by a check (" + covered.size() + "): " + covered);
        System.out.println("[compliance] manual (" + manual.size() + "): " + manual);
    }

    @Test
    void aCheckNamingAnUnknownClauseIsRefused() {
        ClauseCheck stray = new ClauseCheck() {
            @Override
            public Set<String> clauses() {
                return Set.of("B.1.3.1-ij");
            }

            @Override
            public List<ClauseAnswer> evaluate(ProjectEvidence project) {
                return List.of();
            }
        };
        assertThrows(IllegalStateException.class, () -> ComplianceChecks.validate(ClauseCatalog.standard(), List.of(stray)));
    }

    @Test
    void answersMergeIntoOneStatusPerClause() throws URISyntaxException {
        var clause = ClauseCatalog.standard().find("B.1.3.1-if").orElseThrow();
        Evidence gate = Evidence.of(Evidence.Kind.GATE, "white-box.no-open-findings", new Text("k", "passes", "通过"));
        ClauseAnswer satisfied = ClauseAnswer.of(clause.id()).met(gate).build();
        ClauseAnswer missing = ClauseAnswer.of(clause.id()).missing(new Text("m", "no report", "无报告")).build();
        ClauseAnswer manual = ClauseAnswer.manual(clause.id(), new Text("a", "check it", "核查"));
        assertEquals(ClauseStatus.SATISFIED, satisfied.status());
        assertEquals(ClauseStatus.MISSING, missing.status());
        assertEquals(ClauseStatus.MANUAL, ClauseRow.merge(clause, List.of(), List.of()).status(), "no check: manual");
        assertEquals(clause.mustEn(), ClauseRow.merge(clause, List.of(), List.of()).auditorChecks().get(0).en());
        assertEquals(ClauseStatus.SATISFIED, ClauseRow.merge(clause, List.of(satisfied, manual), List.of("a", "b")).status());
        assertEquals(ClauseStatus.PARTIAL, ClauseRow.merge(clause, List.of(satisfied, missing), List.of("a", "b")).status());
        assertEquals(ClauseStatus.MISSING, ClauseRow.merge(clause, List.of(missing, missing), List.of("a", "b")).status());
        assertEquals(ClauseStatus.MANUAL, ClauseRow.merge(clause, List.of(manual), List.of("a")).status());
        ClauseAnswer na = ClauseAnswer.notApplicable(clause.id(), new Text("n", "level 1", "等级 1"));
        assertEquals(ClauseStatus.NOT_APPLICABLE, ClauseRow.merge(clause, List.of(na), List.of("a")).status());
        assertEquals(ClauseStatus.MISSING, ClauseRow.merge(clause, List.of(na, missing), List.of("a", "b")).status());
        ClauseRow partial = ClauseRow.merge(clause, List.of(satisfied, missing, manual), List.of("a", "b", "c"));
        assertEquals(List.of(gate), partial.evidence());
        assertEquals(1, partial.missing().size());
        assertFalse(partial.auditorChecks().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new ClauseAnswer(clause.id(), ClauseStatus.MISSING, List.of(),
                List.of(), List.of()), "a missing answer says what is missing");
    }
}
