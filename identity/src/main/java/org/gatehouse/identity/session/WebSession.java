package org.gatehouse.identity.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.gatehouse.identity.access.AccountId;

/**
 * A browser session, kept on the server. The cookie carries a random token; only its SHA-256 is
 * stored, so a copy of the table opens no session. Sessions end after an idle period and at an
 * absolute time, whichever comes first.
 */
@Entity
@Table(name = "web_session")
public class WebSession {
    @Id
    @Column(name = "token_hash", nullable = false, updatable = false)
    private byte[] tokenHash;

    @Column(name = "account_id", nullable = false, updatable = false)
    private UUID accountId;

    @Column(name = "csrf_token", nullable = false, updatable = false)
    private String csrfToken;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "last_seen_at", nullable = false)
    private OffsetDateTime lastSeenAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private OffsetDateTime expiresAt;

    @Column(name = "address", nullable = false, updatable = false)
    private String address;

    @Column(name = "user_agent", updatable = false)
    private String userAgent;

    protected WebSession() {
        // for JPA
    }

    WebSession(byte[] tokenHash, AccountId account, String csrfToken, OffsetDateTime now, Duration absolute, String address,
            String userAgent) {
        this.tokenHash = tokenHash.clone();
        this.accountId = account.value();
        this.csrfToken = csrfToken;
        this.createdAt = now;
        this.lastSeenAt = now;
        this.expiresAt = now.plus(absolute);
        this.address = address;
        this.userAgent = userAgent == null ? null : userAgent.substring(0, Math.min(400, userAgent.length()));
    }

    boolean isExpired(OffsetDateTime now, Duration idle) {
        return !now.isBefore(expiresAt) || !now.isBefore(lastSeenAt.plus(idle));
    }

    /** Marks activity; written at most every {@code granularity} to spare the database. */
    boolean touch(OffsetDateTime now, Duration granularity) {
        if (now.isAfter(lastSeenAt.plus(granularity))) {
            lastSeenAt = now;
            return true;
        }
        return false;
    }

    AccountId account() {
        return new AccountId(accountId);
    }

    String csrfToken() {
        return csrfToken;
    }

    OffsetDateTime expiresAt() {
        return expiresAt;
    }
}
