package org.gatehouse.issuetracker.api;

import java.time.Instant;
import java.util.Optional;

/**
 * An issue tracker Gatehouse files findings in (issue 7, ADR 0016). Found through
 * {@code META-INF/services}; stateless and thread-safe; pure: every call is HTTP through the given
 * {@link TrackerHttp} (timeouts, size caps, no redirects, the outbound address policy), never a
 * database or container service. The core persists links and decides what a state means for a finding.
 */
public interface IssueTracker {

    /** The stable kebab-case id ({@code jira}, {@code github}), the display name and the webhook signature header. */
    TrackerDescriptor descriptor();

    /** Refuses a target this tracker cannot address (container format, options); says why. */
    void validate(TrackerTarget target) throws InvalidTarget;

    /** Whether the tracker answers with these credentials and the container exists: who we are there. */
    String check(TrackerHttp http, TrackerTarget target) throws TrackerCallFailed;

    /** Files a new issue; returns it as the tracker now holds it. */
    ExternalIssue create(TrackerHttp http, TrackerTarget target, IssueDraft draft) throws TrackerCallFailed;

    /** Adds a comment to an issue. */
    void comment(TrackerHttp http, TrackerTarget target, String issueKey, IssueText text) throws TrackerCallFailed;

    /** The issue's current state. */
    ExternalIssue read(TrackerHttp http, TrackerTarget target, String issueKey) throws TrackerCallFailed;

    /**
     * Issues of the target labelled {@code gatehouse} changed at or after {@code since} (for the
     * periodic reconcile); at most {@code limit}, oldest change first where the tracker can sort.
     */
    ChangedIssues changedSince(TrackerHttp http, TrackerTarget target, Instant since, int limit) throws TrackerCallFailed;

    /**
     * The issue a webhook delivery reports, once the core has checked its signature; empty for events
     * that carry no issue state (comments, other containers, pull requests).
     *
     * @throws TrackerCallFailed with {@link TrackerCallFailed.Problem#BAD_RESPONSE} when the body is not such an event
     */
    Optional<ExternalIssue> webhookIssue(TrackerTarget target, WebhookDelivery delivery) throws TrackerCallFailed;
}
