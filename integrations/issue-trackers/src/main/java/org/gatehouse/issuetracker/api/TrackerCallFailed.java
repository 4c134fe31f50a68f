package org.gatehouse.issuetracker.api;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A call to a tracker did not succeed, classified so the core can answer and retry sensibly. The
 * message names the tracker's address and what went wrong, never a credential.
 */
public final class TrackerCallFailed extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Problem {
        /** 401/403: the credential is wrong, expired or lacks a permission. */
        UNAUTHORIZED,
        /** 404/410: the container or issue does not exist (or is hidden from this credential). */
        NOT_FOUND,
        /** 429 (or 403 with a rate-limit answer): try again after {@link #retryAfter()}. */
        RATE_LIMITED,
        /** 5xx: the tracker is unavailable now. */
        UNAVAILABLE,
        /** Connecting or answering took longer than the configured timeout. */
        TIMEOUT,
        /** The connection was refused or the host is unknown. */
        UNREACHABLE,
        /** The address is not allowed by the outbound address policy (loopback, private, link-local …). */
        ADDRESS_REFUSED,
        /** Another 4xx: the tracker refused the request itself (a missing field, an unknown issue type). */
        REJECTED,
        /** A redirect, an answer that is too large, not JSON, or not what the API documents. */
        BAD_RESPONSE
    }

    private final Problem problem;
    private final OptionalInt status;
    private final transient Optional<Duration> retryAfter;

    public TrackerCallFailed(Problem problem, String message) {
        this(problem, message, OptionalInt.empty(), Optional.empty());
    }

    public TrackerCallFailed(Problem problem, String message, OptionalInt status, Optional<Duration> retryAfter) {
        super(message);
        this.problem = problem;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public Problem problem() {
        return problem;
    }

    public OptionalInt status() {
        return status;
    }

    /** How long the tracker asked us to wait (Retry-After, or GitHub's rate-limit reset). */
    public Optional<Duration> retryAfter() {
        return retryAfter == null ? Optional.empty() : retryAfter;
    }

    /** Whether trying again later may succeed. */
    public boolean transientFailure() {
        return problem == Problem.RATE_LIMITED || problem == Problem.UNAVAILABLE || problem == Problem.TIMEOUT
                || problem == Problem.UNREACHABLE;
    }
}
