package org.gatehouse.notify.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import org.gatehouse.identity.access.AccessDenied;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.identity.audit.AuditEntry;
import org.gatehouse.identity.audit.AuditTrail;
import org.gatehouse.identity.outbox.EventType;
import org.gatehouse.notify.webhook.InvalidWebhook;
import org.gatehouse.platform.sql.Jdbc;
import org.gatehouse.platform.time.UtcTime;

/**
 * A person's e-mail preferences (issue 7): which events they want by e-mail and in which language.
 * Nothing is sent until one chooses; what one may not read is never sent anyway (the fan-out
 * checks the permission per event).
 */
@ApplicationScoped
@Transactional
public class NotificationPreferences {
    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** The chosen events and language. */
    public record Preferences(List<String> events, String language) {
    }

    @Transactional
    public Preferences of(Actor actor) {
        Connection c = connection();
        try {
            return Jdbc.first(c, "SELECT event_types, language FROM notification_preference WHERE account_id = ?",
                    r -> new Preferences(List.of((String[]) r.getArray(1).getArray()), r.getString(2)),
                    person(actor)).orElse(new Preferences(List.of(), "zh-CN"));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the preferences", e);
        }
    }

    public Preferences set(Actor actor, List<String> events, String language) {
        java.util.UUID account = person(actor);
        if (!"en".equals(language) && !"zh-CN".equals(language)) {
            throw new InvalidWebhook("notification.language-invalid", String.valueOf(language).length() > 20 ? ""
                    : String.valueOf(language));
        }
        LinkedHashSet<String> chosen = new LinkedHashSet<>();
        for (String event : events == null ? List.<String>of() : events) {
            chosen.add(EventType.of(String.valueOf(event)).orElseThrow(() -> new InvalidWebhook("webhook.event-unknown",
                    String.valueOf(event).length() > 64 ? "" : String.valueOf(event))).wireName());
        }
        Connection c = connection();
        try {
            Jdbc.update(c, "INSERT INTO notification_preference (account_id, event_types, language, updated_at)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT (account_id) DO UPDATE SET event_types = EXCLUDED.event_types,"
                    + " language = EXCLUDED.language, updated_at = EXCLUDED.updated_at", account,
                    c.createArrayOf("text", chosen.toArray()), language, UtcTime.now(clock));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the preferences", e);
        }
        audit.record(actor, AuditEntry.success("notification.preferences", "account:" + actor.name(),
                String.join(",", chosen) + " (" + language + ")"));
        return new Preferences(List.copyOf(chosen), language);
    }

    private static java.util.UUID person(Actor actor) {
        if (actor.kind() != Actor.Kind.PERSON || actor.account().isEmpty()) {
            throw new AccessDenied(Permission.SELF);
        }
        return actor.account().get().value();
    }

    private Connection connection() {
        return Jdbc.enlisted(em.unwrap(Connection.class));
    }
}
