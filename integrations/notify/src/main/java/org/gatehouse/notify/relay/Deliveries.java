package org.gatehouse.notify.relay;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.gatehouse.platform.sql.Jdbc;
import org.gatehouse.platform.time.UtcTime;

/**
 * The delivery rows' state machine on plain JDBC, outside any request: {@link #claim} takes due
 * deliveries with {@code FOR UPDATE SKIP LOCKED} and sets a lease (and counts the attempt) in one
 * auto-committed statement, so a crash during the attempt leaves a claim that runs out and is taken
 * again; {@link #finish} records the attempt and the delivery's new state in one transaction.
 */
@ApplicationScoped
public class Deliveries {
    @Resource(lookup = "java:app/jdbc/gatehouse")
    DataSource dataSource;

    @Inject
    Clock clock;

    /** A claimed delivery with everything needed to attempt it. */
    public record Claimed(UUID id, UUID event, String channel, Optional<UUID> webhook, Optional<UUID> account,
            int attempt, int maxAttempts, String eventType, Optional<String> project, String subject, String payload,
            OffsetDateTime occurredAt, Optional<String> url, Optional<byte[]> sealedSecret, Optional<Boolean> webhookActive,
            Optional<String> email, Optional<String> language) {
    }

    /** What came of an attempt. */
    public record Result(boolean delivered, Optional<Integer> statusCode, Optional<String> error, boolean permanent) {
    }

    public List<Claimed> claim(int limit, Duration lease) {
        OffsetDateTime now = UtcTime.now(clock);
        try (Connection c = dataSource.getConnection()) {
            return Jdbc.list(c, "WITH claimed AS (UPDATE delivery d SET lease_until = ?, attempts = d.attempts + 1"
                    + " FROM (SELECT id FROM delivery WHERE status = 'PENDING' AND next_attempt_at <= ?"
                    + "   AND (lease_until IS NULL OR lease_until <= ?) ORDER BY next_attempt_at LIMIT ?"
                    + "   FOR UPDATE SKIP LOCKED) due WHERE d.id = due.id"
                    + " RETURNING d.id, d.event_id, d.channel, d.webhook_id, d.account_id, d.attempts, d.max_attempts)"
                    + " SELECT c.id, c.event_id, c.channel, c.webhook_id, c.account_id, c.attempts, c.max_attempts,"
                    + " e.event_type, e.project_key, e.subject, e.payload::text, e.occurred_at, w.url, w.secret_sealed,"
                    + " w.active AND w.removed_at IS NULL, a.email, p.language"
                    + " FROM claimed c JOIN outbox_event e ON e.id = c.event_id LEFT JOIN webhook w ON w.id = c.webhook_id"
                    + " LEFT JOIN account a ON a.id = c.account_id LEFT JOIN notification_preference p ON p.account_id = a.id",
                    r -> new Claimed(r.getObject(1, UUID.class), r.getObject(2, UUID.class), r.getString(3),
                            Optional.ofNullable(r.getObject(4, UUID.class)), Optional.ofNullable(r.getObject(5, UUID.class)),
                            r.getInt(6), r.getInt(7), r.getString(8), Optional.ofNullable(r.getString(9)), r.getString(10),
                            r.getString(11), r.getObject(12, OffsetDateTime.class), Optional.ofNullable(r.getString(13)),
                            Optional.ofNullable(r.getBytes(14)), Optional.ofNullable((Boolean) r.getObject(15)),
                            Optional.ofNullable(r.getString(16)), Optional.ofNullable(r.getString(17))),
                    now.plus(lease), now, now, limit);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot claim deliveries", e);
        }
    }

    /**
     * Records the attempt and moves the delivery on: delivered, failed for good (attempts used up, or
     * a permanent refusal), or due again after the back-off. Only while the claim is still ours.
     */
    public void finish(Claimed claimed, OffsetDateTime started, long durationMs, Result result, Duration retryAfter) {
        OffsetDateTime now = UtcTime.now(clock);
        String status = result.delivered() ? "DELIVERED"
                : result.permanent() || claimed.attempt() >= claimed.maxAttempts() ? "FAILED" : "PENDING";
        String error = result.error().map(e -> e.length() > 500 ? e.substring(0, 500) : e).orElse(null);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Jdbc.update(c, "INSERT INTO delivery_attempt (delivery_id, attempt, started_at, duration_ms, status_code, error)"
                        + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", claimed.id(), claimed.attempt(), started,
                        durationMs, result.statusCode().orElse(null), error);
                Jdbc.update(c, "UPDATE delivery SET status = ?, lease_until = NULL, next_attempt_at = ?, last_status = ?,"
                        + " last_error = ?, delivered_at = ? WHERE id = ? AND attempts = ? AND status = 'PENDING'",
                        status, status.equals("PENDING") ? now.plus(retryAfter) : now, result.statusCode().orElse(null),
                        error, result.delivered() ? now : null, claimed.id(), claimed.attempt());
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the delivery attempt", e);
        }
    }
}
