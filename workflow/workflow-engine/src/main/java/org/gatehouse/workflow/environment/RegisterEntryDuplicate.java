package org.gatehouse.workflow.environment;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** The project has an environment of that name, or a device with that asset tag, already. */
public final class RegisterEntryDuplicate extends DomainException {
    private static final long serialVersionUID = 1L;

    RegisterEntryDuplicate(String what, String name) {
        super(ProblemType.CONFLICT, what + ".duplicate", name);
    }
}
