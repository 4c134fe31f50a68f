package org.gatehouse.identity.audit;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.gatehouse.identity.access.AccessDenied;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.platform.paging.InvalidCursor;
import org.gatehouse.platform.paging.Page;
import org.gatehouse.platform.paging.PageCursor;

/** Auditors search the trail (newest first, keyset-paginated) and verify its chain. */
@ApplicationScoped
public class AuditSearch {
    static final String LISTING = "audit";

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Resource(lookup = "java:app/jdbc/gatehouse")
    DataSource dataSource;

    /** Search criteria; every one optional, all combined with AND. */
    public record Criteria(Optional<OffsetDateTime> from, Optional<OffsetDateTime> to, Optional<String> actor,
            Optional<String> type, Optional<String> target, Optional<AuditResult> result) {
    }

    public Page<AuditEvent> search(Actor by, Criteria criteria, Optional<String> cursor, int limit) {
        require(by);
        StringBuilder jpql = new StringBuilder("select e from AuditEvent e where 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        criteria.from().ifPresent(v -> add(jpql, parameters, "e.occurredAt >= :from", "from", v));
        criteria.to().ifPresent(v -> add(jpql, parameters, "e.occurredAt < :to", "to", v));
        criteria.actor().ifPresent(v -> add(jpql, parameters, "e.actor = :actor", "actor", v));
        criteria.type().ifPresent(v -> add(jpql, parameters, "e.type = :type", "type", v));
        criteria.target().ifPresent(v -> add(jpql, parameters, "e.target = :target", "target", v));
        criteria.result().ifPresent(v -> add(jpql, parameters, "e.result = :result", "result", v.name()));
        cursor.map(c -> PageCursor.decode(c, LISTING, 1)).ifPresent(c -> {
            try {
                add(jpql, parameters, "e.seq < :before", "before", Long.parseLong(c.key(0)));
            } catch (NumberFormatException e) {
                throw new InvalidCursor();
            }
        });
        jpql.append(" order by e.seq desc");
        TypedQuery<AuditEvent> query = em.createQuery(jpql.toString(), AuditEvent.class);
        parameters.forEach(query::setParameter);
        List<AuditEvent> rows = query.setMaxResults(limit + 1).getResultList();
        return Page.fromOverfetch(rows, limit, e -> PageCursor.of(LISTING, Long.toString(e.seq())));
    }

    public AuditChain.Verification verify(Actor by) {
        require(by);
        try (Connection connection = dataSource.getConnection()) {
            return AuditChain.verify(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("audit verification failed to read the trail", e);
        }
    }

    private static void add(StringBuilder jpql, Map<String, Object> parameters, String clause, String name, Object value) {
        jpql.append(" and ").append(clause);
        parameters.put(name, value);
    }

    private static void require(Actor by) {
        if (!by.may(Permission.AUDIT_READ)) {
            throw new AccessDenied(Permission.AUDIT_READ);
        }
    }
}
