package org.gatehouse.identity.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.gatehouse.identity.access.AccessDenied;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.identity.access.Role;

/** In-platform notifications (alerts) for the global roles they are addressed to, newest first. */
@ApplicationScoped
public class Notifications {
    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    /** One notification. */
    public record Notification(UUID id, String audience, String kind, String subject, String detail, OffsetDateTime createdAt) {
    }

    public List<Notification> latest(Actor by, int limit) {
        if (!by.may(Permission.NOTIFICATION_READ)) {
            throw new AccessDenied(Permission.NOTIFICATION_READ);
        }
        List<String> audiences = new ArrayList<>();
        for (Role role : by.globalRoles()) {
            if (role == Role.SECURITY_ADMINISTRATOR || role == Role.ADMINISTRATOR) {
                audiences.add(role.name());
            }
        }
        if (audiences.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, audience, kind, subject, detail, created_at FROM notification"
                        + " WHERE audience = ANY (CAST(?1 AS text[])) ORDER BY created_at DESC LIMIT ?2")
                .setParameter(1, "{" + String.join(",", audiences) + "}")
                .setParameter(2, limit)
                .getResultList();
        return rows.stream().map(r -> new Notification((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], toOffset(r[5]))).toList();
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
