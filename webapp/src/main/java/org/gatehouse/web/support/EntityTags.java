package org.gatehouse.web.support;

import jakarta.ws.rs.core.EntityTag;
import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;
import org.gatehouse.platform.error.StaleVersion;

/** Optimistic concurrency over HTTP: the ETag of a resource is its row version. */
public final class EntityTags {
    private EntityTags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * The version the client claims to have seen, from {@code If-Match}.
     *
     * @throws PreconditionRequired when the header is missing
     * @throws StaleVersion when it names no current version ({@code *} matches any)
     */
    public static long expectedVersion(String ifMatch, long current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequired();
        }
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*")) {
                return current;
            }
            if (tag.startsWith("W/")) {
                continue; // weak tags never match for If-Match (RFC 9110 13.1.1)
            }
            if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
                try {
                    long version = Long.parseLong(tag.substring(1, tag.length() - 1));
                    if (version == current) {
                        return version;
                    }
                } catch (NumberFormatException e) {
                    // not one of ours: does not match
                }
            }
        }
        throw new StaleVersion(ifMatch.strip(), current);
    }

    /** A change was sent without {@code If-Match}. */
    public static final class PreconditionRequired extends DomainException {
        private static final long serialVersionUID = 1L;

        PreconditionRequired() {
            super(ProblemType.PRECONDITION_REQUIRED, "if-match.required");
        }
    }
}
