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
import org.gatehouse.platform.audit.AuditChain;

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

    /** One record for an export. */
    public record Row(long seq, OffsetDateTime occurredAt, String actor, String actorKind, String address, String type,
            String target, String description, String result, byte[] hash) {
    }

    /**
     * Streams every record that matches, oldest first, through a database cursor (memory stays flat
     * however long the trail is).
     */
    public void export(Actor by, Criteria criteria, java.util.function.Consumer<Row> sink) {
        require(by);
        StringBuilder sql = new StringBuilder("SELECT seq, occurred_at, actor, actor_kind, address, event_type, target,"
                + " description, result, hash FROM audit_event WHERE true");
        List<Object> parameters = new java.util.ArrayList<>();
        criteria.from().ifPresent(v -> clause(sql, parameters, " AND occurred_at >= ?", v));
        criteria.to().ifPresent(v -> clause(sql, parameters, " AND occurred_at < ?", v));
        criteria.actor().ifPresent(v -> clause(sql, parameters, " AND actor = ?", v));
        criteria.type().ifPresent(v -> clause(sql, parameters, " AND event_type = ?", v));
        criteria.target().ifPresent(v -> clause(sql, parameters, " AND target = ?", v));
        criteria.result().ifPresent(v -> clause(sql, parameters, " AND result = ?", v.name()));
        sql.append(" ORDER BY seq");
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (java.sql.PreparedStatement statement = connection.prepareStatement(sql.toString())) {
                statement.setFetchSize(5_000);
                for (int i = 0; i < parameters.size(); i++) {
                    statement.setObject(i + 1, parameters.get(i));
                }
                try (java.sql.ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        sink.accept(new Row(rows.getLong(1), rows.getObject(2, OffsetDateTime.class), rows.getString(3),
                                rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7),
                                rows.getString(8), rows.getString(9), rows.getBytes(10)));
                    }
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("audit export failed to read the trail", e);
        }
    }

    private static void clause(StringBuilder sql, List<Object> parameters, String clause, Object value) {
        sql.append(clause);
        parameters.add(value);
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
