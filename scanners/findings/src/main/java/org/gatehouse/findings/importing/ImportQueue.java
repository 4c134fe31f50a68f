package org.gatehouse.findings.importing;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs imports, at most {@code gatehouse.import.workers} at once (default 2: an import keeps
 * PostgreSQL and one core busy): queued ones in the background, with a bounded queue behind them (a
 * full queue refuses new imports instead of piling up files), and streamed ones on the thread that
 * receives the upload, when a slot is free at once.
 */
@ApplicationScoped
public class ImportQueue {
    @Resource
    ManagedThreadFactory threads;

    @Inject
    ImportPipeline pipeline;

    @Inject
    @ConfigProperty(name = "gatehouse.import.workers", defaultValue = "2")
    int workers;

    @Inject
    @ConfigProperty(name = "gatehouse.import.queue", defaultValue = "50")
    int capacity;

    /** Created findings after which the listing's statistics are refreshed at once (autovacuum is slower). */
    static final int ANALYZE_AFTER = 10_000;

    private ThreadPoolExecutor executor;
    private Semaphore slots;

    @PostConstruct
    void start() {
        slots = new Semaphore(workers);
        executor = new ThreadPoolExecutor(workers, workers, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(capacity),
                threads);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /**
     * @throws QueueFull when as many imports as the queue holds are waiting
     */
    CompletableFuture<ImportPipeline.Outcome> submit(ImportJob job) {
        try {
            CompletableFuture<ImportPipeline.Outcome> outcome = CompletableFuture.supplyAsync(() -> {
                boolean slot = slot();
                try {
                    return pipeline.run(job);
                } finally {
                    if (slot) {
                        slots.release();
                    }
                }
            }, executor);
            outcome.thenAccept(this::ended);
            return outcome;
        } catch (RejectedExecutionException e) {
            throw new QueueFull(capacity);
        }
    }

    /**
     * Waits for a worker slot. A slot that is not freed within {@link #SLOT_WAIT_MINUTES} (a streamed import that never
     * ended: a defect) does not stop the queue: the import then runs without one, and says so in the log.
     */
    private boolean slot() {
        try {
            if (slots.tryAcquire(SLOT_WAIT_MINUTES, TimeUnit.MINUTES)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        java.util.logging.Logger.getLogger(ImportQueue.class.getName()).warning(
                "no import worker slot came free in " + SLOT_WAIT_MINUTES + " minutes; running the queued import without one");
        return false;
    }

    private static final long SLOT_WAIT_MINUTES = 10;

    /** A worker slot for a streamed import if one is free now; closing it frees it. */
    Optional<AutoCloseable> trySlot() {
        return slots.tryAcquire() ? Optional.of(new Slot()) : Optional.empty();
    }

    /** After a large import the findings statistics are refreshed in the background. */
    void ended(ImportPipeline.Outcome done) {
        if (done instanceof ImportPipeline.Completed completed && completed.counts().created() >= ANALYZE_AFTER) {
            try {
                executor.execute(pipeline::refreshStatistics);
            } catch (RejectedExecutionException e) {
                // a full queue: autovacuum's next round refreshes them
            }
        }
    }

    private final class Slot implements AutoCloseable {
        private boolean freed;

        @Override
        public synchronized void close() {
            if (!freed) {
                freed = true;
                slots.release();
            }
        }
    }
}
