package org.gatehouse.identity.account;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** No account has that login name. */
public final class AccountNotFound extends DomainException {
    private static final long serialVersionUID = 1L;

    public AccountNotFound(String login) {
        super(ProblemType.NOT_FOUND, "account.not-found", login);
    }
}
