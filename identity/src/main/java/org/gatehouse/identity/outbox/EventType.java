package org.gatehouse.identity.outbox;

import java.util.Arrays;
import java.util.Optional;

/**
 * What the outbox announces (issue 7). The names are the stable wire values of webhook payloads,
 * subscriptions and e-mail preferences.
 */
public enum EventType {
    RELEASE_PHASE_CHANGED("release.phase-changed", true),
    GATE_BLOCKED("gate.blocked", true),
    FINDINGS_CHANGED("findings.changed", true),
    SLA_BREACHED("finding.sla-breached", true),
    RISK_ACCEPTANCE_EXPIRING("risk-acceptance.expiring", true),
    RISK_ACCEPTANCE_EXPIRED("risk-acceptance.expired", true),
    SIGN_OFF_REQUESTED("sign-off.requested", true),
    /** A project's documents passed the warning share of their storage quota (7.8.6-ej): for its owners. */
    DOCUMENTS_QUOTA_WARNING("documents.quota-warning", true),
    /** C.1: a project role was suspended because a vetting prerequisite of its holder lapsed (for the project's owners). */
    ROLE_SUSPENDED("role.suspended", true),
    /** C.1: a suspended project role holds again, its prerequisites renewed. */
    ROLE_REINSTATED("role.reinstated", true),
    /** Repeated denied requests of one account (B.2.4.3-kf): for security administrators, no project. */
    ACCESS_DENIED_ALERT("access.denied-alert", false);

    private final String wireName;
    private final boolean projectScoped;

    EventType(String wireName, boolean projectScoped) {
        this.wireName = wireName;
        this.projectScoped = projectScoped;
    }

    public String wireName() {
        return wireName;
    }

    /** Whether the event belongs to one project (webhooks are per project). */
    public boolean projectScoped() {
        return projectScoped;
    }

    public static Optional<EventType> of(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
