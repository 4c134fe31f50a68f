package org.gatehouse.identity.session;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** Too many failed logins came from this address within the window (per-address throttling). */
public final class TooManyAttempts extends DomainException {
    private static final long serialVersionUID = 1L;

    TooManyAttempts(long minutes) {
        super(ProblemType.TOO_MANY_REQUESTS, "login.throttled", minutes);
    }
}
