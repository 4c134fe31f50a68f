package org.gatehouse.findings.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** A tracked finding: what the reconciliation needs of it, in COPY's text format (ids as PostgreSQL prints them). */
    record Tracked(String id, String state, String firstRelease) {
    }

    /**
     * What was read: the number of completed imports of the scope when it was read, and its findings by stored
     * fingerprint in COPY's text format (as {@link OccurrenceGroups} writes them).
     */
    record Snapshot(long completedImports, Map<String, Tracked> byFingerprint) {

        /**
         * The rows of {@code import_seen} (fingerprint, ordinal, suppressed, finding_id, state, created, first_release)
         * for the groups in COPY's text format: the tracked finding of each, or a new id counting up from
         * {@code idBase} in fingerprint order (as {@link Reconciliation} numbers them) for the others.
         */
        Seen seen(InputStream groups, UUID idBase) throws IOException {
            String text = new String(groups.readAllBytes(), StandardCharsets.UTF_8);
            StringBuilder rows = new StringBuilder(text.length() + byFingerprint.size() * 100);
            List<String[]> created = new ArrayList<>();
            int count = 0;
            for (int from = 0, end; from < text.length(); from = end + 1) {
                end = text.indexOf('\n', from);
                String[] group = text.substring(from, end < 0 ? text.length() : end).split("\t", -1);
                if (end < 0 || group.length != 3) {
                    throw new IOException("not a group row at " + from);
                }
                count++;
                Tracked tracked = byFingerprint.get(group[0]);
                if (tracked == null) {
                    created.add(group);
                } else {
                    rows.append(text, from, end).append('\t').append(tracked.id()).append('\t').append(tracked.state())
                            .append("\tf\t").append(tracked.firstRelease()).append('\n');
                }
            }
            created.sort((a, b) -> a[0].compareTo(b[0]));
            long high = idBase.getMostSignificantBits();
            long low = idBase.getLeastSignificantBits() & 0xFFFFFFFF00000000L;
            int n = 0;
            for (String[] group : created) {
                rows.append(group[0]).append('\t').append(group[1]).append('\t').append(group[2]).append('\t')
                        .append(new UUID(high, low | (++n & 0xFFFFFFFFL))).append("\t\\N\tt\t\\N\n");
            }
            return new Seen(new ByteArrayInputStream(rows.toString().getBytes(StandardCharsets.UTF_8)), count, n);
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
        Map<String, Tracked> byFingerprint = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT fingerprint, id, state, first_release FROM finding"
                + " WHERE project_key = ? AND scanner = ? LIMIT " + (MAX + 1))) {
            s.setFetchSize(10_000);
            s.setString(1, project);
            s.setString(2, scanner);
            StringBuilder key = new StringBuilder(128);
            Map<String, String> releases = new HashMap<>(); // a scope's findings come from a few releases
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    if (byFingerprint.size() == MAX) {
                        return Optional.empty();
                    }
                    key.setLength(0);
                    CopyText.escape(key, r.getString(1), CopyText.MAX_SHORT);
                    byFingerprint.put(key.toString(), new Tracked(r.getString(2), state(r.getString(3)),
                            releases.computeIfAbsent(r.getString(4), release -> release)));
                }
            }
        }
        return Optional.of(new Snapshot(completed, byFingerprint));
    }

    /** The same few state names shared, not one string per finding. */
    private static String state(String state) {
        return switch (state) {
            case "NEW" -> "NEW";
            case "CONFIRMED" -> "CONFIRMED";
            case "FIXED_UNVERIFIED" -> "FIXED_UNVERIFIED";
            case "VERIFIED" -> "VERIFIED";
            case "REOPENED" -> "REOPENED";
            case "FALSE_POSITIVE" -> "FALSE_POSITIVE";
            case "RISK_ACCEPTED" -> "RISK_ACCEPTED";
            case "SUPPRESSED" -> "SUPPRESSED";
            default -> state;
        };
    }
}
