package org.gatehouse.scanner.zapdriver;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The resumable state of a scan, small enough to persist: its name in ZAP (context and replacer rule),
 * the phase, ZAP's ids of what was started, and the deadline of the overall timeout.
 */
public record ScanState(String name, ScanPhase phase, Optional<Integer> contextId, Optional<String> spiderScanId,
        Optional<String> activeScanId, Instant deadline) {

    public ScanState {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(contextId, "contextId");
        Objects.requireNonNull(spiderScanId, "spiderScanId");
        Objects.requireNonNull(activeScanId, "activeScanId");
        Objects.requireNonNull(deadline, "deadline");
        if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("a scan name is 1-64 letters, digits, '.', '_' or '-': " + name);
        }
    }

    static ScanState starting(String name, Instant deadline) {
        return new ScanState(name, ScanPhase.SETUP, Optional.empty(), Optional.empty(), Optional.empty(), deadline);
    }

    ScanState in(ScanPhase next) {
        return new ScanState(name, next, contextId, spiderScanId, activeScanId, deadline);
    }

    ScanState withContextId(int id) {
        return new ScanState(name, phase, Optional.of(id), spiderScanId, activeScanId, deadline);
    }

    ScanState withSpiderScanId(String id) {
        return new ScanState(name, phase, contextId, Optional.of(id), activeScanId, deadline);
    }

    ScanState withActiveScanId(String id) {
        return new ScanState(name, phase, contextId, spiderScanId, Optional.of(id), deadline);
    }
}
