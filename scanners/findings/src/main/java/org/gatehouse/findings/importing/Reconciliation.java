package org.gatehouse.findings.importing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.ToIntFunction;
import org.gatehouse.findings.finding.SystemReason;
import org.gatehouse.platform.id.Uuid7;
import org.gatehouse.platform.sql.Jdbc;
import org.gatehouse.platform.time.UtcTime;
import org.gatehouse.scanner.api.Severity;

/**
 * The set-based half of an import (issue 4, ADR 0007): the occurrences of one import, already in
 * {@code finding_occurrence}, compared with the project's tracked findings of the same scanner, on the
 * import's connection and transaction (the caller holds the scope's advisory lock and commits):
 * created, unchanged, reopened (reappeared), suppressed at the source, no longer detected (fixed,
 * unverified), and verified (B.1.3.1-ih: fixed and re-tested by a scan of a newer build).
 *
 * <p>A finding's <em>representative</em> occurrence, whose rule, title and location the finding shows,
 * is its first occurrence that is not suppressed at the source, or its first one when all are; the
 * finding is suppressed at the source only when every occurrence is.
 */
final class Reconciliation {
    private static final String OPEN = "('NEW', 'CONFIRMED', 'REOPENED')";
    /**
     * New findings get ids in fingerprint order: one UUIDv7 of this import whose last 32 bits count up
     * (RFC 9562 §6.2, a counter in the random bits). Inserted in that order, the primary key and every
     * (project_key, …, id) index fill page by page instead of at random places: about 30 % less
     * database CPU for matching and creating 70,830 findings (measured, see ADR 0007). The 42 random
     * bits left make a clash with another import of the same millisecond a 1 in 4·10¹² event, and the
     * primary key would refuse it (the import fails whole; a retry succeeds). {@code %s} is the counter.
     */
    private static final String NEW_ID = "encode(overlay(uuid_send(?::uuid) PLACING int4send((%s)::integer) FROM 13 FOR 4),"
            + " 'hex')::uuid";
    private static final String COLUMNS = "INSERT INTO finding (id, project_key, scanner, fingerprint, tool, rule_id, title,"
            + " severity, cwe, location, state, suppression, first_import, first_release, created_at, due_at, state_changed_at)";
    private static final String LOCATION = "COALESCE(o.path || COALESCE(':' || o.start_line, ''),"
            + " COALESCE(o.http_method || ' ', '') || o.url || COALESCE(' [' || o.parameter || ']', ''), '')";
    private static final String DUE = "?::timestamptz + make_interval(days => CASE o.severity WHEN 'CRITICAL' THEN ?"
            + " WHEN 'HIGH' THEN ? WHEN 'MEDIUM' THEN ? WHEN 'LOW' THEN ? ELSE ? END)";

    private final Connection c;
    private final ImportJob job;
    private final OffsetDateTime now;
    private final java.time.Clock clock;
    private final ToIntFunction<Severity> slaDays;

    Reconciliation(Connection c, ImportJob job, java.time.Clock clock, ToIntFunction<Severity> slaDays) {
        this.c = c;
        this.job = job;
        this.clock = clock;
        this.now = UtcTime.now(clock);
        this.slaDays = slaDays;
    }

    /**
     * Reconciles the import's occurrences with the tracked findings; {@code groups} are the rows of
     * {@code import_groups} gathered while the report arrived ({@link OccurrenceGroups}), or empty to group in SQL;
     * {@code tracked}, the scope's findings read meanwhile, matches them in memory when nothing changed since.
     */
    ImportCounts run(long resultsRead, Laps laps, Optional<java.io.InputStream> groups, Optional<TrackedFindings> tracked)
            throws SQLException {
        UUID id = job.id().value();
        String project = job.project().value();
        String scanner = job.plugin().descriptor().id();
        Optional<UUID> previous = previousImport();
        if (!tracks(project, scanner)) {
            // the project's first findings of this scanner (a new project, a newly adopted tool): nothing to
            // match, reopen, close or verify, so one statement sorts the occurrences once, keeps each
            // fingerprint's representative and creates the findings in identity order (ADR 0007: about
            // 0.25 s less per 100,000 results than grouping into a temporary table and joining it back,
            // measured statement by statement; within the noise of the end-to-end benchmark)
            int created = update("WITH ranked AS (SELECT o.*, dense_rank() OVER (ORDER BY o.fingerprint) AS n"
                    + " FROM finding_occurrence o WHERE o.import_id = ?)"
                    + COLUMNS + " SELECT DISTINCT ON (o.fingerprint) " + NEW_ID.formatted("o.n") + ", ?, ?, o.fingerprint,"
                    + " o.tool, o.rule_id, o.title, o.severity, o.cwe, " + LOCATION + ","
                    + " CASE WHEN o.suppression IS NULL THEN 'NEW' ELSE 'SUPPRESSED' END, o.suppression, ?, ?, ?, " + DUE
                    + ", ? FROM ranked o ORDER BY o.fingerprint, o.suppression IS NOT NULL, o.ordinal",
                    id, Uuid7.next(clock), project, scanner, id, job.release().value(), now, now, days(Severity.CRITICAL),
                    days(Severity.HIGH), days(Severity.MEDIUM), days(Severity.LOW), days(Severity.INFO), now);
            laps.lap("create");
            return complete(previous, new ImportCounts(resultsRead, created, created, 0, 0, 0, 0));
        }
        Optional<TrackedFindings.Snapshot> snapshot = groups.isPresent() && tracked.isPresent() ? tracked.get().snapshot()
                : Optional.empty();
        if (snapshot.isPresent() && snapshot.get().completedImports() != completedImports(project, scanner)) {
            snapshot = Optional.empty(); // another import of the scope completed after it was read: match in SQL
        }
        if (tracked.isPresent()) {
            laps.lap(snapshot.isPresent() ? "tracked findings ready" : "tracked findings not used");
        }
        int seen = snapshot.isPresent() ? seenInMemory(snapshot.get(), groups.get()) : seenInSql(groups, project, scanner);
        laps.lap(snapshot.isPresent() ? "match in memory" : "match");

        int created = update(COLUMNS + " SELECT s.finding_id, ?, ?, s.fingerprint, o.tool, o.rule_id, o.title, o.severity,"
                + " o.cwe, " + LOCATION + ", CASE WHEN s.suppressed THEN 'SUPPRESSED' ELSE 'NEW' END, o.suppression, ?, ?, ?, "
                + DUE + ", ? FROM import_seen s JOIN finding_occurrence o ON o.import_id = ? AND o.ordinal = s.ordinal"
                // in identity order, so that the identity index fills page by page, not at random places
                + " WHERE s.created ORDER BY s.fingerprint",
                project, scanner, id, job.release().value(), now, now, days(Severity.CRITICAL), days(Severity.HIGH),
                days(Severity.MEDIUM), days(Severity.LOW), days(Severity.INFO), now, id);
        laps.lap("create");

        // Fixed ones that reappeared, and suppressed ones no longer suppressed, are open again.
        int reopened = change("('FIXED_UNVERIFIED', 'VERIFIED', 'SUPPRESSED')", "NOT s.suppressed", "REOPENED",
                SystemReason.REAPPEARED);
        // Open or fixed ones that the report now says are suppressed at the source.
        change("('NEW', 'CONFIRMED', 'REOPENED', 'FIXED_UNVERIFIED', 'VERIFIED')", "s.suppressed", "SUPPRESSED",
                SystemReason.SUPPRESSED_IN_SOURCE);

        int closed = 0;
        int verified = 0;
        // the very same bytes as the previous import (a retried CI push): nothing can be gone
        if (previous.isPresent() && !sameReport(previous.get(), id)) {
            exec("CREATE TEMP TABLE import_gone ON COMMIT DROP AS"
                    + " SELECT f.id, f.state FROM finding f JOIN (SELECT DISTINCT fingerprint FROM finding_occurrence"
                    + "   WHERE import_id = ? EXCEPT SELECT fingerprint FROM import_seen) g ON g.fingerprint = f.fingerprint"
                    + " WHERE f.project_key = ? AND f.scanner = ?", previous.get(), project, scanner);
            closed = closeOrVerify(OPEN, "true", "FIXED_UNVERIFIED", SystemReason.NO_LONGER_DETECTED);
            // a fix claimed by hand, confirmed by this scan, of another build than the one that still found it;
            // a scan of the same build only notes itself as the one that found it gone, for a later build to verify
            if (scanned().isAnotherThan(buildOf(previous.get()))) {
                verified += closeOrVerify("('FIXED_UNVERIFIED')", "f.fixed_import IS NULL", "VERIFIED",
                        SystemReason.FIX_CONFIRMED_BY_SCAN);
            } else {
                update("UPDATE finding f SET fixed_import = ?, row_version = f.row_version + 1 FROM import_gone g"
                        + " WHERE g.id = f.id AND f.state = 'FIXED_UNVERIFIED' AND f.fixed_import IS NULL", id);
            }
        }
        verified += verifyByNewerBuild();
        laps.lap("transitions");

        // findings created by this release's imports need no link: finding.first_release says it
        update("INSERT INTO finding_release (release_id, finding_id) SELECT ?, finding_id FROM import_seen"
                + " WHERE NOT created AND first_release <> ? ON CONFLICT DO NOTHING", job.release().value(),
                job.release().value());
        laps.lap("release-links");
        return complete(previous, new ImportCounts(resultsRead, seen, created, seen - created - reopened, closed, reopened,
                verified));
    }

    /**
     * {@code import_seen} from the scope's findings read while the report arrived ({@link TrackedFindings}): the groups
     * matched in memory and copied, instead of joined with {@code finding}; returns its rows.
     */
    private int seenInMemory(TrackedFindings.Snapshot snapshot, java.io.InputStream groups) throws SQLException {
        exec("CREATE TEMP TABLE import_seen (fingerprint text NOT NULL, ordinal integer NOT NULL, suppressed boolean NOT NULL,"
                + " finding_id uuid NOT NULL, state text, created boolean NOT NULL, first_release uuid) ON COMMIT DROP");
        try {
            TrackedFindings.Seen rows = snapshot.seen(groups, Uuid7.next(clock));
            c.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyIn("COPY import_seen FROM STDIN (FORMAT text)",
                    rows.rows());
            exec("SET LOCAL default_statistics_target = 10"); // row counts and shares suffice: see seenInSql
            exec("ANALYZE import_seen");
            return rows.count();
        } catch (java.io.IOException e) {
            throw new SQLException("could not copy the import's seen findings", e);
        }
    }

    /** {@code import_seen}: the import's groups joined with the scope's findings; returns its rows. */
    private int seenInSql(Optional<java.io.InputStream> groups, String project, String scanner) throws SQLException {
        // The distinct fingerprints first, with statistics, so that the planner can choose between
        // probing the identity index and hashing the project's findings by their real numbers (matching
        // in the grouping statement itself relies on finding_occurrence's statistics, which lag behind
        // large imports: slower in the import benchmark, although faster on a database at rest).
        if (groups.isPresent()) {
            exec("CREATE TEMP TABLE import_groups (fingerprint text NOT NULL, ordinal integer NOT NULL,"
                    + " suppressed boolean NOT NULL) ON COMMIT DROP");
            try {
                c.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyIn("COPY import_groups FROM STDIN (FORMAT text)",
                        groups.get());
            } catch (java.io.IOException e) {
                throw new SQLException("could not copy the import's groups", e);
            }
        } else {
            // the same rows, grouped from the occurrences (too many to gather while the report arrived)
            exec("CREATE TEMP TABLE import_groups ON COMMIT DROP AS SELECT fingerprint,"
                    + " COALESCE(min(ordinal) FILTER (WHERE suppression IS NULL), min(ordinal)) AS ordinal,"
                    + " bool_and(suppression IS NOT NULL) AS suppressed FROM finding_occurrence WHERE import_id = ?"
                    + " GROUP BY fingerprint", job.id().value());
        }
        // The plans below need the temporary tables' row counts and the shares of their states and flags, not a fine
        // histogram of 70,000 distinct fingerprints: a sample of 3,000 rows instead of 30,000 makes the two ANALYZEs
        // about 50 ms instead of 0.2 s per 100,000 results (measured, ADR 0007); the setting ends with the transaction.
        exec("SET LOCAL default_statistics_target = 10");
        exec("ANALYZE import_groups");
        exec("CREATE TEMP TABLE import_seen ON COMMIT DROP AS SELECT g.fingerprint, g.ordinal, g.suppressed, COALESCE(f.id, "
                + NEW_ID.formatted("row_number() OVER (ORDER BY g.fingerprint)") + ") AS finding_id, f.state,"
                + " f.id IS NULL AS created, f.first_release FROM import_groups g"
                + " LEFT JOIN finding f ON f.project_key = ? AND f.scanner = ? AND f.fingerprint = g.fingerprint",
                Uuid7.next(clock), project, scanner);
        exec("ANALYZE import_seen"); // a temporary table has no statistics: the plans below need them
        return count("SELECT count(*) FROM import_seen");
    }

    /** The completed imports of the project and scanner: any import that stores findings of the scope adds one. */
    private long completedImports(String project, String scanner) throws SQLException {
        return Jdbc.first(c, "SELECT count(*) FROM report_import WHERE project_key = ? AND scanner = ?"
                + " AND status = 'COMPLETED'", r -> r.getLong(1), project, scanner).orElse(0L);
    }

    /**
     * Completes a first import whose {@code created} findings were created while its report arrived
     * ({@link FirstFindings}): nothing to match, reopen, close or verify.
     */
    ImportCounts streamed(long resultsRead, int created, Laps laps) throws SQLException {
        Optional<UUID> previous = previousImport();
        laps.lap("counts");
        return complete(previous, new ImportCounts(resultsRead, created, created, 0, 0, 0, 0));
    }

    /** Records the counts on the import's row. */
    private ImportCounts complete(Optional<UUID> previous, ImportCounts counts) throws SQLException {
        update("UPDATE report_import SET status = 'COMPLETED', finished_at = ?, previous_import = ?, results_read = ?,"
                + " findings_seen = ?, created_count = ?, unchanged_count = ?, closed_count = ?, reopened_count = ?,"
                + " verified_count = ? WHERE id = ?", UtcTime.now(clock), previous.orElse(null), counts.resultsRead(),
                counts.findingsSeen(), counts.created(), counts.unchanged(), counts.closed(), counts.reopened(),
                counts.verified(), job.id().value());
        return counts;
    }

    /**
     * The previous completed import of the same release, scanner and category; for the first
     * import of a release, the latest one of the project (the release before it).
     */
    private Optional<UUID> previousImport() throws SQLException {
        String scanner = job.plugin().descriptor().id();
        Optional<UUID> sameRelease = firstUuid("SELECT id FROM report_import WHERE release_id = ? AND scanner = ?"
                + " AND category = ? AND status = 'COMPLETED' ORDER BY finished_at DESC LIMIT 1",
                job.release().value(), scanner, job.category());
        if (sameRelease.isPresent()) {
            return sameRelease;
        }
        return firstUuid("SELECT id FROM report_import WHERE project_key = ? AND scanner = ? AND category = ?"
                + " AND status = 'COMPLETED' ORDER BY finished_at DESC LIMIT 1",
                job.project().value(), scanner, job.category());
    }

    /** Whether the project tracks any finding of the scanner yet. */
    private boolean tracks(String project, String scanner) throws SQLException {
        return Jdbc.first(c, "SELECT 1 FROM finding WHERE project_key = ? AND scanner = ? LIMIT 1", r -> true, project,
                scanner).isPresent();
    }

    private boolean sameReport(UUID previous, UUID current) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT p.report_sha256 = n.report_sha256"
                + " FROM report_import p, report_import n WHERE p.id = ? AND n.id = ?")) {
            s.setObject(1, previous);
            s.setObject(2, current);
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getBoolean(1);
            }
        }
    }

    /**
     * Moves the seen findings in one of {@code states} that match {@code condition} (on {@code s}, the seen row) to
     * {@code target}. The state the seen row holds (read when the import matched, or while its report arrived) only
     * pre-selects: each finding is locked and its current state checked, so that a triage decision taken meanwhile
     * (a false positive approved, say) is never overwritten, and the event records the state it really left. The
     * events carry the reason's English text and key as two bound constants (no arguments).
     */
    private int change(String states, String condition, String target, SystemReason reason) throws SQLException {
        return update("WITH locked AS (SELECT f.id, f.state FROM finding f JOIN import_seen s ON s.finding_id = f.id"
                + " WHERE NOT s.created AND s.state IN " + states + " AND " + condition + " AND f.state IN " + states
                + " FOR UPDATE OF f),"
                + " changed AS (UPDATE finding f SET state = ?, state_changed_at = ?, fixed_import = NULL,"
                + " row_version = f.row_version + 1 FROM locked l WHERE f.id = l.id RETURNING f.id, l.state AS from_state)"
                + " INSERT INTO finding_event (finding_id, occurred_at, actor, from_state, to_state, import_id, reason,"
                + " reason_key) SELECT id, ?, ?, from_state, ?, ?, ?, ? FROM changed",
                target, now, now, job.actor().name(), target, job.id().value(), reason.text(), reason.key());
    }

    /**
     * Moves findings that are gone since the previous import ({@code g}) and are in one of {@code states} (checked
     * under a row lock, as in {@link #change}) and match {@code condition} (on {@code f}) to {@code target}.
     */
    private int closeOrVerify(String states, String condition, String target, SystemReason reason) throws SQLException {
        return update("WITH locked AS (SELECT f.id, f.state FROM finding f JOIN import_gone g ON g.id = f.id"
                + " WHERE g.state IN " + states + " AND f.state IN " + states + " AND " + condition + " FOR UPDATE OF f),"
                + " changed AS (UPDATE finding f SET state = ?, state_changed_at = ?,"
                + " fixed_import = COALESCE(f.fixed_import, ?), row_version = f.row_version + 1"
                + " FROM locked l WHERE f.id = l.id RETURNING f.id, l.state AS from_state)"
                + " INSERT INTO finding_event (finding_id, occurred_at, actor, from_state, to_state, import_id, reason,"
                + " reason_key) SELECT id, ?, ?, from_state, ?, ?, ?, ? FROM changed",
                target, now, job.id().value(), now, job.actor().name(), target, job.id().value(), reason.text(),
                reason.key());
    }

    /**
     * Verifies fixes (B.1.3.1-ih: fixed and re-tested): a finding closed by an earlier import of the
     * same scanner and category is verified when this import, of another build, does not find it
     * either. Without build information on either side nothing is verified by scan.
     */
    private int verifyByNewerBuild() throws SQLException {
        ScannedBuild scanned = scanned();
        if (!scanned.isKnown()) {
            return 0;
        }
        List<Object> parameters = new ArrayList<>(List.of(now, job.project().value(), job.plugin().descriptor().id(),
                job.id().value(), job.category()));
        parameters.addAll(java.util.Arrays.asList(scanned.sqlParameters())); // may hold nulls
        parameters.addAll(List.of(now, job.actor().name(), job.id().value(), SystemReason.VERIFIED_BY_NEWER_BUILD.text(),
                SystemReason.VERIFIED_BY_NEWER_BUILD.key()));
        return update("WITH changed AS (UPDATE finding f SET state = 'VERIFIED', state_changed_at = ?,"
                + " row_version = f.row_version + 1 FROM report_import fi"
                + " WHERE f.project_key = ? AND f.scanner = ? AND f.state = 'FIXED_UNVERIFIED' AND f.fixed_import = fi.id"
                + " AND fi.id <> ? AND fi.category = ? AND " + ScannedBuild.sqlIsAnotherThan("fi")
                + " AND NOT EXISTS (SELECT 1 FROM import_seen s WHERE s.finding_id = f.id) RETURNING f.id)"
                + " INSERT INTO finding_event (finding_id, occurred_at, actor, from_state, to_state, import_id, reason,"
                + " reason_key) SELECT id, ?, ?, 'FIXED_UNVERIFIED', 'VERIFIED', ?, ?, ? FROM changed",
                parameters.toArray());
    }

    private ScannedBuild scanned() {
        return new ScannedBuild(job.commit(), job.build());
    }

    private ScannedBuild buildOf(UUID importId) throws SQLException {
        return Jdbc.first(c, "SELECT commit_sha, build_id FROM report_import WHERE id = ?",
                r -> new ScannedBuild(Optional.ofNullable(r.getString(1)), Optional.ofNullable(r.getString(2))), importId)
                .orElse(new ScannedBuild(Optional.empty(), Optional.empty()));
    }

    private int days(Severity severity) {
        return slaDays.applyAsInt(severity);
    }

    private void exec(String sql, Object... parameters) throws SQLException {
        update(sql, parameters);
    }

    private int update(String sql, Object... parameters) throws SQLException {
        return Jdbc.update(c, sql, parameters);
    }

    private int count(String sql) throws SQLException {
        try (Statement statement = c.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private Optional<UUID> firstUuid(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            Jdbc.bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getObject(1, UUID.class)) : Optional.empty();
            }
        }
    }

    /** Where an import's time went, for the log line that ends it. */
    static final class Laps {
        private final StringBuilder laps = new StringBuilder();
        private final long start = System.nanoTime();
        private long last = start;

        void lap(String phase) {
            long now = System.nanoTime();
            laps.append(laps.length() == 0 ? "" : ", ").append(phase).append(' ').append((now - last) / 1_000_000).append(" ms");
            last = now;
        }

        @Override
        public String toString() {
            return "took " + (last - start) / 1_000_000 + " ms (" + laps + ")";
        }
    }
}
