package org.gatehouse.scanner.zapdriver;

/** Told of progress (for the live stream) and of every state change (to persist for a resume). */
public interface ScanListener {
    ScanListener NONE = new ScanListener() {
    };

    default void progress(ScanProgress progress) {
    }

    default void stateChanged(ScanState state) {
    }
}
