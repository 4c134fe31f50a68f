package org.gatehouse.web.audit;

import java.time.Instant;
import java.util.HexFormat;
import org.gatehouse.identity.audit.AuditEvent;

/** One audit record with the guide's fields: date and time, initiator, type, target, description, result. */
public record AuditEventView(long seq, Instant occurredAt, String actor, String actorKind, String address, String type,
        String target, String description, String result, String hash) {

    static AuditEventView of(AuditEvent event) {
        return new AuditEventView(event.seq(), event.occurredAt().toInstant(), event.actor(), event.actorKind(),
                event.address(), event.type(), event.target(), event.description(), event.result(),
                HexFormat.of().formatHex(event.hash()));
    }
}
