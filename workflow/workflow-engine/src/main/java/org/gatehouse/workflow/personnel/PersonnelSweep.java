package org.gatehouse.workflow.personnel;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every {@code gatehouse.personnel.sweep-seconds} (default 300) records the role suspensions that
 * started or ended since the last sweep (C.1: an agreement or a training that expired at midnight UTC,
 * a project whose protection level was raised). The suspension itself never waits for this: roles are
 * checked at every request. Started once the schema is migrated.
 */
@ApplicationScoped
public class PersonnelSweep {
    private static final Logger LOG = Logger.getLogger(PersonnelSweep.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    RoleSuspensions suspensions;

    @Inject
    @ConfigProperty(name = "gatehouse.personnel.sweep-seconds", defaultValue = "300")
    long periodSeconds;

    private ScheduledFuture<?> task;

    public synchronized void start() {
        if (task == null) {
            long period = Math.max(1, periodSeconds);
            task = scheduler.scheduleWithFixedDelay(this::sweep, 1, period, TimeUnit.SECONDS);
        }
    }

    /** Runs one sweep now: how many suspensions started or ended. */
    public int sweep() {
        try {
            int changes = suspensions.sweep();
            if (changes > 0) {
                LOG.info(() -> changes + " role suspensions started or ended (C.1 vetting)");
            }
            return changes;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "role suspension sweep failed", e);
            return 0;
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
