package org.gatehouse.findings.finding;

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
 * Reopens expired risk acceptances, and announces passed SLA deadlines and acceptances about to
 * expire ({@link DeadlineEvents}), every {@code gatehouse.risk-acceptance.check-seconds} (default
 * 60): a risk acceptance holds until its expiry, not longer (issue 4). Started once the schema is
 * migrated.
 */
@ApplicationScoped
public class AcceptanceExpiry {
    private static final Logger LOG = Logger.getLogger(AcceptanceExpiry.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Findings findings;

    @Inject
    DeadlineEvents deadlines;

    @Inject
    @ConfigProperty(name = "gatehouse.risk-acceptance.check-seconds", defaultValue = "60")
    long periodSeconds;

    private ScheduledFuture<?> task;

    public synchronized void start() {
        if (task == null) {
            task = scheduler.scheduleWithFixedDelay(this::expire, periodSeconds, periodSeconds, TimeUnit.SECONDS);
        }
    }

    /** Runs one check now; returns how many acceptances expired. */
    public int expire() {
        try {
            int expired = findings.expireAcceptances();
            if (expired > 0) {
                LOG.info(() -> expired + " risk acceptances expired; their findings are open again");
            }
            deadlines.announce();
            return expired;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "risk acceptance expiry check failed", e);
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
