package org.gatehouse.evidence.json;

import org.gatehouse.evidence.EvidenceException;

/** JSON outside the canonical subset: malformed, a duplicate key, a float, a huge integer, … */
public final class JsonRejected extends EvidenceException {
    private static final long serialVersionUID = 1L;

    JsonRejected(String message) {
        super(message);
    }

    JsonRejected(String message, Throwable cause) {
        super(message, cause);
    }
}
