package org.gatehouse.findings.finding;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a finding stands (B.1.3.1-ih: a defect is tracked until it is fixed and re-tested).
 * Open: new, confirmed, reopened. A fix is claimed (fixed, unverified) and then verified by a later
 * scan of a newer build or by a manual re-test. Dismissals (false positive, risk accepted) need a
 * second person; suppressed means the report itself says the result is suppressed at the source.
 */
public enum FindingState {
    NEW, CONFIRMED, FIXED_UNVERIFIED, VERIFIED, REOPENED, FALSE_POSITIVE, RISK_ACCEPTED, SUPPRESSED;

    private static final Set<FindingState> OPEN = EnumSet.of(NEW, CONFIRMED, REOPENED);

    /** Still to be fixed or dismissed: counts for SLAs and gates. */
    public boolean isOpen() {
        return OPEN.contains(this);
    }

    /** A decision that sticks when the same finding is reported again. */
    public boolean isDismissed() {
        return this == FALSE_POSITIVE || this == RISK_ACCEPTED;
    }

    public static Set<FindingState> open() {
        return EnumSet.copyOf(OPEN);
    }
}
