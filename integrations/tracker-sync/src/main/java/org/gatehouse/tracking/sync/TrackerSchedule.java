package org.gatehouse.tracking.sync;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gatehouse.platform.sql.Jdbc;

/**
 * Runs the sync from the container's managed scheduler once the schema is migrated: comments every
 * {@code gatehouse.trackers.sync-seconds} (default 30), the reconcile every
 * {@code gatehouse.trackers.reconcile-seconds} (default 300). A session advisory lock lets one
 * instance of a cluster run it at a time; the cursors live in the database, so a restart goes on
 * where the last run stopped.
 */
@ApplicationScoped
public class TrackerSchedule {
    private static final Logger LOG = Logger.getLogger(TrackerSchedule.class.getName());
    /** The advisory lock key of the tracker sync ("GHTRACK"). */
    private static final long LOCK = 0x4748545241434bL;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource(lookup = "java:app/jdbc/gatehouse")
    DataSource dataSource;

    @Inject
    TrackerSync sync;

    @Inject
    @ConfigProperty(name = "gatehouse.trackers.sync-seconds", defaultValue = "30")
    long syncSeconds;

    @Inject
    @ConfigProperty(name = "gatehouse.trackers.reconcile-seconds", defaultValue = "300")
    long reconcileSeconds;

    private ScheduledFuture<?> task;
    private long lastReconcile;

    public synchronized void start() {
        if (task == null) {
            task = scheduler.scheduleWithFixedDelay(this::run, syncSeconds, syncSeconds, TimeUnit.SECONDS);
        }
    }

    void run() {
        try (Connection lock = dataSource.getConnection()) {
            if (!Jdbc.first(lock, "SELECT pg_try_advisory_lock(?)", r -> r.getBoolean(1), LOCK).orElse(false)) {
                return;
            }
            try {
                sync.pushComments();
                if (System.nanoTime() - lastReconcile >= TimeUnit.SECONDS.toNanos(reconcileSeconds) || lastReconcile == 0) {
                    lastReconcile = System.nanoTime();
                    sync.reconcileAll();
                }
            } finally {
                Jdbc.first(lock, "SELECT pg_advisory_unlock(?)", r -> r.getBoolean(1), LOCK);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "issue-tracker sync failed", e);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
