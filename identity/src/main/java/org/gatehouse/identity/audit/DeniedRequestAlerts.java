package org.gatehouse.identity.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.outbox.EventType;
import org.gatehouse.identity.outbox.Outbox;
import org.gatehouse.identity.outbox.OutboxEvent;
import org.gatehouse.platform.id.Uuid7;
import org.gatehouse.platform.time.UtcTime;

/**
 * Repeated operations beyond one's rights raise an alert to the security administrators
 * (B.2.4.3-kf): when an account's denied requests within the window reach the threshold, one
 * notification is written, and an {@code access.denied-alert} outbox event (e-mail, issue 7).
 */
@ApplicationScoped
public class DeniedRequestAlerts {
    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Inject
    @ConfigProperty(name = "gatehouse.audit.denied-alert.threshold", defaultValue = "5")
    int threshold;

    @Inject
    @ConfigProperty(name = "gatehouse.audit.denied-alert.window-minutes", defaultValue = "10")
    int windowMinutes;

    /** Runs inside the transaction that recorded the denial. */
    void afterDenied(Actor actor) {
        OffsetDateTime now = UtcTime.now(clock);
        OffsetDateTime since = now.minus(Duration.ofMinutes(windowMinutes));
        long denied = ((Number) em.createNativeQuery("SELECT count(*) FROM audit_event WHERE actor = ?1 AND result = 'DENIED'"
                + " AND occurred_at >= ?2").setParameter(1, actor.name()).setParameter(2, since).getSingleResult()).longValue();
        if (denied == threshold) {
            em.createNativeQuery("INSERT INTO notification (id, audience, kind, subject, detail, created_at)"
                            + " VALUES (?1, 'SECURITY_ADMINISTRATOR', 'repeated-denials', ?2, ?3, ?4)")
                    .setParameter(1, Uuid7.next())
                    .setParameter(2, "Repeated denied requests by " + actor.name() + " / " + actor.name() + " 多次越权请求被拒绝")
                    .setParameter(3, denied + " requests of " + actor.name() + " from " + actor.address()
                            + " were denied within " + windowMinutes + " minutes. / " + windowMinutes + " 分钟内 "
                            + actor.name() + "（来自 " + actor.address() + "）有 " + denied + " 次请求被拒绝。")
                    .setParameter(4, now)
                    .executeUpdate();
            outbox.publish(new OutboxEvent(EventType.ACCESS_DENIED_ALERT, Optional.empty(), "account:" + actor.name(),
                    Json.createObjectBuilder().add("account", actor.name()).add("address", String.valueOf(actor.address()))
                            .add("denied", denied).add("windowMinutes", windowMinutes).build()));
        }
    }
}
