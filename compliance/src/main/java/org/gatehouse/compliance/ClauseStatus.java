package org.gatehouse.compliance;

/** Where a project stands on one clause (issue 9, ADR 0021). */
public enum ClauseStatus {
    /** The platform holds evidence that the clause is met. */
    SATISFIED,
    /** Part of the evidence is there, part is missing. */
    PARTIAL,
    /** The platform could hold the evidence but does not (yet): see what is missing. */
    MISSING,
    /** The platform cannot verify this clause: an auditor checks it (the answer says what). */
    MANUAL,
    /** The clause does not apply to this project (e.g. a gate its protection level does not have). */
    NOT_APPLICABLE
}
