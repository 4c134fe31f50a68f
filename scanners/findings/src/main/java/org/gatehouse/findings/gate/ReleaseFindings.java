package org.gatehouse.findings.gate;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.gatehouse.scanner.api.AnalysisKind;
import org.gatehouse.scanner.api.Severity;
import org.gatehouse.scanner.core.ScannerRegistry;
import org.gatehouse.workflow.api.ReleaseId;

/**
 * What the finding gates read about a release, each answer one indexed query. A finding belongs to
 * a release when the release created it or one of the release's imports saw it again.
 * Unresolved findings are found through the partial index {@code finding_unresolved_idx} of the
 * project's unresolved findings at or above a severity, so the cost follows the number of findings
 * that block, not the number the release holds.
 */
@ApplicationScoped
public class ReleaseFindings {
    /** Beyond this many unresolved findings a gate says "1000+" instead of counting on. */
    public static final int COUNT_CAP = 1000;
    static final String IN_RELEASE = " AND (f.first_release = ? OR EXISTS (SELECT 1 FROM finding_release fr"
            + " WHERE fr.release_id = ? AND fr.finding_id = f.id))";
    private static final String PROJECT_OF = "(SELECT project_key FROM release WHERE id = ?)";

    private final ScannerRegistry registry = ScannerRegistry.load(ReleaseFindings.class.getClassLoader());

    @Resource(lookup = "java:app/jdbc/gatehouse")
    DataSource dataSource;

    /** How a release's imports of one kind of analysis stand. */
    public record Imports(int completed, int inProgress, int failed) {
    }

    /** Which findings count as unresolved for a gate. */
    public enum Unresolved {
        /** Open as far as the scans know: new, confirmed, reopened, or claimed fixed by hand and not re-scanned. */
        BY_SCAN("f.state IN ('NEW', 'CONFIRMED', 'REOPENED') OR f.state = 'FIXED_UNVERIFIED' AND f.fixed_import IS NULL"),
        /** Anything not yet fixed and verified, accepted or dismissed (B.1.3.1-ih). */
        UNTIL_VERIFIED("f.state IN ('NEW', 'CONFIRMED', 'REOPENED', 'FIXED_UNVERIFIED')");

        private final String condition;

        Unresolved(String condition) {
            this.condition = condition;
        }
    }

    /** The scanner plugin ids of a kind of analysis (e.g. {@code spotbugs}, {@code sarif} for white-box). */
    public List<String> scannersOf(AnalysisKind kind) {
        return registry.all().stream().filter(plugin -> plugin.descriptor().kind() == kind)
                .map(plugin -> plugin.descriptor().id()).sorted().toList();
    }

    public Imports imports(ReleaseId release, List<String> scanners) {
        String sql = "SELECT count(*) FILTER (WHERE status = 'COMPLETED'), count(*) FILTER (WHERE status IN ('QUEUED',"
                + " 'RUNNING')), count(*) FILTER (WHERE status = 'FAILED') FROM report_import"
                + " WHERE release_id = ? AND scanner = ANY (?)";
        return query(sql, s -> {
            s.setObject(1, release.value());
            s.setArray(2, s.getConnection().createArrayOf("text", scanners.toArray()));
        }, r -> {
            r.next();
            return new Imports(r.getInt(1), r.getInt(2), r.getInt(3));
        });
    }

    /**
     * The release's unresolved findings at or above {@code threshold} by severity, from the given
     * scanners (all when empty), most severe first; severities without any are absent. Counting
     * stops after {@link #COUNT_CAP} findings (then {@link Unresolved#capped()} holds): a gate blocks
     * either way, and the cost stays bounded for a release with a hundred thousand open findings.
     */
    public Counted unresolved(ReleaseId release, Severity threshold, Set<String> scanners, Unresolved which) {
        String sql = "SELECT severity_rank, count(*) FROM (SELECT f.severity_rank FROM finding f WHERE f.project_key = "
                + PROJECT_OF + " AND f.state IN ('NEW', 'CONFIRMED', 'REOPENED', 'FIXED_UNVERIFIED')"
                + " AND f.severity_rank <= ? AND (" + which.condition + ")"
                + (scanners.isEmpty() ? "" : " AND f.scanner = ANY (?)")
                + IN_RELEASE + " ORDER BY f.severity_rank LIMIT ?) blocking GROUP BY severity_rank ORDER BY severity_rank";
        return query(sql, s -> {
            int i = 1;
            s.setObject(i++, release.value());
            s.setInt(i++, threshold.ordinal());
            if (!scanners.isEmpty()) {
                s.setArray(i++, s.getConnection().createArrayOf("text", scanners.toArray()));
            }
            s.setObject(i++, release.value());
            s.setObject(i++, release.value());
            s.setInt(i, COUNT_CAP + 1);
        }, r -> {
            Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
            while (r.next()) {
                counts.put(Severity.values()[r.getInt(1)], r.getInt(2));
            }
            return new Counted(counts);
        });
    }

    /** Unresolved findings by severity, counted up to {@link #COUNT_CAP}. */
    public record Counted(Map<Severity, Integer> bySeverity) {
        public Counted {
            bySeverity = Map.copyOf(bySeverity);
        }

        public boolean isEmpty() {
            return bySeverity.isEmpty();
        }

        public boolean capped() {
            return total() > COUNT_CAP;
        }

        int total() {
            return bySeverity.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** "410" or, when capped, "1000+". */
        public String totalText() {
            return capped() ? COUNT_CAP + "+" : Integer.toString(total());
        }

        /** "410 high, 82 medium", most severe first; the least severe marked "+" when capped. */
        public String breakdown() {
            List<String> parts = new ArrayList<>();
            Severity last = bySeverity.keySet().stream().max(Enum::compareTo).orElse(Severity.INFO);
            for (Severity severity : Severity.values()) {
                Integer count = bySeverity.get(severity);
                if (count != null) {
                    parts.add(count + (capped() && severity == last ? "+ " : " ")
                            + severity.name().toLowerCase(java.util.Locale.ROOT));
                }
            }
            return String.join(", ", parts);
        }
    }

    /** The release's risk acceptances that have run out by {@code now}: how many, and the earliest expiry. */
    public Optional<Expired> expiredAcceptances(ReleaseId release, Instant now) {
        String sql = "SELECT count(*), min(f.accepted_until) FROM finding f WHERE f.state = 'RISK_ACCEPTED'"
                + " AND f.accepted_until <= ? AND f.project_key = " + PROJECT_OF + IN_RELEASE;
        return query(sql, s -> {
            s.setObject(1, now.atOffset(java.time.ZoneOffset.UTC));
            s.setObject(2, release.value());
            s.setObject(3, release.value());
            s.setObject(4, release.value());
        }, r -> {
            r.next();
            int count = r.getInt(1);
            Timestamp earliest = r.getTimestamp(2);
            return count == 0 ? Optional.<Expired>empty() : Optional.of(new Expired(count, earliest.toInstant()));
        });
    }

    /**
     * When the newest report of one of {@code scanners} that was imported completely arrived for the release (its
     * upload, not its end: a report uploaded earlier describes an earlier build), if there is one.
     */
    public Optional<Instant> lastCompletedImport(ReleaseId release, List<String> scanners) {
        return query("SELECT max(created_at) FROM report_import WHERE release_id = ? AND status = 'COMPLETED'"
                + " AND scanner = ANY (?)", s -> {
                    s.setObject(1, release.value());
                    s.setArray(2, s.getConnection().createArrayOf("text", scanners.toArray()));
                }, r -> {
                    r.next();
                    return Optional.ofNullable(r.getTimestamp(1)).map(Timestamp::toInstant);
                });
    }

    /** Which of {@code cwes} an unresolved finding of the release has (not yet fixed and verified, accepted or dismissed). */
    public Set<Integer> unresolvedWeaknesses(ReleaseId release, Set<Integer> cwes) {
        if (cwes.isEmpty()) {
            return Set.of();
        }
        return query("SELECT DISTINCT f.cwe FROM finding f WHERE f.project_key = " + PROJECT_OF + " AND f.cwe = ANY (?)"
                + " AND (" + Unresolved.UNTIL_VERIFIED.condition + ")" + IN_RELEASE, s -> {
                    s.setObject(1, release.value());
                    s.setArray(2, s.getConnection().createArrayOf("int4", cwes.toArray()));
                    s.setObject(3, release.value());
                    s.setObject(4, release.value());
                }, r -> {
                    Set<Integer> found = new java.util.HashSet<>();
                    while (r.next()) {
                        found.add(r.getInt(1));
                    }
                    return found;
                });
    }

    /** Risk acceptances past their expiry. */
    public record Expired(int count, Instant earliest) {
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private interface Reader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private <T> T query(String sql, Binder binder, Reader<T> reader) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            try (ResultSet r = s.executeQuery()) {
                return reader.read(r);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the release's findings", e);
        }
    }
}
