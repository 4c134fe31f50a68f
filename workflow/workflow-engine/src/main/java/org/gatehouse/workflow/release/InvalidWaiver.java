package org.gatehouse.workflow.release;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;
import org.gatehouse.workflow.lifecycle.Waiver;

/**
 * A waiver without a justification, or whose expiry is not in the future or lies more than
 * {@link #LONGEST} ahead: an override is an exception with an end, not a new rule (B.1.3.1-ii).
 */
public final class InvalidWaiver extends DomainException {
    private static final long serialVersionUID = 1L;
    /** The longest a waiver may run; beyond it the definition itself should change. */
    public static final Duration LONGEST = Duration.ofDays(180);

    private InvalidWaiver(String key, Object... arguments) {
        super(ProblemType.VALIDATION_FAILED, key, arguments);
    }

    static Waiver check(Supplier<Waiver> waiver, Instant now, Instant expiresAt) {
        if (expiresAt == null || !expiresAt.isAfter(now)) {
            throw new InvalidWaiver("release.waiver.expiry-past", String.valueOf(expiresAt));
        }
        if (expiresAt.isAfter(now.plus(LONGEST))) {
            throw new InvalidWaiver("release.waiver.expiry-too-far", expiresAt, LONGEST.toDays());
        }
        try {
            return waiver.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidWaiver("release.waiver.justification-missing");
        }
    }
}
