package org.gatehouse.tracking.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gatehouse.findings.finding.FindingId;
import org.gatehouse.findings.finding.Findings;
import org.gatehouse.findings.finding.SystemReason;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.audit.AuditEntry;
import org.gatehouse.identity.audit.AuditTrail;
import org.gatehouse.issuetracker.api.ExternalIssue;
import org.gatehouse.issuetracker.api.ExternalState;
import org.gatehouse.platform.sql.Jdbc;
import org.gatehouse.platform.time.UtcTime;
import org.gatehouse.tracking.connection.ConnectionId;
import org.gatehouse.tracking.connection.StoredConnection;
import org.gatehouse.workflow.api.ProjectKey;

/**
 * The {@code tracker_link} rows (V17), each change in a transaction of its own: links written when
 * an issue was filed, the outbound cursor per link, and an issue's new state applied to its findings
 * through the findings boundary (with the links locked, so a webhook and the reconcile never apply
 * one change twice).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class LinkStore {
    /** Every finding_event row of a tracker's own making starts with this (loop prevention). */
    static final String TRACKER_ACTOR = "system:issue-tracker:";

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    Findings findings;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** A state change of a linked finding not yet commented on. */
    record PendingEvent(long id, UUID finding, ConnectionId connection, String issueKey, String actor, String from,
            String to, boolean byScan, String title) {
    }

    boolean linked(UUID finding) {
        return sql(c -> Jdbc.first(c, "SELECT 1 FROM tracker_link WHERE finding_id = ?", r -> 1, finding).isPresent());
    }

    void insert(Actor actor, ConnectionId connection, ExternalIssue issue, List<UUID> linked) {
        OffsetDateTime now = UtcTime.now(clock);
        sql(c -> {
            for (UUID finding : linked) {
                Jdbc.update(c, "INSERT INTO tracker_link (finding_id, connection_id, issue_key, issue_url, external_state,"
                        + " last_synced_at, last_event_id, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?,"
                        + " (SELECT coalesce(max(id), 0) FROM finding_event WHERE finding_id = ?), ?, ?)", finding,
                        connection.value(), issue.key(), issue.url().toString(), issue.state().name(), now, finding, now,
                        actor.name());
            }
            return null;
        });
        audit.record(actor, AuditEntry.success("tracker.issue-created", "issue:" + issue.key(), issue.url() + " for "
                + linked.size() + " finding(s): " + linked));
    }

    List<LinkView> list(ProjectKey project, int limit) {
        return sql(c -> Jdbc.list(c, "SELECT l.finding_id, l.issue_key, l.issue_url, l.external_state, l.last_synced_at,"
                + " l.created_at, l.created_by FROM tracker_link l JOIN tracker_connection t ON t.id = l.connection_id"
                + " WHERE t.project_key = ? ORDER BY l.created_at DESC, l.finding_id LIMIT ?",
                r -> new LinkView(r.getObject(1, UUID.class).toString(), r.getString(2), r.getString(3), r.getString(4),
                        r.getObject(5, OffsetDateTime.class), r.getObject(6, OffsetDateTime.class), r.getString(7)),
                project.value(), limit));
    }

    List<PendingEvent> pending(int limit) {
        return sql(c -> Jdbc.list(c, "SELECT e.id, e.finding_id, l.connection_id, l.issue_key, e.actor, e.from_state,"
                + " e.to_state, e.import_id IS NOT NULL, f.title FROM tracker_link l"
                + " JOIN finding_event e ON e.finding_id = l.finding_id AND e.id > l.last_event_id"
                + " JOIN finding f ON f.id = l.finding_id ORDER BY e.id LIMIT ?",
                r -> new PendingEvent(r.getLong(1), r.getObject(2, UUID.class), new ConnectionId(r.getObject(3, UUID.class)),
                        r.getString(4), r.getString(5), r.getString(6), r.getString(7), r.getBoolean(8), r.getString(9)),
                limit));
    }

    /** Moves a link's outbound cursor forward (never back). */
    void advance(UUID finding, long eventId) {
        sql(c -> Jdbc.update(c, "UPDATE tracker_link SET last_event_id = ? WHERE finding_id = ? AND last_event_id < ?",
                eventId, finding, eventId));
    }

    /** The last known state of an issue linked on the connection; empty when the issue is not linked there. */
    Optional<ExternalState> known(ConnectionId connection, String issueKey) {
        return sql(c -> Jdbc.first(c, "SELECT external_state FROM tracker_link WHERE connection_id = ? AND issue_key = ?"
                + " ORDER BY finding_id LIMIT 1", r -> ExternalState.valueOf(r.getString(1)), connection.value(), issueKey));
    }

    /**
     * Applies an issue's state as the tracker reports it: links whose known state differs take the
     * new one, and their findings move when "resolved" changed (claimed fix, or the claim taken back).
     * Returns how many findings changed state; 0 when the issue is not linked or nothing changed.
     */
    int apply(StoredConnection.Resolved connection, ExternalIssue issue, String source) {
        OffsetDateTime now = UtcTime.now(clock);
        List<Object[]> links = sql(c -> Jdbc.list(c, "SELECT finding_id, external_state FROM tracker_link"
                + " WHERE connection_id = ? AND issue_key = ? ORDER BY finding_id FOR UPDATE",
                r -> new Object[] {r.getObject(1, UUID.class), ExternalState.valueOf(r.getString(2))},
                connection.stored().id().value(), issue.key()));
        Actor tracker = Actor.system(connection.actorFor(issue.key()));
        int changed = 0;
        for (Object[] link : links) {
            UUID finding = (UUID) link[0];
            ExternalState known = (ExternalState) link[1];
            sql(c -> Jdbc.update(c, "UPDATE tracker_link SET external_state = ?, last_synced_at = ? WHERE finding_id = ?",
                    issue.state().name(), now, finding));
            boolean wasResolved = known == ExternalState.RESOLVED;
            boolean isResolved = issue.state() == ExternalState.RESOLVED;
            if (wasResolved != isResolved) {
                String tracked = connection.stored().tracker();
                SystemReason reason = isResolved ? SystemReason.trackerIssueDone(issue.key(), tracked, source)
                        : SystemReason.trackerIssueReopened(issue.key(), tracked, source);
                if (findings.trackerReported(tracker, new FindingId(finding), isResolved, reason).isPresent()) {
                    changed++;
                }
            }
        }
        return changed;
    }

    interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    private <T> T sql(Work<T> work) {
        try {
            return work.on(Jdbc.enlisted(em.unwrap(Connection.class)));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read or write issue links", e);
        }
    }

}
