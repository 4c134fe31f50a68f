package org.gatehouse.findings.listing;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.gatehouse.findings.finding.FindingState;
import org.gatehouse.identity.access.AccessDenied;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.platform.paging.InvalidCursor;
import org.gatehouse.platform.paging.Page;
import org.gatehouse.platform.paging.PageCursor;
import org.gatehouse.platform.time.UtcTime;
import org.gatehouse.scanner.api.Severity;
import org.gatehouse.workflow.api.ProjectKey;

/**
 * The findings listing: filters, one of the {@link FindingSort} orders, and keyset pages
 * ({@code (sort key, id)} after the cursor), in plain SQL with bound parameters. Within one project
 * each order is an index range scan; the caller sees only projects where it may read findings.
 */
@ApplicationScoped
public class FindingSearch {
    private static final String COLUMNS = "f.id, f.project_key, f.scanner, f.tool, f.rule_id, f.title, f.severity, f.cwe,"
            + " f.location, f.state, f.created_at, f.due_at, f.requested_state, f.row_version, f.severity_rank";

    @Resource(lookup = "java:app/jdbc/gatehouse")
    DataSource dataSource;

    @Inject
    Clock clock;

    public Page<FindingRow> search(Actor actor, FindingFilter filter, FindingSort sort, Optional<String> cursor, int limit) {
        OffsetDateTime now = UtcTime.now(clock);
        StringBuilder sql = new StringBuilder();
        List<Object> parameters = new ArrayList<>();
        scope(actor, filter, sql, parameters);
        filter.release().ifPresent(r -> {
            sql.append(" AND (f.first_release = ? OR EXISTS (SELECT 1 FROM finding_release fr WHERE fr.release_id = ?"
                    + " AND fr.finding_id = f.id))");
            parameters.add(r);
            parameters.add(r);
        });
        in(sql, parameters, "f.scanner", filter.scanners());
        in(sql, parameters, "f.tool", filter.tools());
        in(sql, parameters, "f.severity", filter.severities().stream().map(Severity::name).collect(Collectors.toSet()));
        in(sql, parameters, "f.state", filter.states().stream().map(FindingState::name).collect(Collectors.toSet()));
        filter.cwe().ifPresent(cwe -> {
            sql.append(" AND f.cwe = ?");
            parameters.add(cwe);
        });
        filter.text().ifPresent(text -> {
            String pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            sql.append(" AND (f.title ILIKE ? OR f.location ILIKE ? OR f.rule_id ILIKE ?)");
            parameters.add(pattern);
            parameters.add(pattern);
            parameters.add(pattern);
        });
        filter.slaBreached().ifPresent(breached -> {
            sql.append(breached ? " AND f.state IN ('NEW', 'CONFIRMED', 'REOPENED') AND f.due_at < ?"
                    : " AND NOT (f.state IN ('NEW', 'CONFIRMED', 'REOPENED') AND f.due_at < ?)");
            parameters.add(now);
        });
        pendingRequests(filter, sql, parameters);
        cursor.ifPresent(c -> after(sort, c, sql, parameters));
        String direction = sort.ascending() ? " ASC" : " DESC";
        String order = " ORDER BY " + sort.column() + direction + ", f.id" + direction + " LIMIT ?";
        StringBuilder query = new StringBuilder();
        List<Object> bound = new ArrayList<>();
        if (sort == FindingSort.NEWEST && filter.project().isPresent()) {
            // Newest first within a project, without an index of its own (one less to write for every finding an
            // import creates): the newest of each severity the filter allows, from finding_severity_idx
            // (project_key, severity_rank, id), merged (ADR 0007, second amendment).
            query.append("SELECT * FROM (");
            List<Severity> ranks = filter.severities().isEmpty() ? List.of(Severity.values())
                    : filter.severities().stream().sorted().toList();
            for (Severity severity : ranks) {
                query.append(severity.ordinal() == ranks.get(0).ordinal() ? "" : " UNION ALL ").append("(SELECT ")
                        .append(COLUMNS).append(" FROM finding f WHERE ").append(sql).append(" AND f.severity_rank = ")
                        .append(severity.ordinal()).append(order).append(')');
                bound.addAll(parameters);
                bound.add(limit + 1);
            }
            query.append(") f").append(order);
        } else {
            query.append("SELECT ").append(COLUMNS).append(" FROM finding f WHERE ").append(sql).append(order);
            bound.addAll(parameters);
        }
        bound.add(limit + 1);
        List<FindingRow> rows = query(query.toString(), bound, now);
        return Page.fromOverfetch(rows, limit, last -> PageCursor.of(listing(sort), key(sort, last), last.id().toString()));
    }

    /** Only projects where the actor may read findings: all of them for a global reader. */
    private static void scope(Actor actor, FindingFilter filter, StringBuilder sql, List<Object> parameters) {
        if (filter.project().isPresent()) {
            Optional<ProjectKey> key = ProjectKey.parse(filter.project().get());
            if (key.isEmpty() || !actor.may(Permission.FINDING_READ, key.get())) {
                throw new AccessDenied(Permission.FINDING_READ);
            }
            sql.append("f.project_key = ?");
            parameters.add(key.get().value());
        } else if (actor.may(Permission.FINDING_READ)) {
            sql.append("TRUE");
        } else {
            List<String> readable = actor.projects().stream()
                    .filter(p -> ProjectKey.parse(p).map(k -> actor.may(Permission.FINDING_READ, k)).orElse(false))
                    .sorted().toList();
            if (readable.isEmpty()) {
                throw new AccessDenied(Permission.FINDING_READ);
            }
            sql.append("f.project_key = ANY (?)");
            parameters.add(readable.toArray(String[]::new));
        }
    }

    /**
     * The pending dismissal requests (B.1.3.1-ih: decided by a second person). Findings with a request are read from
     * finding_requested_idx (project_key, severity_rank, id) WHERE requested_state IS NOT NULL (V32), so the literal
     * {@code IS NOT NULL} stays in the statement even with a list of states: the planner matches the index's
     * predicate by it, also in a generic plan. Few findings ever wait for a decision, so the other sorts read the
     * same index and sort what it gives (ADR 0007, fifth amendment).
     */
    private static void pendingRequests(FindingFilter filter, StringBuilder sql, List<Object> parameters) {
        boolean withRequest = !filter.requested().isEmpty() || filter.pending().orElse(false);
        if (withRequest) {
            sql.append(" AND f.requested_state IS NOT NULL");
        }
        in(sql, parameters, "f.requested_state",
                filter.requested().stream().map(FindingState::name).collect(Collectors.toSet()));
        if (filter.pending().filter(pending -> !pending).isPresent()) {
            sql.append(" AND f.requested_state IS NULL");
        }
    }

    private static void in(StringBuilder sql, List<Object> parameters, String column, Set<String> values) {
        if (!values.isEmpty()) {
            sql.append(" AND ").append(column).append(" = ANY (?)");
            parameters.add(values.stream().sorted().toArray(String[]::new));
        }
    }

    private static void after(FindingSort sort, String encoded, StringBuilder sql, List<Object> parameters) {
        PageCursor cursor = PageCursor.decode(encoded, listing(sort), 2);
        UUID id;
        Object key;
        try {
            id = UUID.fromString(cursor.key(1));
            key = switch (sort) {
                case SEVERITY -> Integer.valueOf(cursor.key(0));
                case DUE -> OffsetDateTime.parse(cursor.key(0));
                case NEWEST -> UUID.fromString(cursor.key(0));
            };
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InvalidCursor();
        }
        sql.append(" AND (").append(sort.column()).append(", f.id) ").append(sort.ascending() ? ">" : "<")
                .append(" (?, ?)");
        parameters.add(key);
        parameters.add(id);
    }

    private static String listing(FindingSort sort) {
        return "findings-" + sort.id();
    }

    private static String key(FindingSort sort, FindingRow row) {
        return switch (sort) {
            case SEVERITY -> Integer.toString(row.severity().ordinal());
            case DUE -> row.dueAt().toString();
            case NEWEST -> row.id().toString();
        };
    }

    private List<FindingRow> query(String sql, List<Object> parameters, OffsetDateTime now) {
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                Object value = parameters.get(i);
                if (value instanceof String[] array) {
                    Array sqlArray = c.createArrayOf("text", array);
                    statement.setArray(i + 1, sqlArray);
                } else {
                    statement.setObject(i + 1, value);
                }
            }
            List<FindingRow> rows = new ArrayList<>();
            try (ResultSet r = statement.executeQuery()) {
                while (r.next()) {
                    FindingState state = FindingState.valueOf(r.getString(10));
                    OffsetDateTime due = r.getObject(12, OffsetDateTime.class);
                    int cwe = r.getInt(8);
                    OptionalInt cweValue = r.wasNull() ? OptionalInt.empty() : OptionalInt.of(cwe);
                    rows.add(new FindingRow(r.getObject(1, UUID.class), r.getString(2), r.getString(3), r.getString(4),
                            r.getString(5), r.getString(6), Severity.valueOf(r.getString(7)), cweValue, r.getString(9),
                            state, r.getObject(11, OffsetDateTime.class), due, state.isOpen() && due.isBefore(now),
                            Optional.ofNullable(r.getString(13)).map(FindingState::valueOf), r.getLong(14)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list findings", e);
        }
    }
}
