package org.gatehouse.scanner.zapdriver;

/** A progress event: the phase and how far it is, 0 to 100. */
public record ScanProgress(ScanPhase phase, int percent) {
    public ScanProgress {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("percent out of 0..100: " + percent);
        }
    }
}
