package org.gatehouse.findings.finding;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import javax.sql.DataSource;
import org.gatehouse.findings.importing.FingerprintKey;

/**
 * What a finding's detail shows besides the finding: where the latest import that saw it found it
 * (its occurrences) and its history. The caller has loaded the finding through {@link Findings},
 * which checked the read permission.
 */
@ApplicationScoped
public class FindingRecords {
    @Resource(lookup = "java:app/jdbc/gatehouse")
    DataSource dataSource;

    /** One place where an import found the finding. */
    public record Occurrence(UUID importId, OffsetDateTime importedAt, String toolVersion, Optional<String> path,
            OptionalInt startLine, OptionalInt endLine, Optional<String> logical, Optional<String> url,
            Optional<String> method, Optional<String> parameter, String description, Optional<String> suppression,
            Map<String, String> details) {
    }

    /**
     * One entry of the history; {@code reasonKey} and {@code reasonArgs} name a reason Gatehouse wrote (V34), empty for
     * a person's own reason and for entries written before V34.
     */
    public record Event(OffsetDateTime at, String actor, String from, String to, Optional<UUID> importId, String reason,
            Optional<String> reasonKey, List<String> reasonArgs) {
        public Event {
            reasonArgs = List.copyOf(reasonArgs);
        }
    }

    /** The occurrences in the latest import of the finding's project and scanner that saw it. */
    public List<Occurrence> occurrences(Finding finding, int limit) {
        String sql = "WITH latest AS (SELECT i.id, i.finished_at FROM report_import i"
                + " WHERE i.project_key = ? AND i.scanner = ? AND i.status = 'COMPLETED'"
                + " AND EXISTS (SELECT 1 FROM finding_occurrence o WHERE o.import_id = i.id AND o.fingerprint_key = ?"
                + "             AND o.fingerprint = ?)"
                + " ORDER BY i.finished_at DESC LIMIT 1)"
                + " SELECT l.id, l.finished_at, o.tool_version, o.path, o.start_line, o.end_line, o.logical, o.url,"
                + " o.http_method, o.parameter, o.description, o.suppression,"
                // the details' keys and values in their stored order (json, unlike jsonb, keeps it)
                + " (SELECT array_agg(d.key ORDER BY d.n) FROM json_each_text(o.details) WITH ORDINALITY d (key, value, n)),"
                + " (SELECT array_agg(d.value ORDER BY d.n) FROM json_each_text(o.details) WITH ORDINALITY d (key, value, n))"
                + " FROM latest l JOIN finding_occurrence o ON o.import_id = l.id AND o.fingerprint_key = ?"
                + " AND o.fingerprint = ?"
                + " ORDER BY o.ordinal LIMIT ?";
        List<Occurrence> result = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, finding.project().value());
            s.setString(2, finding.scanner());
            long key = FingerprintKey.of(finding.fingerprint());
            s.setLong(3, key);
            s.setString(4, finding.fingerprint());
            s.setLong(5, key);
            s.setString(6, finding.fingerprint());
            s.setInt(7, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    result.add(new Occurrence(r.getObject(1, UUID.class), r.getObject(2, OffsetDateTime.class),
                            r.getString(3), text(r, 4), number(r, 5), number(r, 6), text(r, 7), text(r, 8), text(r, 9),
                            text(r, 10), r.getString(11), text(r, 12), details(r.getArray(13), r.getArray(14))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read occurrences", e);
        }
        return result;
    }

    /** The state changes, oldest first. */
    public List<Event> history(Finding finding) {
        List<Event> result = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT occurred_at, actor, from_state, to_state, import_id, reason, reason_key, reason_args"
                        + " FROM finding_event"
                        + " WHERE finding_id = ? ORDER BY id LIMIT 1000")) {
            s.setObject(1, finding.id().value());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    result.add(new Event(r.getObject(1, OffsetDateTime.class), r.getString(2), r.getString(3),
                            r.getString(4), Optional.ofNullable(r.getObject(5, UUID.class)),
                            Optional.ofNullable(r.getString(6)).orElse(""), Optional.ofNullable(r.getString(7)),
                            strings(r.getArray(8))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the history", e);
        }
        return result;
    }

    /** A text[] column's values; none for SQL NULL. */
    private static List<String> strings(java.sql.Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    /** The details' keys and values, as two arrays in the same order (SQL NULL when there are none). */
    private static Map<String, String> details(java.sql.Array keys, java.sql.Array values) throws SQLException {
        if (keys == null || values == null) {
            return Map.of();
        }
        return details((String[]) keys.getArray(), (String[]) values.getArray());
    }

    static Map<String, String> details(String[] keys, String[] values) {
        Map<String, String> details = new LinkedHashMap<>();
        for (int i = 0; i < keys.length && i < values.length; i++) {
            details.put(keys[i], values[i]);
        }
        return Collections.unmodifiableMap(details);
    }

    private static Optional<String> text(ResultSet r, int column) throws SQLException {
        return Optional.ofNullable(r.getString(column));
    }

    private static OptionalInt number(ResultSet r, int column) throws SQLException {
        int value = r.getInt(column);
        return r.wasNull() ? OptionalInt.empty() : OptionalInt.of(value);
    }
}
