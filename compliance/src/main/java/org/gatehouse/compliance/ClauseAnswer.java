package org.gatehouse.compliance;

import java.util.ArrayList;
import java.util.List;

/**
 * One check's answer for one clause: the status, the evidence it rests on, what is missing, and what an
 * auditor must check by hand (the part of the clause the platform cannot see).
 */
public record ClauseAnswer(String clause, ClauseStatus status, List<Evidence> evidence, List<Text> missing,
        List<Text> auditorChecks) {
    public ClauseAnswer {
        if (clause == null || status == null) {
            throw new IllegalArgumentException("an answer names its clause and status");
        }
        evidence = List.copyOf(evidence);
        missing = List.copyOf(missing);
        auditorChecks = List.copyOf(auditorChecks);
        if ((status == ClauseStatus.MISSING || status == ClauseStatus.PARTIAL) && missing.isEmpty()) {
            throw new IllegalArgumentException(clause + ": a " + status + " answer says what is missing");
        }
    }

    /** Builds an answer: SATISFIED with evidence and nothing missing, MISSING with nothing, else PARTIAL. */
    public static Builder of(String clause) {
        return new Builder(clause);
    }

    public static ClauseAnswer manual(String clause, Text whatToCheck) {
        return new ClauseAnswer(clause, ClauseStatus.MANUAL, List.of(), List.of(), List.of(whatToCheck));
    }

    public static ClauseAnswer notApplicable(String clause, Text why) {
        return new ClauseAnswer(clause, ClauseStatus.NOT_APPLICABLE, List.of(), List.of(), List.of(why));
    }

    /** Collects evidence and gaps; {@link #build} derives the status from them. */
    public static final class Builder {
        private final String clause;
        private final List<Evidence> evidence = new ArrayList<>();
        private final List<Text> missing = new ArrayList<>();
        private final List<Text> auditorChecks = new ArrayList<>();
        private int met;

        private Builder(String clause) {
            this.clause = clause;
        }

        /** Evidence that meets (part of) the clause. */
        public Builder met(Evidence e) {
            evidence.add(e);
            met++;
            return this;
        }

        /** Evidence shown for context that does not by itself meet anything (e.g. a failing gate). */
        public Builder context(Evidence e) {
            evidence.add(e);
            return this;
        }

        public Builder missing(Text what) {
            missing.add(what);
            return this;
        }

        public Builder missing(List<Text> what) {
            missing.addAll(what);
            return this;
        }

        public Builder auditorChecks(Text what) {
            auditorChecks.add(what);
            return this;
        }

        public ClauseAnswer build() {
            ClauseStatus status = missing.isEmpty() ? (met > 0 ? ClauseStatus.SATISFIED : ClauseStatus.MANUAL)
                    : met > 0 ? ClauseStatus.PARTIAL : ClauseStatus.MISSING;
            if (status == ClauseStatus.MANUAL && auditorChecks.isEmpty()) {
                throw new IllegalStateException(clause + ": an answer without evidence says what an auditor checks");
            }
            return new ClauseAnswer(clause, status, evidence, missing, auditorChecks);
        }
    }
}
