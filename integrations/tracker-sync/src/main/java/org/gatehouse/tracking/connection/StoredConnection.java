package org.gatehouse.tracking.connection;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import org.gatehouse.identity.secondfactor.SecretBox;
import org.gatehouse.issuetracker.api.IssueTracker;
import org.gatehouse.issuetracker.api.TrackerCredential;
import org.gatehouse.issuetracker.api.TrackerTarget;
import org.gatehouse.workflow.api.ProjectKey;

/** A connection row as stored: the credential and the webhook secret only sealed. */
public record StoredConnection(ConnectionId id, ProjectKey project, String tracker, URI baseUrl, String container,
        Map<String, String> options, TrackerLanguage language, String authKind, Optional<String> authUser,
        byte[] credentialSealed, byte[] webhookSecretSealed, OffsetDateTime updatedAt, String updatedBy,
        Optional<OffsetDateTime> reconciledUntil, Optional<String> lastError, Optional<OffsetDateTime> lastErrorAt) {

    static String credentialContext(ConnectionId id) {
        return "tracker-credential:" + id;
    }

    static String secretContext(ConnectionId id) {
        return "tracker-webhook-secret:" + id;
    }

    /** The target the adapter calls, with the credential opened (kept in memory for the call only). */
    public TrackerTarget target(SecretBox secrets) {
        String token = new String(secrets.open(credentialSealed, credentialContext(id)), StandardCharsets.UTF_8);
        TrackerCredential credential = authKind.equals("basic") ? new TrackerCredential.Basic(authUser.orElse(""), token)
                : new TrackerCredential.Bearer(token);
        return new TrackerTarget(baseUrl, container, credential, options);
    }

    /** The webhook secret, opened. */
    public byte[] webhookSecret(SecretBox secrets) {
        return secrets.open(webhookSecretSealed, secretContext(id));
    }

    /** A connection with its adapter, ready to call. */
    public record Resolved(StoredConnection stored, IssueTracker tracker, TrackerTarget target) {
        /** The actor name that stands for this tracker's issue in the audit trail and the finding's history. */
        public String actorFor(String issueKey) {
            return "issue-tracker:" + stored.tracker() + ":" + stored.container() + "#" + issueKey;
        }
    }
}
