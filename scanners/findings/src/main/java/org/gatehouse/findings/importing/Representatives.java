package org.gatehouse.findings.importing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Each fingerprint's representative occurrence, picked as the results stream in (issue 4, ADR 0007): the first
 * occurrence not suppressed at the source, or the first one when all are (then the finding is suppressed at the
 * source). A fingerprint is represented as soon as an occurrence not suppressed arrives; one whose occurrences so far
 * are all suppressed waits in memory, and when more than {@value #MAX_WAITING} wait the stream is given up (the
 * caller falls back to doing it in SQL after the upload): memory stays bounded whatever the report.
 *
 * @param <T> what an occurrence is to the sink
 */
final class Representatives<T> {
    static final int MAX_WAITING = 10_000;

    /** Receives each fingerprint's representative, once. */
    interface Sink<T> {
        void represent(T occurrence, boolean suppressed);
    }

    private final FingerprintSet seen = new FingerprintSet();
    private final Map<FingerprintSet.Key, T> waiting = new LinkedHashMap<>();
    private final Sink<T> sink;
    private boolean overflowed;

    Representatives(Sink<T> sink) {
        this.sink = sink;
    }

    /** Takes the next occurrence; {@code false} once too many wait (nothing more is represented). */
    boolean offer(String fingerprint, boolean suppressed, T occurrence) {
        if (overflowed) {
            return false;
        }
        FingerprintSet.Key key = seen.key(fingerprint);
        if (seen.add(key)) {
            if (!suppressed) {
                sink.represent(occurrence, false);
            } else if (waiting.put(key, occurrence) == null && waiting.size() > MAX_WAITING) {
                overflowed = true;
                waiting.clear();
                return false;
            }
        } else if (!suppressed && !waiting.isEmpty() && waiting.remove(key) != null) {
            sink.represent(occurrence, false);
        }
        return true;
    }

    /** Represents those still waiting by their first occurrence, suppressed; {@code false} when given up. */
    boolean finish() {
        if (overflowed) {
            return false;
        }
        waiting.values().forEach(occurrence -> sink.represent(occurrence, true));
        waiting.clear();
        return true;
    }

    /** Distinct fingerprints so far. */
    int distinct() {
        return seen.size();
    }
}
