package org.gatehouse.findings.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.gatehouse.platform.sql.Jdbc;

/**
 * The findings a project already tracks of a scanner (fingerprint → id, state, first release), read on a connection
 * and a thread of their own while a re-import's report arrives (ADR 0007, third amendment), so that the reconciliation
 * matches the import's groups in memory and copies {@code import_seen} instead of joining the groups with
 * {@code finding} after the upload (about 0.25 s of the database per 70,000 findings).
 *
 * <p>A finding's id and first release never change once it exists, and only imports create findings; its state may
 * change meanwhile (triage), so the reconciliation only pre-selects by the state read here and checks the current one
 * under a row lock. The snapshot is used only when no other import of the project and scanner completed since it was
 * read ({@link Snapshot#completedImports}, compared under the scope's lock), and it is read only while no import holds
 * that lock (a first import's prepared findings hold it until they are committed). Bounded: a scope with more than
 * {@value #MAX} findings is matched in SQL.
 */
final class TrackedFindings {
    private static final Logger LOG = Logger.getLogger(TrackedFindings.class.getName());
    static final int MAX = 150_000;

    /**
     * What was read: the number of completed imports of the scope when it was read, and its findings by stored
     * fingerprint in COPY's text format (as {@link OccurrenceGroups} writes them).
     */
    record Snapshot(long completedImports, TrackedTable tracked) {

        /**
         * The rows of {@code import_seen} (fingerprint, ordinal, suppressed, finding_id, state, created, first_release)
         * for the groups in COPY's text format: the tracked finding of each, or a new id counting up from
         * {@code idBase} in fingerprint order (as {@link Reconciliation} numbers them) for the others. Works on the
         * groups' bytes: no string per tracked group.
         */
        Seen seen(InputStream groups, UUID idBase) throws IOException {
            byte[] text = groups.readAllBytes();
            TrackedTable.Bytes rows = new TrackedTable.Bytes(text.length + tracked.size() * 100);
            List<Created> created = new ArrayList<>();
            int count = 0;
            for (int from = 0, end; from < text.length; from = end + 1) {
                end = indexOf(text, '\n', from, text.length);
                int tab = end < 0 ? -1 : indexOf(text, '\t', from, end);
                int second = tab < 0 ? -1 : indexOf(text, '\t', tab + 1, end);
                if (second < 0 || indexOf(text, '\t', second + 1, end) >= 0) {
                    throw new IOException("not a group row at " + from);
                }
                count++;
                int entry = tracked.find(text, from, tab);
                if (entry < 0) {
                    created.add(new Created(new String(text, from, tab - from, StandardCharsets.UTF_8), from, end));
                } else {
                    rows.put(text, from, end - from).put('\t');
                    tracked.appendTracked(entry, rows);
                    rows.put('\n');
                }
            }
            created.sort(Comparator.comparing(Created::fingerprint));
            long high = idBase.getMostSignificantBits();
            long low = idBase.getLeastSignificantBits() & 0xFFFFFFFF00000000L;
            int n = 0;
            for (Created group : created) {
                rows.put(text, group.from(), group.end() - group.from()).put('\t')
                        .put(new UUID(high, low | (++n & 0xFFFFFFFFL)).toString()).put("\t\\N\tt\t\\N\n");
            }
            return new Seen(rows.stream(), count, n);
        }

        private static int indexOf(byte[] text, char c, int from, int to) {
            for (int i = from; i < to; i++) {
                if (text[i] == c) {
                    return i;
                }
            }
            return -1;
        }

        /** A group with no tracked finding: its fingerprint (for the order of the new ids) and where its row is. */
        private record Created(String fingerprint, int from, int end) {
        }
    }

    /** The rows of {@code import_seen} and how many there are, how many of them new findings. */
    record Seen(InputStream rows, int count, int created) {
    }

    private final String project;
    private final CompletableFuture<Optional<Snapshot>> snapshot;

    private TrackedFindings(String project, CompletableFuture<Optional<Snapshot>> snapshot) {
        this.project = project;
        this.snapshot = snapshot;
    }

    /** The project whose findings these are. */
    String project() {
        return project;
    }

    /** Starts reading the scope's findings on {@code executor}; a refused task means no snapshot. */
    static TrackedFindings read(DataSource dataSource, Executor executor, String project, String scanner) {
        CompletableFuture<Optional<Snapshot>> future;
        try {
            future = CompletableFuture.supplyAsync(() -> readNow(dataSource, project, scanner), executor);
        } catch (RuntimeException e) {
            future = CompletableFuture.completedFuture(Optional.empty());
        }
        return new TrackedFindings(project, future);
    }

    /** Waits for the snapshot; empty when it could not or should not be read (the import then matches in SQL). */
    Optional<Snapshot> snapshot() {
        try {
            return snapshot.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            LOG.log(Level.WARNING, "the tracked findings could not be read; matched in SQL", e.getCause());
            return Optional.empty();
        }
    }

    static Optional<Snapshot> readNow(DataSource dataSource, String project, String scanner) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                return read(c, project, scanner);
            } finally {
                c.rollback(); // it only read; this also frees the scope's lock
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "the tracked findings of " + project + "/" + scanner + " could not be read; matched in SQL",
                    e);
            return Optional.empty();
        }
    }

    private static Optional<Snapshot> read(Connection c, String project, String scanner) throws SQLException {
        boolean free = Jdbc.first(c, "SELECT pg_try_advisory_xact_lock(hashtextextended(?, 7))", r -> r.getBoolean(1),
                ImportPipeline.scopeLock(project, scanner)).orElse(false);
        if (!free) {
            return Optional.empty(); // another import is storing its findings: match them after it, in SQL
        }
        // counted before the findings are read: an import completed in between changes the count, never goes unseen
        long completed = Jdbc.first(c, "SELECT count(*) FROM report_import WHERE project_key = ? AND scanner = ?"
                + " AND status = 'COMPLETED'", r -> r.getLong(1), project, scanner).orElse(0L);
        TrackedTable tracked = new TrackedTable();
        try (PreparedStatement s = c.prepareStatement("SELECT fingerprint, id, state, first_release FROM finding"
                + " WHERE project_key = ? AND scanner = ? LIMIT " + (MAX + 1))) {
            s.setFetchSize(10_000);
            s.setString(1, project);
            s.setString(2, scanner);
            StringBuilder key = new StringBuilder(128);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    if (tracked.size() == MAX) {
                        return Optional.empty();
                    }
                    key.setLength(0);
                    CopyText.escape(key, r.getString(1), CopyText.MAX_SHORT);
                    tracked.add(key.toString(), r.getString(2), r.getString(3), r.getString(4));
                }
            }
        }
        return Optional.of(new Snapshot(completed, tracked.seal()));
    }
}
