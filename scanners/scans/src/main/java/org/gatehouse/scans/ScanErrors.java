package org.gatehouse.scans;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** The refusals of the scan boundary, each with its problem type and message. */
public final class ScanErrors {
    private ScanErrors() {
    }

    /** No scan with that id. */
    public static final class NotFound extends DomainException {
        private static final long serialVersionUID = 1L;

        NotFound(String id) {
            super(ProblemType.NOT_FOUND, "scan.not-found", id);
        }
    }

    /** White-box scans cannot run here (no worker classpath), or too many wait. */
    public static final class Unavailable extends DomainException {
        private static final long serialVersionUID = 1L;

        Unavailable(String key, Object... arguments) {
            super(ProblemType.UNAVAILABLE, key, arguments);
        }
    }

    /** The scan has ended already. */
    public static final class Finished extends DomainException {
        private static final long serialVersionUID = 1L;

        Finished(String state) {
            super(ProblemType.CONFLICT, "scan.finished", state);
        }
    }

    /** The upload form has no artifact. */
    public static final class FileRequired extends DomainException {
        private static final long serialVersionUID = 1L;

        public FileRequired() {
            super(ProblemType.VALIDATION_FAILED, "scan.file-required");
        }
    }

    /** A black-box scan's authentication that ZAP could not use. */
    public static final class InvalidTarget extends DomainException {
        private static final long serialVersionUID = 1L;

        InvalidTarget(String key) {
            super(ProblemType.VALIDATION_FAILED, key);
        }
    }
}
