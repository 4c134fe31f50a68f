package org.gatehouse.identity.account;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** The login name is taken (B.1.3.2-ik: identities are unique). */
public final class DuplicateLogin extends DomainException {
    private static final long serialVersionUID = 1L;

    public DuplicateLogin(String login) {
        super(ProblemType.CONFLICT, "account.duplicate-login", login);
    }
}
