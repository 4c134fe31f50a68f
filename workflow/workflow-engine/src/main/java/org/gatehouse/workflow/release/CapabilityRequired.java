package org.gatehouse.workflow.release;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/**
 * A CI token asked for something its scopes do not grant: opening a release on push needs the
 * scope {@code releases:write} (ADR 0012). Answered 403 {@code capability-required}, and audited as
 * a denied request like every 403.
 */
public final class CapabilityRequired extends DomainException {
    private static final long serialVersionUID = 1L;

    public CapabilityRequired(String what, String scope) {
        super(ProblemType.CAPABILITY_REQUIRED, "release.capability-required", what, scope);
    }
}
