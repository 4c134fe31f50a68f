package org.gatehouse.findings.importing;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.gatehouse.findings.finding.SlaPolicy;
import org.gatehouse.findings.inventory.ComponentInventory;
import org.gatehouse.identity.audit.AuditEntry;
import org.gatehouse.identity.audit.AuditTrail;
import org.gatehouse.identity.outbox.Outbox;
import org.gatehouse.platform.sql.Jdbc;
import org.gatehouse.platform.time.UtcTime;
import org.gatehouse.scanner.api.ReportParseException;
import org.gatehouse.scanner.api.ReportSource;
import org.gatehouse.scanner.api.ScannerPlugin;

/**
 * Turns one report into tracked findings, all or nothing, in one transaction (issue 4):
 * <ol>
 * <li>the plugin's results stream into {@code finding_occurrence} through {@code COPY}, from the
 * stored report of a queued job ({@link #run}), or from the upload while it still arrives
 * ({@link #begin}: parsing overlaps the transfer);</li>
 * <li>the scope's advisory lock, then the {@link Reconciliation} (a re-import into a release known before the upload
 * matches the findings that {@link TrackedFindings} read while its report arrived, in memory): set-based statements
 * create the new
 * findings, reopen fixed ones that reappeared, move suppressed-at-source ones, close (fixed,
 * unverified) the ones of the previous import of the same scope that are gone, and verify earlier
 * fixes when a newer build no longer has them;</li>
 * <li>one audit record with the counts, and the import's row, commit with the findings.</li>
 * <li>a bill of materials (a {@code ComponentReporter} plugin, C.4) first stores its components as the
 * release's inventory, on the same transaction; its findings are the licence policy's (ADR 0020).</li>
 * </ol>
 * Dismissals (false positive, risk accepted) are never touched: triage decisions stick. Imports of
 * one project and scanner are serialised by an advisory lock from the reconciliation on; their
 * parsing runs side by side.
 */
@ApplicationScoped
public class ImportPipeline {
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(ImportPipeline.class.getName());

    /** Never enlisted in a container transaction: an import is its own transaction (see the webapp's datasources). */
    @Resource(lookup = "java:app/jdbc/gatehouse-imports")
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

    @Inject
    PreparedImports prepared;

    @Inject
    TrackedReads trackedReads;

    /** The outcome of a job: its counts, or why it failed (nothing of it was kept). */
    public sealed interface Outcome permits Completed, Failed {
    }

    public record Completed(ImportCounts counts) implements Outcome {
    }

    public record Failed(String type, String detail) implements Outcome {
    }

    /** Runs a queued job and records its end on the import's row; never throws for a bad report. */
    public Outcome run(ImportJob job) {
        ImportProgress.Tracker tracker = progress.start(job.id(), job.reportBytes());
        try (Connection connection = dataSource.getConnection()) {
            markRunning(connection, job.id());
            Outcome outcome = importAll(connection, job, tracker);
            if (outcome instanceof Failed failed) {
                markFailed(connection, job.id(), failed);
            }
            return outcome;
        } catch (SQLException | RuntimeException e) {
            return failedInternally(job.id(), e);
        } finally {
            progress.end(job.id());
            // after the outcome is recorded: a file that cannot be deleted never fails a committed import
            closeQuietly(job.cleanup(), job.id());
        }
    }

    private static void closeQuietly(AutoCloseable resource, ImportId id) {
        try {
            resource.close();
        } catch (Exception e) {
            LOG.log(java.util.logging.Level.WARNING, "import " + id + " ended, but its resources could not be released", e);
        }
    }

    /**
     * Starts an import whose report is still arriving (ADR 0007 amendment, issue 4): its occurrences
     * are parsed and copied on the caller's thread while the upload streams in ({@link Streamed#parse}),
     * and the import is completed once the upload has ended and its row exists ({@link Streamed#complete}),
     * or abandoned ({@link Streamed#close}: nothing of it is kept). {@code slot} is the worker slot it
     * holds until then. With the {@code release} known before the upload, a project's first import of the
     * scanner also creates its findings while the report arrives ({@link FirstFindings}).
     */
    public Streamed begin(ImportId id, ScannerPlugin plugin, long expectedBytes, AutoCloseable slot,
            Optional<KnownRelease> release) throws SQLException {
        Connection connection = dataSource.getConnection();
        Optional<FirstFindings> first = Optional.empty();
        try {
            connection.setAutoCommit(false);
            memory(connection);
            first = release.isPresent() && prepared.available()
                    ? FirstFindings.start(dataSource, release.get(), plugin.descriptor().id(), id, clock, sla)
                    : Optional.empty();
        } catch (SQLException | RuntimeException e) {
            first.ifPresent(FirstFindings::close);
            connection.close();
            throw e;
        }
        // any other import of a known release reads the findings it will be matched with while its report arrives
        Optional<TrackedFindings> tracked = release.isPresent() && first.isEmpty()
                ? Optional.of(trackedReads.start(dataSource, release.get().project().value(), plugin.descriptor().id()))
                : Optional.empty();
        return new Streamed(id, plugin, connection, progress.start(id, expectedBytes), slot, first, tracked);
    }

    /**
     * An import read while its report arrives; used by one thread. The plugin's two-pass formats read
     * the arriving bytes once and the stored copy after that.
     */
    public final class Streamed implements AutoCloseable {
        private final ImportId id;
        private final ScannerPlugin plugin;
        private final Connection connection;
        private final ImportProgress.Tracker tracker;
        private final AutoCloseable slot;
        private final Reconciliation.Laps laps = new Reconciliation.Laps();
        private final java.time.OffsetDateTime started = UtcTime.now(clock);
        private Optional<FirstFindings> first;
        private final Optional<TrackedFindings> tracked;
        private Optional<java.io.InputStream> groups = Optional.empty();
        private Optional<Failed> unreadable = Optional.empty();
        private long rows = -1;
        private boolean closed;

        private Streamed(ImportId id, ScannerPlugin plugin, Connection connection, ImportProgress.Tracker tracker,
                AutoCloseable slot, Optional<FirstFindings> first, Optional<TrackedFindings> tracked) {
            this.first = first;
            this.tracked = tracked;
            this.id = id;
            this.plugin = plugin;
            this.connection = connection;
            this.tracker = tracker;
            this.slot = slot;
        }

        public ImportId id() {
            return id;
        }

        /** The id of the plugin that parses it. */
        public String scanner() {
            return plugin.descriptor().id();
        }

        /**
         * Parses the report into the import's occurrences, as it arrives. An unreadable report is
         * remembered (and recorded by {@link #complete}); an upload refused meanwhile (too large, for
         * instance) propagates as it is.
         */
        public void parse(ReportSource source) throws SQLException {
            // a first import's findings stream to their own connection; any other import gathers its groups
            OccurrenceGroups grouping = new OccurrenceGroups();
            java.util.function.Consumer<org.gatehouse.scanner.api.ReportedFinding> also = first.isPresent() ? first.get()
                    : grouping;
            OccurrenceCopy.Parsed parsed = OccurrenceCopy.copy(connection, id.value(), plugin::parse, source, tracker, also);
            groups = first.isPresent() ? Optional.empty() : grouping.finish();
            laps.lap(first.isPresent() ? "parse+copy+create" : "parse+copy");
            if (parsed.failure().isPresent()) {
                connection.rollback();
                unreadable = parsed.failure();
                endFirst();
            } else if (first.isPresent()) {
                if (!first.get().finish()) {
                    endFirst(); // too many waited for an occurrence not suppressed at the source: created after the upload
                }
                laps.lap("findings' stream end");
            }
            rows = parsed.rows();
        }

        private void endFirst() {
            first.ifPresent(FirstFindings::close);
            first = Optional.empty();
        }

        /**
         * Completes the import, whose row {@code job} names now exists: stores its findings, or records why
         * the report was unreadable; never throws for a bad report. Nothing is kept on failure.
         */
        public Outcome complete(ImportJob job) {
            if (!job.id().equals(id) || rows < 0) {
                throw new IllegalStateException("complete " + job.id() + " after parsing " + id);
            }
            try {
                if (unreadable.isPresent()) {
                    connection.setAutoCommit(true);
                    markFailed(connection, id, unreadable.get());
                    return unreadable.get();
                }
                Jdbc.update(connection, "UPDATE report_import SET status = 'RUNNING', started_at = ? WHERE id = ?", started,
                        id.value());
                if (first.isPresent() && !(first.get().belongsTo(job))) {
                    throw new IllegalStateException("import " + id + " streamed the findings of another release");
                }
                if (tracked.isPresent() && !job.project().value().equals(tracked.get().project())) {
                    throw new IllegalStateException("import " + id + " read the findings of another project");
                }
                return store(connection, job, rows, tracker, laps, first, groups, tracked);
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection, e);
                endFirst();
                return failedInternally(id, e);
            } finally {
                closeQuietly(this, id);
                closeQuietly(job.cleanup(), id);
            }
        }

        /** Abandons the import unless completed: its transaction rolls back, its slot is freed. */
        @Override
        public void close() throws Exception {
            if (closed) {
                return;
            }
            closed = true;
            progress.end(id);
            endFirst();
            try (AutoCloseable free = slot; Connection c = connection) {
                if (!c.getAutoCommit()) {
                    c.rollback();
                    c.setAutoCommit(true);
                }
            }
        }
    }

    private Failed failedInternally(ImportId id, Exception e) {
        Failed failed = new Failed("internal-error", "the import could not be stored: " + e.getClass().getSimpleName());
        try (Connection connection = dataSource.getConnection()) {
            markFailed(connection, id, failed);
        } catch (SQLException again) {
            e.addSuppressed(again);
        }
        LOG.log(java.util.logging.Level.WARNING, "import " + id + " failed", e);
        return failed;
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            if (!c.isClosed() && !c.getAutoCommit()) {
                c.rollback();
            }
        } catch (SQLException e) {
            cause.addSuppressed(e);
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
        Reconciliation.Laps laps = new Reconciliation.Laps();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            memory(connection);
            ComponentInventory.FindingReader reader;
            try {
                // C.4: a bill of materials stores its components first, and its findings come from the policy
                reader = inventory.readerFor(connection, new ComponentInventory.Target(job.id().value(), job.project(),
                        job.release(), job.plugin().descriptor().id(), job.category()), job.plugin(), job.source());
            } catch (ReportParseException e) {
                connection.rollback();
                return new Failed("report-unreadable", e.getMessage());
            }
            OccurrenceGroups grouping = new OccurrenceGroups();
            OccurrenceCopy.Parsed parsed = OccurrenceCopy.copy(connection, job.id().value(), reader, job.source(), tracker,
                    grouping);
            laps.lap("parse+copy");
            if (parsed.failure().isPresent()) {
                connection.rollback();
                return parsed.failure().get();
            }
            return store(connection, job, parsed.rows(), tracker, laps, Optional.empty(), grouping.finish(), Optional.empty());
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * The findings of the copied occurrences (one transaction with them): the scope's lock, the
     * reconciliation, one audit record with the counts, the outbox event, commit.
     */
    private Outcome store(Connection connection, ImportJob job, long rows, ImportProgress.Tracker tracker,
            Reconciliation.Laps laps, Optional<FirstFindings> first, Optional<java.io.InputStream> groups,
            Optional<TrackedFindings> tracked) throws SQLException {
        tracker.phase("storing");
        Reconciliation reconciliation = new Reconciliation(connection, job, clock, severity -> sla.days(job.level(), severity));
        ImportCounts counts;
        if (first.isPresent()) {
            // the findings were created in the stream, under the scope's lock that their own transaction holds
            counts = reconciliation.streamed(rows, first.get().created(), laps);
        } else {
            // imports of one project and scanner are serialised from here on; their parsing runs side by side
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 7))")) {
                lock.setString(1, scopeLock(job.project().value(), job.plugin().descriptor().id()));
                lock.execute();
            }
            counts = reconciliation.run(rows, laps, groups, tracked);
        }
        audit.recordOn(connection, job.actor(), AuditEntry.success("findings.imported", "import:" + job.id(),
                "release " + job.release() + ", scanner " + job.plugin().descriptor().id()
                        + (job.category().isEmpty() ? "" : ", category " + job.category()) + ": " + counts.summary()));
        if (counts.created() > 0 || counts.reopened() > 0) {
            outbox.publishOn(connection, first.isPresent() ? FindingEvents.imported(job, counts, first.get().sample())
                    : FindingEvents.imported(connection, job, counts));
        }
        if (first.isPresent()) {
            first.get().prepare(); // two-phase: the findings can no longer fail once the import commits
        }
        connection.commit();
        if (first.isPresent()) {
            try {
                first.get().commit();
            } catch (SQLException e) {
                LOG.log(java.util.logging.Level.WARNING, "import " + job.id() + " committed; its prepared findings are"
                        + " committed within a minute", e);
            }
        }
        laps.lap("commit");
        LOG.info(() -> "import " + job.id() + " completed: " + counts.summary() + "; " + laps);
        return new Completed(counts);
    }

    /**
     * The import's transaction may use more memory for its hash aggregates, sorts and joins (the
     * default 4 MB spills 70,000 distinct fingerprints to disk) and for its temporary tables (the
     * default 8 MB writes the seen findings of 100,000 results out to files; the size holds from a
     * session's first temporary table on, and later settings are ignored); at most
     * {@code gatehouse.import.workers} imports run at once.
     */
    private static void memory(Connection connection) throws SQLException {
        try (Statement memory = connection.createStatement()) {
            memory.execute("SET LOCAL work_mem = '64MB'");
            memory.execute("SET LOCAL temp_buffers = '64MB'");
        }
    }

    /** The name of the advisory lock that serialises the imports of one project and scanner. */
    static String scopeLock(String project, String scanner) {
        return "findings/" + project + "/" + scanner;
    }

    private static void markRunning(Connection c, ImportId id) throws SQLException {
        Jdbc.update(c, "UPDATE report_import SET status = 'RUNNING', started_at = now() WHERE id = ? AND status = 'QUEUED'",
                id.value());
    }

    private void markFailed(Connection c, ImportId id, Failed failed) throws SQLException {
        if (!c.getAutoCommit()) {
            c.setAutoCommit(true);
        }
        String detail = failed.detail() == null ? "" : failed.detail();
        Jdbc.update(c, "UPDATE report_import SET status = 'FAILED', finished_at = ?, error_type = ?, error_detail = ?"
                + " WHERE id = ?", UtcTime.now(clock), failed.type(), detail.length() > 2000 ? detail.substring(0, 2000)
                : detail, id.value());
    }
}
