package org.gatehouse.scanner.worker;

/** {@code progress <done> <total>}: class analyses done out of the total over all of SpotBugs' passes. */
public record ScanProgress(int done, int total) implements WorkerEvent {
    public ScanProgress {
        if (done < 0 || total < 0 || done > total) {
            throw new IllegalArgumentException("progress " + done + " of " + total);
        }
    }

    @Override
    public String line() {
        return "progress " + done + " " + total;
    }

    public boolean complete() {
        return done == total;
    }
}
