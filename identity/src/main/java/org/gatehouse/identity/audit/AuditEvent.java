package org.gatehouse.identity.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A stored audit record, for reading only: records are appended by {@link AuditTrail} with SQL and
 * the table rejects changes.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {
    @Id
    @Column(name = "seq")
    private long seq;

    @Column(name = "occurred_at", insertable = false, updatable = false)
    private OffsetDateTime occurredAt;

    @Column(name = "actor", insertable = false, updatable = false)
    private String actor;

    @Column(name = "actor_kind", insertable = false, updatable = false)
    private String actorKind;

    @Column(name = "address", insertable = false, updatable = false)
    private String address;

    @Column(name = "event_type", insertable = false, updatable = false)
    private String type;

    @Column(name = "target", insertable = false, updatable = false)
    private String target;

    @Column(name = "description", insertable = false, updatable = false)
    private String description;

    @Column(name = "result", insertable = false, updatable = false)
    private String result;

    @Column(name = "hash", insertable = false, updatable = false)
    private byte[] hash;

    protected AuditEvent() {
        // for JPA
    }

    public long seq() {
        return seq;
    }

    public OffsetDateTime occurredAt() {
        return occurredAt;
    }

    public String actor() {
        return actor;
    }

    public String actorKind() {
        return actorKind;
    }

    public String address() {
        return address;
    }

    public String type() {
        return type;
    }

    public String target() {
        return target;
    }

    public String description() {
        return description;
    }

    public String result() {
        return result;
    }

    public byte[] hash() {
        return hash.clone();
    }
}
