package org.gatehouse.compliance;

import java.util.ArrayList;
import java.util.List;
import org.gatehouse.compliance.catalog.Clause;

/**
 * One line of the matrix: a catalogue clause with its merged status, evidence, gaps, what an auditor
 * checks by hand, and which checks answered. Merging (ADR 0021): no answer → MANUAL with the catalogue's
 * "the platform must"; answers that are all MANUAL/NOT_APPLICABLE keep that (NOT_APPLICABLE only when all
 * say so); otherwise, of the definite answers, all SATISFIED → SATISFIED, all MISSING → MISSING, else PARTIAL.
 */
public record ClauseRow(Clause clause, ClauseStatus status, List<Evidence> evidence, List<Text> missing,
        List<Text> auditorChecks, List<String> checks) {

    public static ClauseRow merge(Clause clause, List<ClauseAnswer> answers, List<String> checks) {
        if (answers.isEmpty()) {
            return new ClauseRow(clause, ClauseStatus.MANUAL, List.of(), List.of(),
                    List.of(new Text("compliance.catalogue-must", clause.mustEn(), clause.mustZh())), List.of());
        }
        List<Evidence> evidence = new ArrayList<>();
        List<Text> missing = new ArrayList<>();
        List<Text> auditor = new ArrayList<>();
        for (ClauseAnswer answer : answers) {
            evidence.addAll(answer.evidence());
            missing.addAll(answer.missing());
            auditor.addAll(answer.auditorChecks());
        }
        List<ClauseStatus> definite = answers.stream().map(ClauseAnswer::status)
                .filter(s -> s != ClauseStatus.MANUAL && s != ClauseStatus.NOT_APPLICABLE).toList();
        ClauseStatus status;
        if (definite.isEmpty()) {
            status = answers.stream().allMatch(a -> a.status() == ClauseStatus.NOT_APPLICABLE) ? ClauseStatus.NOT_APPLICABLE
                    : ClauseStatus.MANUAL;
        } else if (definite.stream().allMatch(s -> s == ClauseStatus.SATISFIED)) {
            status = ClauseStatus.SATISFIED;
        } else if (definite.stream().allMatch(s -> s == ClauseStatus.MISSING)) {
            status = ClauseStatus.MISSING;
        } else {
            status = ClauseStatus.PARTIAL;
        }
        return new ClauseRow(clause, status, List.copyOf(evidence), List.copyOf(missing), List.copyOf(auditor),
                List.copyOf(checks));
    }
}
