package org.gatehouse.scanner.core.intake;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** An upload larger than {@link IntakeLimits#maxUploadBytes()} (7.8.3-ds); a 413 payload-too-large. */
public final class UploadTooLarge extends DomainException {
    private static final long serialVersionUID = 1L;

    UploadTooLarge(long limit) {
        super(ProblemType.PAYLOAD_TOO_LARGE, "upload.too-large", Sizes.human(limit));
    }
}
