package org.gatehouse.scanner.zapdriver;

/** The steps of a black-box scan, in order; the phase is persisted (by name) to resume after a restart. */
public enum ScanPhase {
    SETUP,
    SPIDER,
    AJAX_SPIDER,
    PASSIVE_SCAN,
    ACTIVE_SCAN,
    REPORT,
    DONE
}
