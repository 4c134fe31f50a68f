package org.gatehouse.findings.importing;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * The threads that read re-imports' tracked findings while their reports arrive ({@link TrackedFindings}): threads of
 * their own, so that no other task of the server delays a read an import waits for. At most {@value #THREADS} read at
 * once; a read refused then is matched in SQL.
 */
@ApplicationScoped
public class TrackedReads {
    static final int THREADS = 4;

    @Resource
    ManagedThreadFactory threads;

    private ThreadPoolExecutor readers;

    @PostConstruct
    void start() {
        readers = new ThreadPoolExecutor(0, THREADS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), threads);
    }

    @PreDestroy
    void stop() {
        readers.shutdownNow();
    }

    /** Starts reading the findings of {@code project} and {@code scanner}. */
    TrackedFindings start(DataSource dataSource, String project, String scanner) {
        return TrackedFindings.read(dataSource, readers, project, scanner);
    }
}
