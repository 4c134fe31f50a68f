package org.gatehouse.web.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Set;
import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/**
 * Validates request DTOs. Resources call this instead of putting {@code @Valid} on their parameters:
 * Payara's OpenAPI generator fails on Bean Validation annotations there (RUNTIME.md), and the
 * constraints on the DTO itself are what matter.
 */
@ApplicationScoped
public class RequestBodies {
    @Inject
    Validator validator;

    /**
     * @return the body, when it is present and valid
     * @throws MissingBody when there is no body
     * @throws ConstraintViolationException when a constraint fails (mapped to a validation problem)
     */
    public <T> T valid(T body, Class<?>... groups) {
        if (body == null) {
            throw new MissingBody();
        }
        Set<ConstraintViolation<T>> violations = validator.validate(body, groups);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return body;
    }

    /** A request that needs a JSON body came without one. */
    public static final class MissingBody extends DomainException {
        private static final long serialVersionUID = 1L;

        MissingBody() {
            super(ProblemType.VALIDATION_FAILED, "body.required");
        }
    }
}
