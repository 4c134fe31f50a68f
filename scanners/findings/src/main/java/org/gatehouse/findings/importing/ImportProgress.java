package org.gatehouse.findings.importing;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.gatehouse.scanner.api.ReportSource;

/**
 * Live progress of the imports running in this instance (the import's own transaction is not
 * visible until it commits): bytes of the report read in the current pass and results handed over.
 */
@ApplicationScoped
public class ImportProgress {
    private final Map<ImportId, Tracker> running = new ConcurrentHashMap<>();

    /** A snapshot: the current phase, results read so far, and percent of the current pass. */
    public record Snapshot(String phase, long resultsRead, int percent) {
    }

    Tracker start(ImportId id, long size) {
        Tracker tracker = new Tracker(size);
        running.put(id, tracker);
        return tracker;
    }

    void end(ImportId id) {
        running.remove(id);
    }

    public Optional<Snapshot> of(ImportId id) {
        return Optional.ofNullable(running.get(id)).map(Tracker::snapshot);
    }

    /** Counts what one import reads. */
    static final class Tracker {
        private final long size;
        private final AtomicLong bytes = new AtomicLong();
        private final AtomicLong results = new AtomicLong();
        private volatile String phase = "parsing";

        /** {@code size} is the report's, or 0 or less when unknown (a streamed upload without a length). */
        Tracker(long size) {
            this.size = size;
        }

        void result() {
            results.incrementAndGet();
        }

        void phase(String name) {
            phase = name;
        }

        Snapshot snapshot() {
            return new Snapshot(phase, results.get(), size <= 0 ? 0 : (int) Math.min(100, bytes.get() * 100 / size));
        }

        /** The report, counting the bytes each pass reads. */
        ReportSource counting(ReportSource source) {
            return new ReportSource() {
                @Override
                public String name() {
                    return source.name();
                }

                @Override
                public InputStream open() throws IOException {
                    bytes.set(0);
                    return new FilterInputStream(source.open()) {
                        @Override
                        public int read() throws IOException {
                            int b = super.read();
                            if (b >= 0) {
                                bytes.incrementAndGet();
                            }
                            return b;
                        }

                        @Override
                        public int read(byte[] buffer, int offset, int length) throws IOException {
                            int n = super.read(buffer, offset, length);
                            if (n > 0) {
                                bytes.addAndGet(n);
                            }
                            return n;
                        }
                    };
                }
            };
        }
    }
}
