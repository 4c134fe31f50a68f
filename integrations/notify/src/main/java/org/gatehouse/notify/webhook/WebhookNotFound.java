package org.gatehouse.notify.webhook;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** No such webhook (or delivery) in that project. */
public final class WebhookNotFound extends DomainException {
    private static final long serialVersionUID = 1L;

    public WebhookNotFound(String id) {
        super(ProblemType.NOT_FOUND, "webhook.not-found", id);
    }
}
