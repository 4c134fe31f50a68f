package org.gatehouse.identity.access;

/**
 * What an endpoint may need. Each JAX-RS resource method declares exactly one (or is public);
 * {@link PermissionMatrix} says which roles hold it. Deny by default (B.2.4.2-kc).
 */
public enum Permission {
    /** Own session and password: every logged-in account. */
    SELF,
    /** List the projects one can see (the listing itself is filtered). */
    PROJECT_LIST,
    PROJECT_CREATE,
    PROJECT_READ,
    PROJECT_UPDATE,
    RELEASE_CREATE,
    RELEASE_READ,
    ACCOUNT_READ,
    /** Service accounts and API tokens of a project (CI credentials). */
    CREDENTIAL_ADMIN,
    ACCOUNT_ADMIN,
    ROLE_ADMIN,
    AUDIT_READ,
    NOTIFICATION_READ,
    /** Findings, their occurrences and history, and imports (issue 4). */
    FINDING_READ,
    /** Upload a scanner report into a release. */
    FINDING_IMPORT,
    /** Confirm, mark fixed, and request (or withdraw) a dismissal. */
    FINDING_TRIAGE,
    /** Record a manual re-test of a claimed fix (testers and security reviewers). */
    FINDING_VERIFY,
    /** Decide on requested dismissals and reopen dismissed findings (security reviewers; four-eyes rule). */
    FINDING_APPROVE,
    /** Move a release forward or back through its lifecycle and record the activities done (issue 6). */
    RELEASE_ADVANCE,
    /**
     * The CI-scoped advance (issue 7, ADR 0012): after a pushed scan, record its scan activity and move
     * out of TESTING when every gate passes on its own (no waiver). CI service accounts only, and only
     * with a token scope that asks for it; it never releases, cancels, sends back or waives.
     */
    RELEASE_ADVANCE_SCAN,
    /** Release (the move into the released phase) or cancel a release: project owners and security reviewers. */
    RELEASE_APPROVE,
    /** Read a project's API call log (TC260 7.8.3-dp): project owners and auditors. */
    API_CALL_READ,
    /** Waive a failing gate of a release, with justification and expiry (B.1.3.1-ii; security administrators). */
    GATE_WAIVE,
    /** Record a release's security requirements, test points and risk assessment (B.1.3.1-ib, 8.2). */
    REQUIREMENT_EDIT,
    /** Sign off a subject in a role one holds in the project (B.1.3.1-ib: the named parties agree). */
    SIGN_OFF,
    /** Write the verdict and conclusion of the Security Audit Report (B.1.3.1-ih/ii; security reviewers). */
    AUDIT_CONCLUDE,
    /**
     * Read the generated documents of a project's releases (C.3), within each document's distribution
     * scope: the project's people, auditors and security administrators; not administrators or CI.
     */
    DOCUMENT_READ,
    /** Create, change and remove a project's webhooks, and redeliver (issue 7; project owners). */
    WEBHOOK_ADMIN,
    /** Read a project's webhooks and their delivery log with response codes (project owners and auditors). */
    WEBHOOK_READ,
    /** Connect a project to an issue tracker, check and reconcile the connection (issue 7): project owners. */
    TRACKER_ADMIN,
    /** File findings as issues in the project's tracker (issue 7): those who triage findings. */
    TRACKER_LINK,
    /** Read the workflow definitions and their versions (issue 6, 8.1): every logged-in person. */
    WORKFLOW_READ,
    /** Publish a new version of a workflow definition (issue 6, 8.1, ADR 0023): security administrators. */
    WORKFLOW_ADMIN,
    /**
     * Govern a project's software inventory (C.4): replace its licence policy (allow and deny lists,
     * the rule for unknown licences); project owners and security administrators.
     */
    INVENTORY_MANAGE,
    /**
     * Read a project's environments, devices and register of production keys (C.2, 8.5.2): project owners,
     * auditors and security administrators.
     */
    ENVIRONMENT_READ,
    /** Record environments and devices and register production keys (C.2, 8.5.2): project owners. */
    ENVIRONMENT_ADMIN,
    /** Read a project's source-repository access grants and requests (C.4): its people, auditors, security administrators. */
    SOURCE_ACCESS_READ,
    /** Ask for access to a project's source repository (C.4): the project's people. */
    SOURCE_ACCESS_REQUEST,
    /** Approve, refuse and revoke source-repository access (C.4): project owners, never for themselves. */
    SOURCE_ACCESS_APPROVE,
    /**
     * Upload a project's documents and new versions of them, and archive them (C.3): the project's people, not
     * auditors or CI.
     */
    DOCUMENT_WRITE,
    /** Re-encrypt stored documents under the active key after a rotation (C.3; security administrators). */
    DOCUMENT_KEYS,
    /**
     * Read a project's compliance matrix and its report (issue 9, ADR 0021): project owners, security
     * reviewers, security administrators and auditors. Its own permission because the matrix gathers
     * evidence from every module (the audit chain, the identity policy, CI credentials) that no other
     * read permission of developers or testers covers.
     */
    COMPLIANCE_READ,
    /**
     * Record a person's vetting (C.1): background check, confidentiality agreement, trainings (security
     * administrators).
     */
    PERSONNEL_ADMIN,
    /**
     * Read the personnel register (C.1): a person's vetting (security administrators, auditors), and a
     * project's team with its duties, rights and prerequisite state (also the project's owners).
     */
    PERSONNEL_READ
}
