package org.gatehouse.platform.error;

/** Another request changed the same resource at the same moment; the loser retries after a re-read. */
public final class ConcurrentModification extends DomainException {
    private static final long serialVersionUID = 1L;

    public ConcurrentModification() {
        super(ProblemType.CONFLICT, "version.concurrent");
    }
}
