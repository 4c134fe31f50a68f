package org.gatehouse.findings.importing;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** Too many imports are waiting; the client should retry later. */
public final class QueueFull extends DomainException {
    private static final long serialVersionUID = 1L;

    QueueFull(int capacity) {
        super(ProblemType.UNAVAILABLE, "import.queue-full", capacity);
    }
}
