package org.gatehouse.identity.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.UUID;
import org.gatehouse.platform.id.Uuid7;
import org.gatehouse.platform.sql.Jdbc;
import org.gatehouse.platform.time.UtcTime;

/**
 * Writes outbox rows (issue 7, ADR 0015; the transactional-outbox pattern): one INSERT on the
 * transaction of the change, so the event exists exactly when the change committed. The relay
 * (gatehouse-notify) delivers it later. Like the audit trail: {@link #publish} joins the caller's
 * JTA transaction, {@link #publishOn} a JDBC transaction the caller runs (the import pipeline),
 * {@link #publishAlone} commits on its own (refusals, whose own transaction rolls back).
 */
@ApplicationScoped
public class Outbox {
    /**
     * The PostgreSQL channel an event's transaction notifies (delivered on commit only, once per transaction): the
     * relay listens on it and starts at once instead of at its next poll.
     */
    public static final String CHANNEL = "gatehouse_outbox";
    static final String INSERT = "INSERT INTO outbox_event (id, event_type, project_key, subject, payload, occurred_at)"
            + " VALUES (?, ?, ?, ?, ?::jsonb, ?)";

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    Clock clock;

    /** Within the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(OutboxEvent event) {
        try {
            return publishOn(Jdbc.enlisted(em.unwrap(Connection.class)), event);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the outbox", e);
        }
    }

    /** In a transaction of its own, which commits even when the caller's rolls back. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public UUID publishAlone(OutboxEvent event) {
        return publish(event);
    }

    /** On a JDBC connection whose transaction the caller runs: commits or rolls back with it. */
    public UUID publishOn(Connection connection, OutboxEvent event) throws SQLException {
        UUID id = Uuid7.next(clock);
        Jdbc.update(connection, INSERT, id, event.type().wireName(), event.project().map(p -> p.value()).orElse(null),
                event.subject(), event.data().toString(), UtcTime.now(clock));
        Jdbc.first(connection, "SELECT pg_notify(?, '')", row -> 1, CHANNEL);
        return id;
    }
}
