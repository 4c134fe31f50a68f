package org.gatehouse.notify.relay;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.identity.access.PermissionMatrix;
import org.gatehouse.identity.access.Role;
import org.gatehouse.notify.mail.MailSettings;
import org.gatehouse.platform.sql.Jdbc;
import org.gatehouse.platform.time.UtcTime;

/**
 * Turns committed outbox events into deliveries, in one transaction per batch: one per active
 * webhook of the event's project subscribed to its type, and one per person who chose the event by
 * e-mail and may read it (RELEASE_READ in the project; AUDIT_READ for platform alerts). The event
 * is marked dispatched in the same transaction, so a crash repeats the batch whole or not at all;
 * unique keys make a repetition harmless. Instances skip each other's locked rows.
 */
@ApplicationScoped
@Transactional
public class FanOut {
    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    RelaySettings settings;

    @Inject
    MailSettings mail;

    @Inject
    Clock clock;

    private record Pending(UUID id, String type, Optional<String> project) {
    }

    /** Dispatches up to {@code batch} events; returns how many. */
    public int run(int batch) {
        Connection c = Jdbc.enlisted(em.unwrap(Connection.class));
        try {
            List<Pending> events = Jdbc.list(c, "SELECT id, event_type, project_key FROM outbox_event"
                    + " WHERE dispatched_at IS NULL ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED",
                    r -> new Pending(r.getObject(1, UUID.class), r.getString(2), Optional.ofNullable(r.getString(3))), batch);
            OffsetDateTime now = UtcTime.now(clock);
            for (Pending event : events) {
                if (event.project().isPresent()) {
                    Jdbc.update(c, "INSERT INTO delivery (id, event_id, channel, webhook_id, status, max_attempts,"
                            + " next_attempt_at, created_at) SELECT gatehouse_uuid7(), ?, 'WEBHOOK', w.id, 'PENDING', ?, ?, ?"
                            + " FROM webhook w WHERE w.project_key = ? AND w.active AND w.removed_at IS NULL"
                            + " AND ? = ANY (w.event_types) ON CONFLICT DO NOTHING", event.id(), settings.maxAttempts(), now,
                            now, event.project().get(), event.type());
                }
                if (mail.enabled()) {
                    recipients(c, event, now);
                }
            }
            if (!events.isEmpty()) {
                Jdbc.update(c, "UPDATE outbox_event SET dispatched_at = ? WHERE id = ANY (?)", now,
                        c.createArrayOf("uuid", events.stream().map(Pending::id).toArray()));
            }
            return events.size();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot dispatch outbox events", e);
        }
    }

    private void recipients(Connection c, Pending event, OffsetDateTime now) throws SQLException {
        Permission needed = event.project().isPresent() ? Permission.RELEASE_READ : Permission.AUDIT_READ;
        Object[] global = roles(needed, true);
        Object[] local = event.project().isPresent() ? roles(needed, false) : new Object[0];
        Jdbc.update(c, "INSERT INTO delivery (id, event_id, channel, account_id, status, max_attempts, next_attempt_at,"
                + " created_at) SELECT gatehouse_uuid7(), ?, 'EMAIL', a.id, 'PENDING', ?, ?, ?"
                + " FROM account a JOIN notification_preference p ON p.account_id = a.id"
                + " WHERE a.kind = 'PERSON' AND NOT a.disabled AND a.email IS NOT NULL AND ? = ANY (p.event_types)"
                + " AND EXISTS (SELECT 1 FROM role_grant g WHERE g.account_id = a.id AND (g.project_key IS NULL"
                + "   AND g.role = ANY (?) OR g.project_key = ? AND g.role = ANY (?)))"
                + " ON CONFLICT DO NOTHING", event.id(), settings.maxAttempts(), now, now, event.type(),
                c.createArrayOf("text", global), event.project().orElse(null), c.createArrayOf("text", local));
    }

    /** The roles (global or per project) whose permissions include {@code permission}: the matrix decides. */
    static Object[] roles(Permission permission, boolean global) {
        return Arrays.stream(Role.values()).filter(r -> r.isGlobal() == global)
                .filter(r -> PermissionMatrix.grants(r, permission)).map(Role::name).toArray();
    }
}
