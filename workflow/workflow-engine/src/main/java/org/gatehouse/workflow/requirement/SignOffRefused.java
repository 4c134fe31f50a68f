package org.gatehouse.workflow.requirement;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/**
 * A sign-off that cannot be given: the content changed since the signer read it (409), the signer
 * lacks the role (403), or already signed this content in another role (409, separation of duties).
 */
public final class SignOffRefused extends DomainException {
    private static final long serialVersionUID = 1L;

    private SignOffRefused(ProblemType type, String key, String... arguments) {
        super(type, key, (Object[]) arguments);
    }

    static SignOffRefused contentChanged(SignOffSubject subject, String seen, String current) {
        return new SignOffRefused(ProblemType.CONFLICT, "sign-off.content-changed", subject.name(), seen, current);
    }

    static SignOffRefused roleMissing(SignOffSubject subject, String role) {
        return new SignOffRefused(ProblemType.FORBIDDEN, "sign-off.role-missing", subject.name(), role);
    }

    static SignOffRefused roleNotNeeded(SignOffSubject subject, String role) {
        return new SignOffRefused(ProblemType.VALIDATION_FAILED, "sign-off.role-not-needed", subject.name(), role);
    }

    static SignOffRefused secondRole(SignOffSubject subject, String role) {
        return new SignOffRefused(ProblemType.CONFLICT, "sign-off.second-role", subject.name(), role);
    }

    static SignOffRefused roleTaken(SignOffSubject subject, String role) {
        return new SignOffRefused(ProblemType.CONFLICT, "sign-off.role-taken", subject.name(), role);
    }

    static SignOffRefused nothingToSign(SignOffSubject subject) {
        return new SignOffRefused(ProblemType.CONFLICT, "sign-off.nothing-to-sign", subject.name());
    }
}
