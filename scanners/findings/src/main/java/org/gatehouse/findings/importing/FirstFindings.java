package org.gatehouse.findings.importing;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.gatehouse.findings.finding.SlaPolicy;
import org.gatehouse.platform.id.Uuid7;
import org.gatehouse.platform.sql.Jdbc;
import org.gatehouse.platform.time.UtcTime;
import org.gatehouse.scanner.api.Location;
import org.gatehouse.scanner.api.ReportedFinding;
import org.gatehouse.scanner.api.Severity;
import org.postgresql.PGConnection;

/**
 * A project's first findings of a scanner, created while the report still streams in (ADR 0007, second
 * amendment): on a connection of their own, beside the occurrences' {@code COPY} of the import's main
 * connection, so that PostgreSQL builds both at once on two cores; committed with the import by a
 * two-phase commit (prepared before the import commits, committed right after; {@link PreparedImports}
 * ends those a stop interrupted).
 *
 * <p>The same findings as {@link Reconciliation}'s first-import statement: one per distinct fingerprint,
 * its representative the first occurrence not suppressed at the source (or the first one when all are),
 * ids counting up from one UUIDv7 of the import in the order they arrive. A fingerprint whose first
 * occurrences are suppressed waits in memory for an unsuppressed one; when more than
 * {@value #MAX_WAITING} wait, the stream is given up and the import creates its findings the usual way.
 *
 * <p>It holds the scope's advisory lock from its start, on its own transaction, until its findings are
 * committed, so that no other import of the project and scanner matches against findings not yet
 * visible: the import's main connection does not take the lock again.
 */
final class FirstFindings implements Consumer<ReportedFinding>, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(FirstFindings.class.getName());
    static final String SQL = "COPY finding (id, project_key, scanner, fingerprint, tool, rule_id, title, severity, cwe, location,"
            + " state, suppression, first_import, first_release, created_at, due_at, state_changed_at) FROM STDIN (FORMAT text)";
    static final int MAX_WAITING = Representatives.MAX_WAITING;
    private static final int SAMPLE = FindingEvents.SAMPLE;

    /** What a first import's findings belong to. */
    record Target(String project, String scanner, UUID release, ToIntFunction<Severity> slaDays) {
    }

    private final Connection connection;
    private final CopyText copy;
    private final Target target;
    private final UUID importId;
    private final String importText;
    private final String releaseText;
    private final OffsetDateTime now;
    private final String nowText;
    private final long idHigh;
    private final long idLow;
    private final Representatives<ReportedFinding> representatives = new Representatives<>(this::write);
    private final List<UUID> sample = new ArrayList<>();
    private int created;
    private boolean abandoned;
    private boolean finished;
    private boolean prepared;
    private boolean committed;

    private FirstFindings(Connection connection, Target target, UUID importId, UUID idBase, OffsetDateTime now)
            throws SQLException {
        this.connection = connection;
        this.copy = new CopyText(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(SQL));
        this.target = target;
        this.importId = importId;
        this.importText = importId.toString();
        this.releaseText = target.release().toString();
        this.now = now;
        this.nowText = now.toString();
        this.idHigh = idBase.getMostSignificantBits();
        this.idLow = idBase.getLeastSignificantBits() & 0xFFFFFFFF00000000L;
    }

    /**
     * Starts creating the findings of import {@code id} in the stream when the project tracks none of the scanner's
     * findings yet and no other import of the scope holds its lock; otherwise (or when the database fails here) the
     * import creates them the usual way.
     */
    static Optional<FirstFindings> start(DataSource dataSource, KnownRelease release, String scanner, ImportId id,
            java.time.Clock clock, SlaPolicy sla) {
        Target target = new Target(release.project().value(), scanner, release.release().value(),
                severity -> sla.days(release.level(), severity));
        try {
            return start(dataSource, target, id.value(), Uuid7.next(clock), UtcTime.now(clock));
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "import " + id + ": its findings are created after the upload", e);
            return Optional.empty();
        }
    }

    private static Optional<FirstFindings> start(DataSource dataSource, Target target, UUID importId, UUID idBase,
            OffsetDateTime now) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(false);
            boolean locked = Jdbc.first(connection, "SELECT pg_try_advisory_xact_lock(hashtextextended(?, 7))",
                    r -> r.getBoolean(1), ImportPipeline.scopeLock(target.project(), target.scanner())).orElse(false);
            if (locked && Jdbc.first(connection, "SELECT 1 FROM finding WHERE project_key = ? AND scanner = ? LIMIT 1",
                    r -> true, target.project(), target.scanner()).isEmpty()) {
                // the trend trigger's transition table holds every new finding (25 MB for 70,000): in memory
                Jdbc.update(connection, "SET LOCAL work_mem = '64MB'");
                return Optional.of(new FirstFindings(connection, target, importId, idBase, now));
            }
            connection.rollback();
            connection.setAutoCommit(true);
            connection.close();
            return Optional.empty();
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public void accept(ReportedFinding finding) {
        if (!abandoned && !representatives.offer(OccurrenceCopy.stored(finding), finding.suppression().isPresent(),
                finding)) {
            abandon();
        }
    }

    /**
     * Ends the stream (those still waiting are suppressed at the source); whether the findings were all
     * created in it.
     */
    boolean finish() throws SQLException {
        if (abandoned || !representatives.finish()) {
            return false;
        }
        long rows = copy.finish();
        if (rows != created) {
            throw new SQLException("the findings stream took " + rows + " rows of " + created);
        }
        finished = true;
        return true;
    }

    /** Whether these are the findings of {@code job}'s project, release and scanner. */
    boolean belongsTo(ImportJob job) {
        return job.id().value().equals(importId) && job.project().value().equals(target.project())
                && job.release().value().equals(target.release()) && job.plugin().descriptor().id().equals(target.scanner());
    }

    /** Findings created. */
    int created() {
        return created;
    }

    /** The first ids created, for the import's event. */
    List<UUID> sample() {
        return List.copyOf(sample);
    }

    /** The name of this import's prepared transaction. */
    static String transaction(UUID importId) {
        return PreparedImports.PREFIX + importId;
    }

    /** Prepares the findings' transaction: from now on only a commit or rollback by its name ends it. */
    void prepare() throws SQLException {
        if (!finished) {
            throw new IllegalStateException("prepare before the findings stream ended");
        }
        try (java.sql.Statement s = connection.createStatement()) {
            s.execute("PREPARE TRANSACTION '" + transaction(importId) + "'");
        }
        prepared = true;
        connection.setAutoCommit(true);
    }

    /**
     * Commits the prepared findings, after the import itself committed; when that fails they stay prepared until
     * {@link PreparedImports} commits them (their import is completed).
     */
    void commit() throws SQLException {
        committed = true;
        PreparedImports.end(connection, importId, true);
    }

    /** Rolls back whatever was not committed and frees the connection. */
    @Override
    public void close() {
        try (Connection c = connection) {
            if (committed) {
                return;
            }
            if (prepared) {
                // the import failed after the findings were prepared, possibly while committing: its outcome decides
                PreparedImports.resolve(c, importId);
            } else {
                copy.cancel();
                if (!c.getAutoCommit()) {
                    c.rollback();
                    c.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "the findings of import " + importId + " could not be ended; PreparedImports ends them by"
                    + " the import's outcome within a minute", e);
        }
    }

    /** Gives the stream up: the import creates its findings from its occurrences instead. */
    private void abandon() {
        abandoned = true;
        copy.cancel();
        LOG.info(() -> "import " + importId + ": more than " + MAX_WAITING + " findings wait for an occurrence not"
                + " suppressed at the source; its findings are created after the upload instead");
    }

    private void write(ReportedFinding finding, boolean suppressed) {
        UUID id = new UUID(idHigh, idLow | (++created & 0xFFFFFFFFL));
        if (sample.size() < SAMPLE) {
            sample.add(id);
        }
        copy.first(id).text(target.project(), CopyText.MAX_SHORT).text(target.scanner(), CopyText.MAX_SHORT)
                .text(OccurrenceCopy.stored(finding), CopyText.MAX_SHORT)
                .text(finding.tool(), CopyText.MAX_SHORT)
                .text(finding.ruleId(), CopyText.MAX_SHORT)
                .text(finding.title(), CopyText.MAX_SHORT)
                .text(finding.severity().name(), CopyText.MAX_SHORT)
                .number(finding.cwe().map(OptionalInt::of).orElse(OptionalInt.empty()))
                .text(location(finding.location()), Integer.MAX_VALUE)
                .plain(suppressed ? "SUPPRESSED" : "NEW")
                .text(OccurrenceCopy.suppression(finding), CopyText.MAX_SHORT)
                .plain(importText).plain(releaseText).plain(nowText)
                .plain(now.plusDays(target.slaDays().applyAsInt(finding.severity())))
                .plain(nowText);
        copy.end();
    }

    /** The finding's location as {@link Reconciliation} derives it from the stored occurrence. */
    static String location(Location location) {
        if (location instanceof Location.Code code && code.path() != null) {
            String path = cut(code.path());
            return code.startLine().isPresent() ? path + ":" + code.startLine().getAsInt() : path;
        }
        if (location instanceof Location.Url url && url.url() != null) {
            return url.method().map(m -> cut(m) + " ").orElse("") + cut(url.url())
                    + url.parameter().map(p -> " [" + cut(p) + "]").orElse("");
        }
        return "";
    }

    /** A short field as the occurrence stores it (NUL is dropped when the row is written). */
    private static String cut(String value) {
        int length = Math.min(value.length(), CopyText.MAX_SHORT);
        if (length > 0 && Character.isHighSurrogate(value.charAt(length - 1))) {
            length--;
        }
        return value.substring(0, length);
    }
}
