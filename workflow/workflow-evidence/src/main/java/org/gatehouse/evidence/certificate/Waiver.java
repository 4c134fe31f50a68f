package org.gatehouse.evidence.certificate;

import java.time.Instant;
import java.util.Objects;

/** A waiver of a gate: who granted it, why, and until when it is in force. */
public record Waiver(String gateId, String grantedBy, String justification, Instant expires) {
    public Waiver {
        Fields.text(gateId, "gate id");
        Fields.text(grantedBy, "granted by");
        Fields.text(justification, "justification");
        Objects.requireNonNull(expires, "expires");
    }
}
