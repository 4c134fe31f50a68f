package org.gatehouse.findings.importing;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.gatehouse.platform.sql.Jdbc;

/**
 * The prepared transactions of first imports (ADR 0007, second amendment: {@link FirstFindings}): whether the
 * database allows them, and the end of those that a stop or a lost connection left prepared — committed when
 * their import completed, rolled back otherwise — at start-up and every minute after (a stop between the import's
 * commit and theirs leaves a completed import without its findings until then).
 */
@ApplicationScoped
public class PreparedImports {
    private static final Logger LOG = Logger.getLogger(PreparedImports.class.getName());
    static final String PREFIX = "gatehouse-import-";

    @Resource(lookup = "java:app/jdbc/gatehouse-imports")
    DataSource dataSource;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** How often leftovers are looked for, and how long ago they must have been prepared. */
    @jakarta.inject.Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "gatehouse.import.prepared-check-seconds",
            defaultValue = "60")
    long periodSeconds;

    private volatile Boolean available;
    private ScheduledFuture<?> task;

    /**
     * Whether the database allows prepared transactions ({@code max_prepared_transactions} above 0: the
     * embedded database does; an external server may not, and its first imports then create their findings
     * after the upload).
     */
    boolean available() {
        Boolean known = available;
        if (known == null) {
            try (Connection c = dataSource.getConnection()) {
                known = Jdbc.first(c, "SELECT current_setting('max_prepared_transactions')::integer > 0",
                        r -> r.getBoolean(1)).orElse(false);
            } catch (SQLException | RuntimeException e) {
                LOG.log(Level.WARNING, "could not read max_prepared_transactions; first imports are not streamed", e);
                known = false;
            }
            available = known;
        }
        return known;
    }

    /** Ends the leftovers now, then every {@code gatehouse.import.prepared-check-seconds} those prepared as long ago. */
    public synchronized void start() {
        int ended = end(Duration.ZERO);
        if (ended > 0) {
            LOG.warning(() -> ended + " prepared import transactions left by the last stop were ended");
        }
        if (task == null) {
            task = scheduler.scheduleWithFixedDelay(() -> end(Duration.ofSeconds(periodSeconds)), periodSeconds,
                    periodSeconds, TimeUnit.SECONDS);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    /**
     * Ends this database's import transactions prepared at least {@code age} ago: each by its import's
     * status, read under the import row's lock (an import still committing holds it, so its outcome is
     * known before its transaction is ended). Returns how many were ended.
     */
    public int end(Duration age) {
        try (Connection c = dataSource.getConnection()) {
            List<String> names = Jdbc.list(c, "SELECT gid FROM pg_prepared_xacts WHERE database = current_database()"
                    + " AND starts_with(gid, ?) AND prepared <= now() - make_interval(secs => ?)", r -> r.getString(1), PREFIX,
                    (double) age.toSeconds());
            int ended = 0;
            for (String name : names) {
                Optional<UUID> id = importOf(name);
                if (id.isEmpty()) {
                    continue;
                }
                boolean completed = resolve(c, id.get());
                LOG.warning(() -> "the findings of import " + id.get() + " were " + (completed ? "committed" : "rolled back")
                        + " after an interruption");
                ended++;
            }
            return ended;
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not end the prepared import transactions", e);
            return 0;
        }
    }

    /**
     * Ends one import's prepared findings by the import's outcome, read under its row's lock: committed when it
     * completed, rolled back otherwise. Returns whether they were committed.
     */
    static boolean resolve(Connection c, UUID importId) throws SQLException {
        c.setAutoCommit(false);
        boolean completed;
        try {
            completed = Jdbc.first(c, "SELECT status = 'COMPLETED' FROM report_import WHERE id = ? FOR UPDATE",
                    r -> r.getBoolean(1), importId).orElse(false);
            c.commit();
        } finally {
            c.setAutoCommit(true);
        }
        end(c, importId, completed);
        return completed;
    }

    /** Commits or rolls back one import's prepared findings, outside any transaction of {@code c}. */
    static void end(Connection c, UUID importId, boolean commit) throws SQLException {
        try (Statement s = c.createStatement()) {
            // a statement that takes no parameters; the name is built from a UUID only
            s.execute((commit ? "COMMIT" : "ROLLBACK") + " PREPARED '" + FirstFindings.transaction(importId) + "'");
        }
    }

    private static Optional<UUID> importOf(String name) {
        try {
            return Optional.of(UUID.fromString(name.substring(PREFIX.length())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
