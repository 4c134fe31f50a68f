package org.gatehouse.web.security;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** An API token used from an address outside its source ranges (403 {@code source-rejected}). */
public final class SourceRejected extends DomainException {
    private static final long serialVersionUID = 1L;

    public SourceRejected(String address) {
        super(ProblemType.SOURCE_REJECTED, "source.rejected", address);
    }
}
