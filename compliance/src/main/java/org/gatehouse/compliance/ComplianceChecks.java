package org.gatehouse.compliance;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gatehouse.compliance.catalog.ClauseCatalog;

/** The rules every {@link ClauseCheck} keeps, enforced when the matrix collects and runs them (ADR 0021). */
public final class ComplianceChecks {
    private ComplianceChecks() {
    }

    /** Refuses a check that declares no clause or an ID the catalogue does not have. */
    public static void validate(ClauseCatalog catalog, List<? extends ClauseCheck> checks) {
        for (ClauseCheck check : checks) {
            if (check.clauses().isEmpty()) {
                throw new IllegalStateException(check.name() + " answers no clause");
            }
            for (String id : check.clauses()) {
                if (!catalog.contains(id)) {
                    throw new IllegalStateException(check.name() + " answers " + id + ", which is not a catalogue clause ID");
                }
            }
        }
    }

    /** The check's answers, refused when one names an undeclared clause or a clause twice. */
    public static List<ClauseAnswer> answersOf(ClauseCheck check, ProjectEvidence project) {
        List<ClauseAnswer> answers = check.evaluate(project);
        Set<String> seen = new HashSet<>();
        for (ClauseAnswer answer : answers) {
            if (!check.clauses().contains(answer.clause()) || !seen.add(answer.clause())) {
                throw new IllegalStateException(check.name() + " answered " + answer.clause()
                        + " outside its declared clauses or twice");
            }
        }
        return answers;
    }
}
