package org.gatehouse.identity.token;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.gatehouse.identity.access.AccountId;
import org.gatehouse.platform.id.Uuid7;

/**
 * An API token of a service account: only the SHA-256 of the secret is stored; the secret is shown
 * once. Scoped, expiring, revocable; the last use (time, address) is kept.
 */
@Entity
@Table(name = "api_token")
public class ApiToken {
    @Id
    @Column(name = "id", nullable = false, updatable = false)
    private UUID id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private UUID accountId;

    @Column(name = "name", nullable = false, updatable = false)
    private String name;

    @Column(name = "token_hash", nullable = false, updatable = false)
    private byte[] tokenHash;

    @Column(name = "prefix", nullable = false, updatable = false)
    private String prefix;

    @Column(name = "scopes", nullable = false, updatable = false)
    private String scopes;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private OffsetDateTime expiresAt;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    @Column(name = "revoked_by")
    private String revokedBy;

    @Column(name = "last_used_at")
    private OffsetDateTime lastUsedAt;

    @Column(name = "last_used_address")
    private String lastUsedAddress;

    /** The id of the request-signing key ({@code gk_…}); null for a token without one (ADR 0012). */
    @Column(name = "signing_key_ref", updatable = false)
    private String signingKeyId;

    /** The HMAC key, sealed under the platform key and bound to this token's id. */
    @Column(name = "signing_key_sealed", updatable = false)
    private byte[] signingKeySealed;

    /** Space-separated source ranges the token may be used from; null: anywhere. */
    @Column(name = "allowed_sources", updatable = false)
    private String allowedSources;

    protected ApiToken() {
        // for JPA
    }

    ApiToken(AccountId account, String name, byte[] tokenHash, String prefix, Set<ApiScope> scopes, String createdBy,
            OffsetDateTime now, Duration lifetime) {
        this.id = Uuid7.next();
        this.accountId = account.value();
        this.name = name;
        this.tokenHash = tokenHash.clone();
        this.prefix = prefix;
        this.scopes = scopes.stream().map(ApiScope::id).sorted().collect(Collectors.joining(" "));
        this.createdBy = createdBy;
        this.createdAt = now;
        this.expiresAt = now.plus(lifetime);
    }

    /** Gives the token a request-signing key (before it is persisted). */
    void signWith(String keyId, byte[] sealedKey) {
        this.signingKeyId = keyId;
        this.signingKeySealed = sealedKey.clone();
    }

    /** Restricts the token to source ranges (before it is persisted); none: anywhere. */
    void restrictTo(List<SourceRange> ranges) {
        this.allowedSources = ranges.isEmpty() ? null
                : ranges.stream().map(SourceRange::toString).collect(Collectors.joining(" "));
    }

    /** The context a signing key is sealed under: this token, so a sealed key copied elsewhere does not open. */
    String sealingContext() {
        return "api-token-signing-key:" + id;
    }

    Optional<byte[]> sealedSigningKey() {
        return Optional.ofNullable(signingKeySealed).map(byte[]::clone);
    }

    boolean isUsable(OffsetDateTime now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    /** Records a use; written at most once a minute per token to spare the database. */
    void used(OffsetDateTime now, String address) {
        if (lastUsedAt == null || now.isAfter(lastUsedAt.plusMinutes(1)) || !address.equals(lastUsedAddress)) {
            lastUsedAt = now;
            lastUsedAddress = address;
        }
    }

    void revoke(OffsetDateTime now, String by) {
        if (revokedAt == null) {
            revokedAt = now;
            revokedBy = by;
        }
    }

    public UUID id() {
        return id;
    }

    public AccountId account() {
        return new AccountId(accountId);
    }

    public String name() {
        return name;
    }

    public String prefix() {
        return prefix;
    }

    public Set<ApiScope> scopes() {
        Set<ApiScope> parsed = EnumSet.noneOf(ApiScope.class);
        Arrays.stream(scopes.split(" ")).map(ApiScope::parse).flatMap(Optional::stream).forEach(parsed::add);
        return parsed;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime expiresAt() {
        return expiresAt;
    }

    public Optional<OffsetDateTime> revokedAt() {
        return Optional.ofNullable(revokedAt);
    }

    public Optional<OffsetDateTime> lastUsedAt() {
        return Optional.ofNullable(lastUsedAt);
    }

    public Optional<String> lastUsedAddress() {
        return Optional.ofNullable(lastUsedAddress);
    }

    /** The id of its request-signing key, when requests with it must be signed. */
    public Optional<String> signingKeyId() {
        return Optional.ofNullable(signingKeyId);
    }

    /** The source ranges it may be used from; empty: anywhere. */
    public List<SourceRange> allowedSources() {
        if (allowedSources == null || allowedSources.isBlank()) {
            return List.of();
        }
        return Arrays.stream(allowedSources.split(" ")).map(SourceRange::parse).flatMap(Optional::stream).toList();
    }
}
