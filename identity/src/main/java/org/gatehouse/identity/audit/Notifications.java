package org.gatehouse.identity.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gatehouse.identity.access.AccessDenied;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.identity.access.Role;

/**
 * In-platform notifications (alerts) for the global roles or the project owners they are addressed
 * to, newest first.
 */
@ApplicationScoped
public class Notifications {
    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    /** One notification. */
    public record Notification(UUID id, String audience, String kind, String subject, String detail, OffsetDateTime createdAt) {
    }

    /**
     * Tells the owners of a project (within the caller's transaction). Subject and detail carry both
     * languages, as the reader's is not known when it is written.
     */
    public void toProjectOwners(String projectKey, String kind, String subject, String detail, OffsetDateTime at) {
        em.createNativeQuery("INSERT INTO notification (id, audience, project_key, kind, subject, detail, created_at)"
                        + " VALUES (?1, 'PROJECT_OWNER', ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, org.gatehouse.platform.id.Uuid7.next()).setParameter(2, projectKey)
                .setParameter(3, kind).setParameter(4, subject).setParameter(5, detail).setParameter(6, at)
                .executeUpdate();
    }

    public List<Notification> latest(Actor by, int limit) {
        if (!by.mayInSomeProject(Permission.NOTIFICATION_READ)) {
            throw new AccessDenied(Permission.NOTIFICATION_READ);
        }
        List<String> audiences = new ArrayList<>();
        for (Role role : by.globalRoles()) {
            if (role == Role.SECURITY_ADMINISTRATOR || role == Role.ADMINISTRATOR) {
                audiences.add(role.name());
            }
        }
        List<String> owned = by.projectRoles().entrySet().stream()
                .filter(e -> e.getValue().contains(Role.PROJECT_OWNER)).map(Map.Entry::getKey).sorted().toList();
        if (audiences.isEmpty() && owned.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, audience, kind, subject, detail, created_at FROM notification"
                        + " WHERE (audience = ANY (CAST(?1 AS text[])) AND project_key IS NULL)"
                        + " OR (audience = 'PROJECT_OWNER' AND project_key = ANY (CAST(?2 AS text[])))"
                        + " ORDER BY created_at DESC LIMIT ?3")
                .setParameter(1, "{" + String.join(",", audiences) + "}")
                .setParameter(2, "{" + String.join(",", owned) + "}")
                .setParameter(3, limit)
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
