package org.gatehouse.findings.importing;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs imports in the background, at most {@code gatehouse.import.workers} at once (default 2:
 * an import keeps PostgreSQL and one core busy), with a bounded queue behind them; a full queue
 * refuses new imports instead of piling up files.
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

    @PostConstruct
    void start() {
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
            CompletableFuture<ImportPipeline.Outcome> outcome = CompletableFuture.supplyAsync(() -> pipeline.run(job),
                    executor);
            outcome.thenAcceptAsync(done -> {
                if (done instanceof ImportPipeline.Completed completed && completed.counts().created() >= ANALYZE_AFTER) {
                    pipeline.refreshStatistics();
                }
            }, executor);
            return outcome;
        } catch (RejectedExecutionException e) {
            throw new QueueFull(capacity);
        }
    }
}
