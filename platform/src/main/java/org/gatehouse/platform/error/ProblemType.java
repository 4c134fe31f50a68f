package org.gatehouse.platform.error;

import java.net.URI;

/**
 * The stable catalogue of RFC 9457 problem types Gatehouse answers with. The {@link #uri()} of a
 * type never changes once released: clients and CI scripts branch on it. Titles are localised
 * through the {@code Messages} bundle of this package (keys {@code problem.<slug>.title}).
 */
public enum ProblemType {
    BAD_REQUEST("bad-request", 400),
    MALFORMED_REQUEST("malformed-request", 400),
    VALIDATION_FAILED("validation-failed", 400),
    INVALID_CURSOR("invalid-cursor", 400),
    UNAUTHENTICATED("unauthenticated", 401),
    LOGIN_FAILED("login-failed", 401),
    SECOND_FACTOR_REQUIRED("second-factor-required", 401),
    /** A request with an API token whose signature, timestamp, nonce or body digest does not hold (ADR 0012). */
    SIGNATURE_REJECTED("signature-rejected", 401),
    FORBIDDEN("forbidden", 403),
    /** An API token used from an address outside its allowed source ranges. */
    SOURCE_REJECTED("source-rejected", 403),
    /** A CI token asked for something its scopes do not include, e.g. opening a release on push (ADR 0012). */
    CAPABILITY_REQUIRED("capability-required", 403),
    CSRF_REJECTED("csrf-rejected", 403),
    PASSWORD_CHANGE_REQUIRED("password-change-required", 403),
    SECOND_FACTOR_ENROLMENT_REQUIRED("second-factor-enrolment-required", 403),
    WEAK_PASSWORD("weak-password", 400),
    NOT_FOUND("not-found", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", 405),
    NOT_ACCEPTABLE("not-acceptable", 406),
    CONFLICT("conflict", 409),
    PRECONDITION_FAILED("precondition-failed", 412),
    PAYLOAD_TOO_LARGE("payload-too-large", 413),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415),
    /** A report that its scanner plugin cannot read (malformed, truncated, another format). */
    REPORT_UNREADABLE("report-unreadable", 422),
    /** A compressed upload refused by the bomb guards (ratio, entries, total size). */
    ARCHIVE_REJECTED("archive-rejected", 422),
    /** A state change the lifecycle does not allow from the current state. */
    INVALID_TRANSITION("invalid-transition", 409),
    /** An idempotency key used again for a different request. */
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422),
    PRECONDITION_REQUIRED("precondition-required", 428),
    TOO_MANY_REQUESTS("too-many-requests", 429),
    INTERNAL_ERROR("internal-error", 500),
    /** A webhook whose signature does not hold, or for no known tracker connection (issue 7). */
    WEBHOOK_REJECTED("webhook-rejected", 401),
    /** The project's issue tracker refused or failed a call; the detail says how (issue 7). */
    TRACKER_FAILED("tracker-failed", 502),
    UNAVAILABLE("unavailable", 503),
    /**
     * C.1: a developer, tester or security-reviewer role refused on a project whose protection level
     * requires vetting, because the person's prerequisites (background check, confidentiality agreement,
     * trainings) do not hold; the detail and {@code errors} name the missing ones.
     */
    VETTING_REQUIRED("vetting-required", 409);

    private static final String PREFIX = "urn:gatehouse:problem:";

    private final String slug;
    private final int status;

    ProblemType(String slug, int status) {
        this.slug = slug;
        this.status = status;
    }

    public String slug() {
        return slug;
    }

    public int status() {
        return status;
    }

    /** Whether this is the plain type of its status (not a more specific one such as login-failed). */
    boolean generic() {
        return switch (this) {
            case VETTING_REQUIRED, SIGNATURE_REJECTED, WEBHOOK_REJECTED, TRACKER_FAILED, SOURCE_REJECTED, IDEMPOTENCY_KEY_REUSED, MALFORMED_REQUEST, VALIDATION_FAILED, REPORT_UNREADABLE, ARCHIVE_REJECTED, INVALID_TRANSITION, INVALID_CURSOR, LOGIN_FAILED, CSRF_REJECTED,
                    PASSWORD_CHANGE_REQUIRED, WEAK_PASSWORD, SECOND_FACTOR_REQUIRED, SECOND_FACTOR_ENROLMENT_REQUIRED -> false;
            default -> true;
        };
    }

    public URI uri() {
        return URI.create(PREFIX + slug);
    }

    public String titleKey() {
        return "problem." + slug + ".title";
    }

    /** The type a bare HTTP status maps to when no domain exception says more. */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status && type.generic()) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : BAD_REQUEST;
    }
}
