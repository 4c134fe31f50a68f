package org.gatehouse.evidence.keys;

import org.gatehouse.evidence.EvidenceException;

/** Stored key material that cannot be read: truncated, altered framing or no certificate. */
public final class MalformedKeyMaterial extends EvidenceException {
    private static final long serialVersionUID = 1L;

    MalformedKeyMaterial(String message) {
        super(message);
    }
}
