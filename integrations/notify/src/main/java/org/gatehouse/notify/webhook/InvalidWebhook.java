package org.gatehouse.notify.webhook;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** A webhook's URL, events or description cannot be accepted (the key names which rule). */
public final class InvalidWebhook extends DomainException {
    private static final long serialVersionUID = 1L;

    public InvalidWebhook(String key, String argument) {
        super(ProblemType.VALIDATION_FAILED, key, argument);
    }
}
