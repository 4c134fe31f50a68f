package org.gatehouse.findings.finding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gatehouse.identity.outbox.EventType;
import org.gatehouse.identity.outbox.Outbox;
import org.gatehouse.identity.outbox.OutboxEvent;
import org.gatehouse.platform.sql.Jdbc;
import org.gatehouse.platform.time.UtcTime;
import org.gatehouse.workflow.api.ProjectKey;

/**
 * Announces deadlines as they pass (issue 7), from the risk-acceptance scheduler: findings whose SLA
 * due date passed while they were open ({@code finding.sla-breached}) and risk acceptances that run
 * out within {@code gatehouse.risk-acceptance.warn-days} ({@code risk-acceptance.expiring}). A
 * watermark per kind remembers how far it looked, so each deadline is announced once; one event per
 * project and run, with the count and a bounded sample of ids.
 */
@ApplicationScoped
@Transactional
public class DeadlineEvents {
    static final int SAMPLE = 20;
    private static final String OPEN = "('NEW', 'CONFIRMED', 'REOPENED')";

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "gatehouse.risk-acceptance.warn-days", defaultValue = "7")
    int warnDays;

    private record Due(ProjectKey project, int count, List<UUID> sample, OffsetDateTime earliest) {
    }

    /** Looks from each watermark up to now; returns the number of events written. */
    public int announce() {
        Connection c = Jdbc.enlisted(em.unwrap(Connection.class));
        try {
            OffsetDateTime now = UtcTime.now(clock);
            int events = 0;
            OffsetDateTime slaFrom = watermark(c, "sla-breached", now);
            for (Due due : due(c, "due_at", "state IN " + OPEN, slaFrom, now)) {
                outbox.publish(event(EventType.SLA_BREACHED, due, "dueAt"));
                events++;
            }
            Duration warn = Duration.ofDays(warnDays);
            OffsetDateTime expiringFrom = watermark(c, "risk-acceptance-expiring", now);
            for (Due due : due(c, "accepted_until", "state = 'RISK_ACCEPTED'", expiringFrom.plus(warn), now.plus(warn))) {
                outbox.publish(event(EventType.RISK_ACCEPTANCE_EXPIRING, due, "expiresAt"));
                events++;
            }
            return events;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot announce deadlines", e);
        }
    }

    /** The event of expired acceptances of one project (written by the expiry itself). */
    static OutboxEvent expired(ProjectKey project, List<UUID> findings) {
        return OutboxEvent.of(EventType.RISK_ACCEPTANCE_EXPIRED, project, "project:" + project, Json.createObjectBuilder()
                .add("count", findings.size()).add("findingSample", ids(findings.stream().limit(SAMPLE).toList())).build());
    }

    /** Where the kind's last look ended (locked until commit: one instance at a time); moved to now. */
    private static OffsetDateTime watermark(Connection c, String name, OffsetDateTime now) throws SQLException {
        Jdbc.update(c, "INSERT INTO deadline_watermark (name, checked_until) VALUES (?, ?) ON CONFLICT DO NOTHING", name, now);
        OffsetDateTime from = Jdbc.first(c, "SELECT checked_until FROM deadline_watermark WHERE name = ? FOR UPDATE",
                r -> r.getObject(1, OffsetDateTime.class), name).orElse(now);
        Jdbc.update(c, "UPDATE deadline_watermark SET checked_until = ? WHERE name = ?", now, name);
        return from;
    }

    /** Per project (through its index on project and due date), what fell due in (from, to]. */
    private static List<Due> due(Connection c, String column, String condition, OffsetDateTime from, OffsetDateTime to)
            throws SQLException {
        if (!from.isBefore(to)) {
            return List.of();
        }
        return Jdbc.list(c, "SELECT p.project_key, x.n, x.ids, x.earliest FROM project p CROSS JOIN LATERAL"
                + " (SELECT count(*) AS n, (array_agg(f.id ORDER BY f." + column + "))[1:" + SAMPLE + "] AS ids,"
                + " min(f." + column + ") AS earliest FROM finding f WHERE f.project_key = p.project_key AND f." + column
                + " > ? AND f." + column + " <= ? AND f." + condition + ") x WHERE x.n > 0",
                r -> new Due(new ProjectKey(r.getString(1)), r.getInt(2), uuids(r.getArray(3)),
                        r.getObject(4, OffsetDateTime.class)), from, to);
    }

    private static OutboxEvent event(EventType type, Due due, String when) {
        return OutboxEvent.of(type, due.project(), "project:" + due.project(), Json.createObjectBuilder()
                .add("count", due.count()).add(when, due.earliest().toInstant().toString())
                .add("findingSample", ids(due.sample())).build());
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        return array == null ? List.of() : List.of((UUID[]) array.getArray());
    }

    private static JsonArrayBuilder ids(List<UUID> ids) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        ids.forEach(id -> array.add(id.toString()));
        return array;
    }
}
