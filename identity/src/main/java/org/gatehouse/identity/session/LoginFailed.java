package org.gatehouse.identity.session;

import java.time.Duration;
import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/**
 * A login did not succeed. One message for every reason (unknown name, wrong password, locked,
 * disabled) so that the response does not reveal whether the login name exists (B.1.3.2-in). The
 * caller waits {@link #delay()} before answering: the delay grows with the failures.
 */
public final class LoginFailed extends DomainException {
    private static final long serialVersionUID = 1L;
    private final Duration delay;

    LoginFailed(Duration delay) {
        super(ProblemType.LOGIN_FAILED, "login.failed");
        this.delay = delay;
    }

    public Duration delay() {
        return delay;
    }
}
