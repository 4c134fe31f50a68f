package org.gatehouse.identity.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.platform.time.UtcTime;
import org.gatehouse.platform.audit.AuditChain;
import org.gatehouse.platform.sql.Jdbc;

/**
 * Appends to the audit trail (B.2.4.3-kd..kf, B.1.2.17-hu..hv, 7.2.5). A record written with
 * {@link #record} commits or rolls back with the change it describes; {@link #recordAlone} is for
 * what has no transaction of its own (denied requests, failed logins). Appends are serialised by a
 * transaction-scoped advisory lock so that parallel requests keep one unbroken chain; the lock is
 * taken as the last step of a transaction and released at its commit.
 */
@ApplicationScoped
public class AuditTrail {
    /** The advisory lock key of the chain ("GHAUDIT" in ASCII). */
    static final long CHAIN_LOCK = 0x4748415544495454L;

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    DeniedRequestAlerts alerts;

    /** Appends within the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long record(Actor actor, AuditEntry entry) {
        return append(actor, entry);
    }

    /** Appends in a transaction of its own, which commits even when the caller's rolls back. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long recordAlone(Actor actor, AuditEntry entry) {
        long seq = append(actor, entry);
        if (entry.result() == AuditResult.DENIED && actor.isAuthenticated()) {
            alerts.afterDenied(actor);
        }
        return seq;
    }

    /**
     * Appends on a JDBC connection whose transaction the caller runs (the import pipeline writes
     * with plain JDBC and COPY): the record commits or rolls back with that transaction.
     */
    public long recordOn(Connection connection, Actor actor, AuditEntry entry) throws SQLException {
        return append(connection, clock, actor, entry);
    }

    private long append(Actor actor, AuditEntry entry) {
        try {
            return append(Jdbc.enlisted(em.unwrap(Connection.class)), clock, actor, entry);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot append to the audit trail", e);
        }
    }

    private static long append(Connection connection, Clock clock, Actor actor, AuditEntry entry) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, CHAIN_LOCK);
            lock.execute();
        }
        byte[] prev = AuditChain.GENESIS;
        long seq;
        try (Statement statement = connection.createStatement()) {
            try (ResultSet last = statement.executeQuery("SELECT hash FROM audit_event ORDER BY seq DESC LIMIT 1")) {
                if (last.next()) {
                    prev = last.getBytes(1);
                }
            }
            try (ResultSet next = statement.executeQuery("SELECT nextval('audit_event_seq')")) {
                next.next();
                seq = next.getLong(1);
            }
        }
        OffsetDateTime at = UtcTime.now(clock);
        AuditChain.Link link = new AuditChain.Link(seq, at, actor.name(), actor.kind().name(), actor.address(),
                entry.type(), entry.target(), entry.description(), entry.result().name(), prev);
        byte[] hash = AuditChain.hash(link);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_event (seq, occurred_at, actor,"
                + " actor_kind, address, event_type, target, description, result, prev_hash, hash)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, seq);
            insert.setObject(2, at);
            insert.setString(3, link.actor());
            insert.setString(4, link.actorKind());
            insert.setString(5, link.address());
            insert.setString(6, link.type());
            insert.setString(7, link.target());
            insert.setString(8, link.description());
            insert.setString(9, link.result());
            insert.setBytes(10, prev);
            insert.setBytes(11, hash);
            insert.executeUpdate();
        }
        return seq;
    }
}
