package org.gatehouse.findings.importing;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.gatehouse.findings.finding.SlaPolicy;
import org.gatehouse.findings.inventory.ComponentInventory;
import org.gatehouse.identity.audit.AuditEntry;
import org.gatehouse.identity.audit.AuditTrail;
import org.gatehouse.identity.outbox.Outbox;
import org.gatehouse.platform.id.Uuid7;
import org.gatehouse.platform.sql.Jdbc;
import org.gatehouse.platform.time.UtcTime;
import org.gatehouse.scanner.api.ReportParseException;
import org.gatehouse.scanner.api.Severity;
import org.postgresql.PGConnection;

/**
 * Turns one stored report into tracked findings, all or nothing, in one transaction (issue 4):
 * <ol>
 * <li>the plugin's results stream into {@code finding_occurrence} through {@code COPY};</li>
 * <li>they collapse by fingerprint into the findings seen ({@code import_seen}, a temporary table),
 * matched with the project's tracked findings of the same scanner;</li>
 * <li>set-based statements create the new findings, reopen fixed ones that reappeared, move
 * suppressed-at-source ones, close (fixed, unverified) the ones of the previous import of the same
 * scope that are gone, and verify earlier fixes when a newer build no longer has them;</li>
 * <li>one audit record with the counts, and the import's row, commit with the findings.</li>
 * <li>a bill of materials (a {@code ComponentReporter} plugin, C.4) first stores its components as the
 * release's inventory, on the same transaction; its findings are the licence policy's (ADR 0020).</li>
 * </ol>
 * Dismissals (false positive, risk accepted) are never touched: triage decisions stick. Imports of
 * one project and scanner are serialised by an advisory lock.
 */
@ApplicationScoped
public class ImportPipeline {
    private static final String OPEN = "('NEW', 'CONFIRMED', 'REOPENED')";
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(ImportPipeline.class.getName());

    @Resource(lookup = "java:app/jdbc/gatehouse")
    DataSource dataSource;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    ImportProgress progress;

    @Inject
    SlaPolicy sla;

    @Inject
    Outbox outbox;

    @Inject
    ComponentInventory inventory;

    /** The outcome of a job: its counts, or why it failed (nothing of it was kept). */
    public sealed interface Outcome permits Completed, Failed {
    }

    public record Completed(ImportCounts counts) implements Outcome {
    }

    public record Failed(String type, String detail) implements Outcome {
    }

    /** Runs the job and records its end on the import's row; never throws for a bad report. */
    public Outcome run(ImportJob job) {
        ImportProgress.Tracker tracker = progress.start(job.id(), job.reportBytes());
        try (AutoCloseable cleanup = job.cleanup(); Connection connection = dataSource.getConnection()) {
            markRunning(connection, job.id());
            Outcome outcome = importAll(connection, job, tracker);
            if (outcome instanceof Failed failed) {
                markFailed(connection, job, failed);
            }
            return outcome;
        } catch (Exception e) {
            Failed failed = new Failed("internal-error", "the import could not be stored: " + e.getClass().getSimpleName());
            try (Connection connection = dataSource.getConnection()) {
                markFailed(connection, job, failed);
            } catch (SQLException again) {
                e.addSuppressed(again);
            }
            java.util.logging.Logger.getLogger(ImportPipeline.class.getName())
                    .log(java.util.logging.Level.WARNING, "import " + job.id() + " failed", e);
            return failed;
        } finally {
            progress.end(job.id());
        }
    }

    /**
     * Refreshes the planner statistics of the findings tables after a large import, so that the
     * listing's plans fit the new data at once instead of after autovacuum's next round.
     */
    void refreshStatistics() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT gatehouse_analyze_findings()");
        } catch (SQLException e) {
            LOG.log(java.util.logging.Level.WARNING, "could not refresh the findings statistics", e);
        }
    }

    private Outcome importAll(Connection connection, ImportJob job, ImportProgress.Tracker tracker) throws SQLException {
        Timings timings = new Timings();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            prepare(connection, job);
            ComponentInventory.FindingReader reader;
            try {
                // C.4: a bill of materials stores its components first, and its findings come from the policy
                reader = inventory.readerFor(connection, new ComponentInventory.Target(job.id().value(), job.project(),
                        job.release(), job.plugin().descriptor().id(), job.category()), job.plugin(), job.source());
            } catch (ReportParseException e) {
                connection.rollback();
                return new Failed("report-unreadable", e.getMessage());
            }
            OccurrenceCopy copy = new OccurrenceCopy(
                    connection.unwrap(PGConnection.class).getCopyAPI().copyIn(OccurrenceCopy.SQL), job.id().value());
            try {
                reader.read(tracker.counting(job.source()), finding -> {
                    copy.accept(finding);
                    tracker.result();
                });
                copy.finish();
                timings.lap("parse+copy");
            } catch (ReportParseException e) {
                copy.cancel();
                connection.rollback();
                return new Failed("report-unreadable", e.getMessage());
            } catch (OccurrenceCopy.CopyFailed e) {
                copy.cancel();
                throw e.sqlCause();
            }
            tracker.phase("storing");
            ImportCounts counts = reconcile(connection, job, copy.rows(), timings);
            audit.recordOn(connection, job.actor(), AuditEntry.success("findings.imported", "import:" + job.id(),
                    "release " + job.release() + ", scanner " + job.plugin().descriptor().id()
                            + (job.category().isEmpty() ? "" : ", category " + job.category()) + ": " + counts.summary()));
            if (counts.created() > 0 || counts.reopened() > 0) {
                outbox.publishOn(connection, FindingEvents.imported(connection, job, counts));
            }
            connection.commit();
            timings.lap("commit");
            LOG.info(() -> "import " + job.id() + " completed: " + counts.summary() + "; " + timings);
            return new Completed(counts);
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * The import's transaction may use more memory for its hash aggregates and joins (the default
     * 4 MB spills 70,000 distinct fingerprints to disk); at most {@code gatehouse.import.workers}
     * imports run at once.
     */
    private static void prepare(Connection connection, ImportJob job) throws SQLException {
        try (Statement memory = connection.createStatement()) {
            memory.execute("SET LOCAL work_mem = '64MB'");
        }
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 7))")) {
            lock.setString(1, "findings/" + job.project().value() + "/" + job.plugin().descriptor().id());
            lock.execute();
        }
    }

    private ImportCounts reconcile(Connection c, ImportJob job, long resultsRead, Timings timings) throws SQLException {
        UUID id = job.id().value();
        String project = job.project().value();
        String scanner = job.plugin().descriptor().id();
        OffsetDateTime now = UtcTime.now(clock);
        Optional<UUID> previous = previousImport(c, job);

        // The distinct findings of this report, matched with the tracked ones; new ones get their id here.
        // New findings get ids in fingerprint order: one UUIDv7 of this import whose last 32 bits count
        // up (RFC 9562 §6.2, a counter in the random bits). Inserted in that order, the primary key and
        // every (project_key, …, id) index fill page by page instead of at random places: about 30 %
        // less database CPU for matching and creating 70,830 findings (measured, see ADR 0007). The 42
        // random bits left make a clash with another import of the same millisecond a 1 in 4·10¹²
        // event, and the primary key would refuse it (the import fails whole; a retry succeeds).
        String newId = "COALESCE(f.id, encode(overlay(uuid_send(?::uuid) PLACING"
                + " int4send((row_number() OVER (ORDER BY g.fingerprint))::integer) FROM 13 FOR 4), 'hex')::uuid)";
        String groups = "SELECT fingerprint, min(ordinal) AS ordinal, bool_and(suppression IS NOT NULL) AS suppressed"
                + " FROM finding_occurrence WHERE import_id = ? GROUP BY fingerprint";
        if (tracks(c, project, scanner)) {
            // The distinct fingerprints first, with statistics, so that the planner can choose between
            // probing the identity index and hashing the project's findings by their real numbers.
            exec(c, "CREATE TEMP TABLE import_groups ON COMMIT DROP AS " + groups, id);
            exec(c, "ANALYZE import_groups");
            exec(c, "CREATE TEMP TABLE import_seen ON COMMIT DROP AS SELECT g.fingerprint, g.ordinal, g.suppressed, "
                    + newId + " AS finding_id, f.state, f.id IS NULL AS created, f.first_release FROM import_groups g"
                    + " LEFT JOIN finding f ON f.project_key = ? AND f.scanner = ? AND f.fingerprint = g.fingerprint",
                    Uuid7.next(clock), project, scanner);
        } else {
            // the project's first findings of this scanner (a new project, a newly adopted tool): nothing
            // to match, so one pass (the advisory lock keeps other imports of the scope out meanwhile)
            exec(c, "CREATE TEMP TABLE import_seen ON COMMIT DROP AS SELECT g.fingerprint, g.ordinal, g.suppressed, "
                    + newId.replace("f.id", "NULL::uuid") + " AS finding_id, NULL::text AS state, true AS created,"
                    + " NULL::uuid AS first_release FROM (" + groups + ") g", Uuid7.next(clock), id);
        }
        exec(c, "ANALYZE import_seen"); // a temporary table has no statistics: the plans below need them
        int seen = count(c, "SELECT count(*) FROM import_seen");
        timings.lap("match");

        int created = update(c, "INSERT INTO finding (id, project_key, scanner, fingerprint, tool, rule_id, title, severity,"
                + " cwe, location, state, suppression, first_import, first_release, created_at, due_at, state_changed_at)"
                + " SELECT s.finding_id, ?, ?, s.fingerprint, o.tool, o.rule_id, o.title, o.severity, o.cwe,"
                + " COALESCE(o.path || COALESCE(':' || o.start_line, ''),"
                + "          COALESCE(o.http_method || ' ', '') || o.url || COALESCE(' [' || o.parameter || ']', ''), ''),"
                + " CASE WHEN s.suppressed THEN 'SUPPRESSED' ELSE 'NEW' END, o.suppression, ?, ?, ?,"
                + " ?::timestamptz + make_interval(days => CASE o.severity WHEN 'CRITICAL' THEN ? WHEN 'HIGH' THEN ?"
                + "     WHEN 'MEDIUM' THEN ? WHEN 'LOW' THEN ? ELSE ? END), ?"
                + " FROM import_seen s JOIN finding_occurrence o ON o.import_id = ? AND o.ordinal = s.ordinal"
                // in identity order, so that the identity index fills page by page, not at random places
                + " WHERE s.created ORDER BY s.fingerprint",
                project, scanner, id, job.release().value(), now, now, days(job, Severity.CRITICAL), days(job, Severity.HIGH),
                days(job, Severity.MEDIUM), days(job, Severity.LOW), days(job, Severity.INFO), now, id);
        timings.lap("create");

        String actor = job.actor().name();
        // Fixed ones that reappeared, and suppressed ones no longer suppressed, are open again.
        int reopened = change(c, "s.state IN ('FIXED_UNVERIFIED', 'VERIFIED', 'SUPPRESSED') AND NOT s.suppressed",
                "REOPENED", "reappeared in import", now, actor, id);
        // Open or fixed ones that the report now says are suppressed at the source.
        change(c, "s.state IN ('NEW', 'CONFIRMED', 'REOPENED', 'FIXED_UNVERIFIED', 'VERIFIED') AND s.suppressed",
                "SUPPRESSED", "suppressed in source", now, actor, id);

        int closed = 0;
        int verified = 0;
        // the very same bytes as the previous import (a retried CI push): nothing can be gone
        if (previous.isPresent() && !sameReport(c, previous.get(), id)) {
            exec(c, "CREATE TEMP TABLE import_gone ON COMMIT DROP AS"
                    + " SELECT f.id, f.state FROM finding f JOIN (SELECT DISTINCT fingerprint FROM finding_occurrence"
                    + "   WHERE import_id = ? EXCEPT SELECT fingerprint FROM import_seen) g ON g.fingerprint = f.fingerprint"
                    + " WHERE f.project_key = ? AND f.scanner = ?", previous.get(), project, scanner);
            closed = closeOrVerify(c, "g.state IN " + OPEN, "FIXED_UNVERIFIED", "no longer detected", now, actor, id);
            // a fix claimed by hand, confirmed by this scan that no longer finds it
            verified += closeOrVerify(c, "g.state = 'FIXED_UNVERIFIED' AND f.fixed_import IS NULL", "VERIFIED",
                    "claimed fix confirmed by a scan that no longer detects it", now, actor, id);
        }
        verified += verifyByNewerBuild(c, job, now, actor);
        timings.lap("transitions");

        // findings created by this release's imports need no link: finding.first_release says it
        update(c, "INSERT INTO finding_release (release_id, finding_id) SELECT ?, finding_id FROM import_seen"
                + " WHERE NOT created AND first_release <> ? ON CONFLICT DO NOTHING", job.release().value(),
                job.release().value());
        timings.lap("release-links");
        ImportCounts counts = new ImportCounts(resultsRead, seen, created, seen - created - reopened, closed, reopened,
                verified);
        update(c, "UPDATE report_import SET status = 'COMPLETED', finished_at = ?, previous_import = ?, results_read = ?,"
                + " findings_seen = ?, created_count = ?, unchanged_count = ?, closed_count = ?, reopened_count = ?,"
                + " verified_count = ? WHERE id = ?", UtcTime.now(clock), previous.orElse(null), resultsRead, seen,
                created, counts.unchanged(), closed, reopened, verified, id);
        return counts;
    }

    /**
     * The previous completed import of the same release, scanner and category; for the first
     * import of a release, the latest one of the project (the release before it).
     */
    private static Optional<UUID> previousImport(Connection c, ImportJob job) throws SQLException {
        String scanner = job.plugin().descriptor().id();
        Optional<UUID> sameRelease = firstUuid(c, "SELECT id FROM report_import WHERE release_id = ? AND scanner = ?"
                + " AND category = ? AND status = 'COMPLETED' ORDER BY finished_at DESC LIMIT 1",
                job.release().value(), scanner, job.category());
        if (sameRelease.isPresent()) {
            return sameRelease;
        }
        return firstUuid(c, "SELECT id FROM report_import WHERE project_key = ? AND scanner = ? AND category = ?"
                + " AND status = 'COMPLETED' ORDER BY finished_at DESC LIMIT 1",
                job.project().value(), scanner, job.category());
    }

    /** Whether the project tracks any finding of the scanner yet. */
    private static boolean tracks(Connection c, String project, String scanner) throws SQLException {
        return Jdbc.first(c, "SELECT 1 FROM finding WHERE project_key = ? AND scanner = ? LIMIT 1", r -> true, project,
                scanner).isPresent();
    }

    private static boolean sameReport(Connection c, UUID previous, UUID current) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT p.report_sha256 = n.report_sha256"
                + " FROM report_import p, report_import n WHERE p.id = ? AND n.id = ?")) {
            s.setObject(1, previous);
            s.setObject(2, current);
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getBoolean(1);
            }
        }
    }

    /** Moves the seen findings matching {@code condition} (on {@code s}, the seen row) to {@code target}. */
    private static int change(Connection c, String condition, String target, String reason, OffsetDateTime now,
            String actor, UUID importId) throws SQLException {
        return update(c, "WITH changed AS (UPDATE finding f SET state = ?, state_changed_at = ?, fixed_import = NULL,"
                + " row_version = f.row_version + 1 FROM import_seen s WHERE s.finding_id = f.id AND NOT s.created AND "
                + condition + " RETURNING f.id, s.state AS from_state)"
                + " INSERT INTO finding_event (finding_id, occurred_at, actor, from_state, to_state, import_id, reason)"
                + " SELECT id, ?, ?, from_state, ?, ?, ? FROM changed",
                target, now, now, actor, target, importId, reason);
    }

    /** Moves findings that are gone since the previous import ({@code g}) to {@code target}. */
    private static int closeOrVerify(Connection c, String condition, String target, String reason, OffsetDateTime now,
            String actor, UUID importId) throws SQLException {
        return update(c, "WITH changed AS (UPDATE finding f SET state = ?, state_changed_at = ?,"
                + " fixed_import = COALESCE(f.fixed_import, ?), row_version = f.row_version + 1"
                + " FROM import_gone g WHERE g.id = f.id AND " + condition + " RETURNING f.id, g.state AS from_state)"
                + " INSERT INTO finding_event (finding_id, occurred_at, actor, from_state, to_state, import_id, reason)"
                + " SELECT id, ?, ?, from_state, ?, ?, ? FROM changed",
                target, now, importId, now, actor, target, importId, reason);
    }

    /**
     * Verifies fixes (B.1.3.1-ih: fixed and re-tested): a finding closed by an earlier import of the
     * same scanner and category is verified when this import, of another build, does not find it
     * either. Without build information on either side nothing is verified by scan.
     */
    private static int verifyByNewerBuild(Connection c, ImportJob job, OffsetDateTime now, String actor)
            throws SQLException {
        if (job.commit().isEmpty() && job.build().isEmpty()) {
            return 0;
        }
        return update(c, "WITH changed AS (UPDATE finding f SET state = 'VERIFIED', state_changed_at = ?,"
                + " row_version = f.row_version + 1 FROM report_import fi"
                + " WHERE f.project_key = ? AND f.scanner = ? AND f.state = 'FIXED_UNVERIFIED' AND f.fixed_import = fi.id"
                + " AND fi.id <> ? AND fi.category = ? AND (fi.commit_sha IS NOT NULL OR fi.build_id IS NOT NULL)"
                + " AND (fi.commit_sha IS DISTINCT FROM ? OR fi.build_id IS DISTINCT FROM ?)"
                + " AND NOT EXISTS (SELECT 1 FROM import_seen s WHERE s.finding_id = f.id) RETURNING f.id)"
                + " INSERT INTO finding_event (finding_id, occurred_at, actor, from_state, to_state, import_id, reason)"
                + " SELECT id, ?, ?, 'FIXED_UNVERIFIED', 'VERIFIED', ?, 'not detected by a scan of a newer build'"
                + " FROM changed",
                now, job.project().value(), job.plugin().descriptor().id(), job.id().value(), job.category(),
                job.commit().orElse(null), job.build().orElse(null), now, actor, job.id().value());
    }

    private int days(ImportJob job, Severity severity) {
        return sla.days(job.level(), severity);
    }

    private static void markRunning(Connection c, ImportId id) throws SQLException {
        update(c, "UPDATE report_import SET status = 'RUNNING', started_at = now() WHERE id = ? AND status = 'QUEUED'",
                id.value());
    }

    private void markFailed(Connection c, ImportJob job, Failed failed) throws SQLException {
        if (!c.getAutoCommit()) {
            c.setAutoCommit(true);
        }
        String detail = failed.detail() == null ? "" : failed.detail();
        update(c, "UPDATE report_import SET status = 'FAILED', finished_at = ?, error_type = ?, error_detail = ?"
                + " WHERE id = ?", UtcTime.now(clock), failed.type(), detail.length() > 2000 ? detail.substring(0, 2000)
                : detail, job.id().value());
    }

    private static void exec(Connection c, String sql, Object... parameters) throws SQLException {
        update(c, sql, parameters);
    }

    private static int update(Connection c, String sql, Object... parameters) throws SQLException {
        return Jdbc.update(c, sql, parameters);
    }

    private static int count(Connection c, String sql) throws SQLException {
        try (Statement statement = c.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static Optional<UUID> firstUuid(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            Jdbc.bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getObject(1, UUID.class)) : Optional.empty();
            }
        }
    }


    /** Where an import's time went, for the log line that ends it. */
    private static final class Timings {
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
