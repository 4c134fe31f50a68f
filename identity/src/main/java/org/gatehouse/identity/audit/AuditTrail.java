package org.gatehouse.identity.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.platform.time.UtcTime;
import org.gatehouse.platform.audit.AuditChain;

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

    private long append(Actor actor, AuditEntry entry) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, CHAIN_LOCK).getResultList();
        @SuppressWarnings("unchecked")
        List<byte[]> last = em.createNativeQuery("SELECT hash FROM audit_event ORDER BY seq DESC LIMIT 1").getResultList();
        byte[] prev = last.isEmpty() ? AuditChain.GENESIS : last.get(0);
        long seq = ((Number) em.createNativeQuery("SELECT nextval('audit_event_seq')").getSingleResult()).longValue();
        OffsetDateTime at = UtcTime.now(clock);
        AuditChain.Link link = new AuditChain.Link(seq, at, actor.name(), actor.kind().name(), actor.address(),
                entry.type(), entry.target(), entry.description(), entry.result().name(), prev);
        byte[] hash = AuditChain.hash(link);
        em.createNativeQuery("INSERT INTO audit_event (seq, occurred_at, actor, actor_kind, address, event_type, target,"
                        + " description, result, prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
                .setParameter(1, seq).setParameter(2, at).setParameter(3, link.actor()).setParameter(4, link.actorKind())
                .setParameter(5, link.address()).setParameter(6, link.type()).setParameter(7, link.target())
                .setParameter(8, link.description()).setParameter(9, link.result()).setParameter(10, prev)
                .setParameter(11, hash)
                .executeUpdate();
        return seq;
    }
}
