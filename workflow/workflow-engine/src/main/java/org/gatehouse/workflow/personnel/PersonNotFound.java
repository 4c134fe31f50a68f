package org.gatehouse.workflow.personnel;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** No person account with that login (service accounts have no register entry). */
public final class PersonNotFound extends DomainException {
    private static final long serialVersionUID = 1L;

    public PersonNotFound(String login) {
        super(ProblemType.NOT_FOUND, "personnel.person-not-found", login);
    }
}
