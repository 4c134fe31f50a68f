package org.gatehouse.notify.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.gatehouse.identity.access.AccessDenied;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.identity.audit.AuditEntry;
import org.gatehouse.identity.audit.AuditTrail;
import org.gatehouse.identity.outbox.EventType;
import org.gatehouse.identity.secondfactor.SecretBox;
import org.gatehouse.notify.relay.RelaySettings;
import org.gatehouse.platform.id.Uuid7;
import org.gatehouse.platform.sql.Jdbc;
import org.gatehouse.platform.time.UtcTime;
import org.gatehouse.workflow.api.ProjectKey;

/**
 * Transaction boundary of a project's webhooks (issue 7): project owners create, change, remove and
 * redeliver (WEBHOOK_ADMIN); owners and auditors read them and their delivery log (WEBHOOK_READ).
 * The secret is generated here, shown once, and stored sealed under the platform key.
 */
@ApplicationScoped
@Transactional
public class Webhooks {
    /** At most this many webhooks per project. */
    static final int MAX_PER_PROJECT = 20;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = "id, project_key, url, event_types, description, active, created_at, created_by,"
            + " row_version";

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    SecretBox secrets;

    @Inject
    AuditTrail audit;

    @Inject
    RelaySettings settings;

    @Inject
    Clock clock;

    /** A webhook as listed (never its secret). */
    public record Webhook(UUID id, ProjectKey project, String url, List<String> events, Optional<String> description,
            boolean active, OffsetDateTime createdAt, String createdBy, long version) {
    }

    /** A new webhook and its secret, which is shown this once. */
    public record Created(Webhook webhook, String secret) {
    }

    /** What a webhook is to be: its URL, the events it subscribes to, a description, whether it is on. */
    public record Definition(String url, List<String> events, Optional<String> description, boolean active) {
    }

    /** One attempt of a delivery. */
    public record Attempt(int attempt, OffsetDateTime startedAt, long durationMs, Optional<Integer> statusCode,
            Optional<String> error) {
    }

    /** One delivery (an event to this webhook) with its attempts. */
    public record Delivery(UUID id, UUID event, String eventType, String status, int attempts, int maxAttempts,
            OffsetDateTime createdAt, OffsetDateTime nextAttemptAt, Optional<OffsetDateTime> deliveredAt,
            Optional<Integer> lastStatus, Optional<String> lastError, List<Attempt> history) {
    }

    public Created create(Actor actor, ProjectKey project, Definition definition) {
        require(actor, Permission.WEBHOOK_ADMIN, project);
        List<String> events = check(definition);
        Connection c = connection();
        try {
            int existing = Jdbc.first(c, "SELECT count(*) FROM webhook WHERE project_key = ? AND removed_at IS NULL",
                    r -> r.getInt(1), project.value()).orElse(0);
            if (existing >= MAX_PER_PROJECT) {
                throw new InvalidWebhook("webhook.too-many", Integer.toString(MAX_PER_PROJECT));
            }
            UUID id = Uuid7.next(clock);
            byte[] raw = new byte[32];
            RANDOM.nextBytes(raw);
            String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
            Jdbc.update(c, "INSERT INTO webhook (id, project_key, url, event_types, description, secret_sealed, active,"
                    + " created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, project.value(),
                    definition.url().strip(), c.createArrayOf("text", events.toArray()), definition.description().orElse(null),
                    secrets.seal(secret.getBytes(StandardCharsets.UTF_8), context(id)), definition.active(),
                    UtcTime.now(clock), actor.name());
            audit.record(actor, AuditEntry.success("webhook.created", "webhook:" + id, "project " + project + ", "
                    + redacted(definition.url()) + ", events " + String.join(",", events)));
            return new Created(get(c, project, id), secret);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the webhook", e);
        }
    }

    @Transactional
    public List<Webhook> list(Actor actor, ProjectKey project) {
        require(actor, Permission.WEBHOOK_READ, project);
        try {
            return Jdbc.list(connection(), "SELECT " + COLUMNS + " FROM webhook WHERE project_key = ? AND removed_at IS NULL"
                    + " ORDER BY id", Webhooks::webhook, project.value());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the webhooks", e);
        }
    }

    @Transactional
    public Webhook get(Actor actor, ProjectKey project, String id) {
        require(actor, Permission.WEBHOOK_READ, project);
        return get(connection(), project, parse(id));
    }

    public Webhook update(Actor actor, ProjectKey project, String id, Definition definition) {
        require(actor, Permission.WEBHOOK_ADMIN, project);
        List<String> events = check(definition);
        UUID webhook = parse(id);
        Connection c = connection();
        try {
            int changed = Jdbc.update(c, "UPDATE webhook SET url = ?, event_types = ?, description = ?, active = ?,"
                    + " row_version = row_version + 1 WHERE id = ? AND project_key = ? AND removed_at IS NULL",
                    definition.url().strip(), c.createArrayOf("text", events.toArray()),
                    definition.description().orElse(null), definition.active(), webhook, project.value());
            if (changed == 0) {
                throw new WebhookNotFound(id);
            }
            audit.record(actor, AuditEntry.success("webhook.changed", "webhook:" + webhook, redacted(definition.url())
                    + ", events " + String.join(",", events) + (definition.active() ? "" : ", inactive")));
            return get(c, project, webhook);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot change the webhook", e);
        }
    }

    /** Removes the webhook (kept, with its log, for the record); pending deliveries to it fail. */
    public void remove(Actor actor, ProjectKey project, String id) {
        require(actor, Permission.WEBHOOK_ADMIN, project);
        UUID webhook = parse(id);
        Connection c = connection();
        try {
            if (Jdbc.update(c, "UPDATE webhook SET removed_at = ?, active = false, row_version = row_version + 1"
                    + " WHERE id = ? AND project_key = ? AND removed_at IS NULL", UtcTime.now(clock), webhook,
                    project.value()) == 0) {
                throw new WebhookNotFound(id);
            }
            Jdbc.update(c, "UPDATE delivery SET status = 'FAILED', last_error = 'webhook removed', lease_until = NULL"
                    + " WHERE webhook_id = ? AND status = 'PENDING'", webhook);
            audit.record(actor, AuditEntry.success("webhook.removed", "webhook:" + webhook, "project " + project));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot remove the webhook", e);
        }
    }

    /** The webhook's deliveries, newest first, each with its attempts; {@code before} is a delivery id (keyset). */
    @Transactional
    public List<Delivery> deliveries(Actor actor, ProjectKey project, String id, Optional<UUID> before, int limit) {
        require(actor, Permission.WEBHOOK_READ, project);
        UUID webhook = get(connection(), project, parse(id)).id();
        Connection c = connection();
        try {
            List<Object> parameters = new ArrayList<>(List.of(webhook));
            before.ifPresent(parameters::add);
            parameters.add(limit);
            List<Delivery> rows = Jdbc.list(c, "SELECT d.id, d.event_id, e.event_type, d.status, d.attempts, d.max_attempts,"
                    + " d.created_at, d.next_attempt_at, d.delivered_at, d.last_status, d.last_error FROM delivery d"
                    + " JOIN outbox_event e ON e.id = d.event_id WHERE d.webhook_id = ?"
                    + (before.isPresent() ? " AND d.id < ?" : "") + " ORDER BY d.id DESC LIMIT ?",
                    r -> new Delivery(r.getObject(1, UUID.class), r.getObject(2, UUID.class), r.getString(3), r.getString(4),
                            r.getInt(5), r.getInt(6), r.getObject(7, OffsetDateTime.class), r.getObject(8, OffsetDateTime.class),
                            Optional.ofNullable(r.getObject(9, OffsetDateTime.class)), Optional.ofNullable((Integer) r.getObject(10)),
                            Optional.ofNullable(r.getString(11)), List.of()), parameters.toArray());
            if (rows.isEmpty()) {
                return rows;
            }
            Map<UUID, List<Attempt>> attempts = Jdbc.list(c, "SELECT delivery_id, attempt, started_at, duration_ms,"
                    + " status_code, error FROM delivery_attempt WHERE delivery_id = ANY(?) ORDER BY delivery_id, attempt",
                    r -> Map.entry(r.getObject(1, UUID.class), new Attempt(r.getInt(2), r.getObject(3, OffsetDateTime.class),
                            r.getLong(4), Optional.ofNullable((Integer) r.getObject(5)), Optional.ofNullable(r.getString(6)))),
                    c.createArrayOf("uuid", rows.stream().map(Delivery::id).toArray()))
                    .stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                            Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
            return rows.stream().map(d -> new Delivery(d.id(), d.event(), d.eventType(), d.status(), d.attempts(),
                    d.maxAttempts(), d.createdAt(), d.nextAttemptAt(), d.deliveredAt(), d.lastStatus(), d.lastError(),
                    attempts.getOrDefault(d.id(), List.of()))).toList();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the deliveries", e);
        }
    }

    /**
     * Sends a delivery again with the same delivery id (the receiver de-duplicates on it): due now,
     * with a fresh budget of attempts. A delivery still pending is left as it is.
     */
    public void redeliver(Actor actor, ProjectKey project, String id, String deliveryId) {
        require(actor, Permission.WEBHOOK_ADMIN, project);
        Webhook webhook = get(connection(), project, parse(id));
        if (!webhook.active()) {
            throw new InvalidWebhook("webhook.inactive", webhook.id().toString());
        }
        UUID delivery = parse(deliveryId);
        try {
            Connection c = connection();
            boolean exists = Jdbc.first(c, "SELECT 1 FROM delivery WHERE id = ? AND webhook_id = ?", r -> true, delivery,
                    webhook.id()).isPresent();
            if (!exists) {
                throw new WebhookNotFound(deliveryId);
            }
            Jdbc.update(c, "UPDATE delivery SET status = 'PENDING', next_attempt_at = ?, lease_until = NULL,"
                    + " max_attempts = attempts + ? WHERE id = ? AND status <> 'PENDING'", UtcTime.now(clock),
                    settings.maxAttempts(), delivery);
            audit.record(actor, AuditEntry.success("webhook.redelivery", "webhook:" + webhook.id(), "delivery " + delivery));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot redeliver", e);
        }
    }

    /** The secret of a webhook, opened for signing (the relay). */
    public static byte[] open(SecretBox secrets, UUID webhook, byte[] sealed) {
        return secrets.open(sealed, context(webhook));
    }

    private List<String> check(Definition definition) {
        WebhookTarget.parse(definition.url()).resolveAllowed(settings.egressPolicy());
        if (definition.events() == null || definition.events().isEmpty() || definition.events().size() > 20) {
            throw new InvalidWebhook("webhook.events-required", "");
        }
        LinkedHashSet<String> events = new LinkedHashSet<>();
        for (String event : definition.events()) {
            EventType type = EventType.of(String.valueOf(event)).filter(EventType::projectScoped)
                    .orElseThrow(() -> new InvalidWebhook("webhook.event-unknown", String.valueOf(event).length() > 64
                            ? "" : String.valueOf(event)));
            events.add(type.wireName());
        }
        if (definition.description().map(String::length).orElse(0) > 500) {
            throw new InvalidWebhook("webhook.description-too-long", "500");
        }
        return List.copyOf(events);
    }

    private static Webhook get(Connection c, ProjectKey project, UUID id) {
        try {
            return Jdbc.first(c, "SELECT " + COLUMNS + " FROM webhook WHERE id = ? AND project_key = ? AND removed_at IS NULL",
                    Webhooks::webhook, id, project.value()).orElseThrow(() -> new WebhookNotFound(id.toString()));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the webhook", e);
        }
    }

    private static Webhook webhook(ResultSet r) throws SQLException {
        return new Webhook(r.getObject(1, UUID.class), new ProjectKey(r.getString(2)), r.getString(3), strings(r.getArray(4)),
                Optional.ofNullable(r.getString(5)), r.getBoolean(6), r.getObject(7, OffsetDateTime.class), r.getString(8),
                r.getLong(9));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static void require(Actor actor, Permission permission, ProjectKey project) {
        if (!actor.may(permission, project)) {
            throw new AccessDenied(permission);
        }
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(String.valueOf(id));
        } catch (IllegalArgumentException e) {
            throw new WebhookNotFound(String.valueOf(id).length() > 40 ? "" : String.valueOf(id));
        }
    }

    /** The URL without its query (which may carry a token of the receiver's) for the audit trail. */
    static String redacted(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url.strip() : url.substring(0, query).strip() + "?…";
    }

    private static String context(UUID webhook) {
        return "webhook-secret:" + webhook;
    }

    private Connection connection() {
        return Jdbc.enlisted(em.unwrap(Connection.class));
    }
}
