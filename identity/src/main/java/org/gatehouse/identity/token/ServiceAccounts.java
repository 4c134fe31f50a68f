package org.gatehouse.identity.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gatehouse.identity.access.AccessDenied;
import org.gatehouse.identity.access.AccountId;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.secondfactor.SecretBox;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.identity.access.Role;
import org.gatehouse.identity.access.RoleGrant;
import org.gatehouse.identity.access.RoleGrants;
import org.gatehouse.identity.account.Account;
import org.gatehouse.identity.account.AccountRepository;
import org.gatehouse.identity.account.LoginName;
import org.gatehouse.identity.audit.AuditEntry;
import org.gatehouse.identity.audit.AuditTrail;
import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;
import org.gatehouse.platform.sql.SqlStates;
import org.gatehouse.platform.time.UtcTime;
import org.gatehouse.workflow.api.ProjectKey;
import org.gatehouse.platform.crypto.Digests;

/**
 * Machine credentials for CI and the CLI (7.8.3): service accounts of one project with the
 * {@code CI_SERVICE} role, and their API tokens: high-entropy ({@code gh_} + 256 random bits),
 * shown once, stored as SHA-256, scoped, expiring (default 90 days, at most
 * {@code gatehouse.token.max-days}), revocable. Bearer authentication resolves them here.
 */
@ApplicationScoped
@Transactional
public class ServiceAccounts {
    public static final String TOKEN_PREFIX = "gh_";
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    AccountRepository accounts;

    @Inject
    RoleGrants roles;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "gatehouse.token.default-days", defaultValue = "90")
    int defaultDays;

    @Inject
    @ConfigProperty(name = "gatehouse.token.max-days", defaultValue = "365")
    int maxDays;

    @Inject
    SecretBox secrets;

    /** A new token: the secret (and its request-signing key, base64) is here once and nowhere else. */
    public record Issued(ApiToken token, String secret, Optional<String> signingKey) {
    }

    /**
     * A token presented with a request: who it stands for (limited to its scopes), its project, its
     * opened signing key if requests with it must be signed, and where it may be used from.
     */
    public record TokenUse(Actor actor, UUID tokenId, String tokenPrefix, AccountId account, ProjectKey project,
            Optional<String> signingKeyId, Optional<byte[]> signingKey, List<SourceRange> allowedSources) {

        /** Whether the request's address lies in one of the token's source ranges (or it has none). */
        public boolean fromAllowedSource() {
            return allowedSources.isEmpty() || allowedSources.stream().anyMatch(r -> r.contains(actor.address()));
        }
    }

    public Account create(Actor by, ProjectKey project, String name) {
        require(by, project);
        LoginName login = LoginName.parse(("ci-" + project.value() + "-" + name).toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new InvalidName(name));
        if (accounts.find(login).isPresent()) {
            throw new Duplicate(login.value());
        }
        OffsetDateTime now = UtcTime.now(clock);
        Account account = Account.service(login, "CI " + name + " (" + project + ")", project.value(), by.name(), now);
        try {
            accounts.add(account);
            em.flush();
            em.persist(RoleGrant.of(account.id(), Role.CI_SERVICE, Optional.of(project), by.name(), now));
            em.flush();
        } catch (PersistenceException e) {
            if (SqlStates.isUniqueViolation(e)) {
                throw new Duplicate(login.value());
            }
            throw e;
        }
        audit.record(by, AuditEntry.success("service-account.created", "account:" + login, "CI service account of " + project));
        return account;
    }

    public Issued issue(Actor by, ProjectKey project, String login, String name, Set<ApiScope> scopes,
            Optional<Integer> days) {
        return issue(by, project, login, name, scopes, days, false, List.of());
    }

    /**
     * Issues a token; {@code signed} gives it an HMAC key (every request with it must then be signed,
     * ADR 0012), {@code sources} restricts it to address ranges (IPv4/IPv6 CIDR, at most 20).
     */
    public Issued issue(Actor by, ProjectKey project, String login, String name, Set<ApiScope> scopes,
            Optional<Integer> days, boolean signed, List<String> sources) {
        List<SourceRange> ranges = new java.util.ArrayList<>();
        for (String source : sources) {
            ranges.add(SourceRange.parse(source).orElseThrow(() -> new InvalidSource(source)));
        }
        if (ranges.size() > 20) {
            throw new InvalidSource(sources.get(20));
        }
        Account account = serviceAccount(by, project, login);
        int lifetime = days.orElse(defaultDays);
        if (lifetime < 1 || lifetime > maxDays) {
            throw new InvalidLifetime(maxDays);
        }
        if (scopes.isEmpty()) {
            throw new InvalidScopes();
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        ApiToken token = new ApiToken(account.id(), name, Digests.sha256(secret), secret.substring(0, 10), scopes, by.name(),
                UtcTime.now(clock), Duration.ofDays(lifetime));
        Optional<String> signingKey = Optional.empty();
        if (signed) {
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            byte[] keyId = new byte[8];
            RANDOM.nextBytes(keyId);
            token.signWith("gk_" + java.util.HexFormat.of().formatHex(keyId), secrets.seal(key, token.sealingContext()));
            signingKey = Optional.of(Base64.getEncoder().encodeToString(key));
        }
        token.restrictTo(ranges);
        em.persist(token);
        audit.record(by, AuditEntry.success("token.issued", "account:" + login, "token " + token.prefix() + " ("
                + scopes.stream().map(ApiScope::id).sorted().collect(Collectors.joining(" ")) + "), expires "
                + token.expiresAt() + (signed ? ", signed requests (key " + token.signingKeyId().orElseThrow() + ")" : "")
                + (ranges.isEmpty() ? "" : ", from " + token.allowedSources().stream().map(SourceRange::toString)
                        .collect(Collectors.joining(" ")))));
        return new Issued(token, secret, signingKey);
    }

    public void revoke(Actor by, ProjectKey project, String login, String tokenId) {
        Account account = serviceAccount(by, project, login);
        ApiToken token = parse(tokenId).map(id -> em.find(ApiToken.class, id))
                .filter(t -> t.account().equals(account.id()))
                .orElseThrow(() -> new TokenNotFound());
        token.revoke(UtcTime.now(clock), by.name());
        audit.record(by, AuditEntry.success("token.revoked", "account:" + login, "token " + token.prefix()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Account> list(Actor by, ProjectKey project) {
        require(by, project);
        return em.createQuery("select a from Account a where a.projectKey = :project order by a.login", Account.class)
                .setParameter("project", project.value()).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ApiToken> tokensOf(Account account) {
        return em.createQuery("select t from ApiToken t where t.accountId = :account order by t.createdAt", ApiToken.class)
                .setParameter("account", account.id().value()).getResultList();
    }

    /**
     * The actor a bearer token stands for, limited to the token's scopes; empty when the token is
     * unknown, expired or revoked, or its account is disabled.
     */
    public Optional<Actor> authenticate(String secret, String address) {
        return resolve(secret, address).map(TokenUse::actor);
    }

    /**
     * The token a bearer secret stands for, with what the request checks need; empty when the token
     * is unknown, expired or revoked, or its account is disabled. Source ranges and signatures are
     * the caller's to check (ADR 0012).
     */
    public Optional<TokenUse> resolve(String secret, String address) {
        if (secret == null || !secret.startsWith(TOKEN_PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        List<ApiToken> found = em.createQuery("select t from ApiToken t where t.tokenHash = :hash", ApiToken.class)
                .setParameter("hash", Digests.sha256(secret)).getResultList();
        OffsetDateTime now = UtcTime.now(clock);
        if (found.isEmpty() || !found.get(0).isUsable(now)) {
            return Optional.empty();
        }
        ApiToken token = found.get(0);
        Optional<Account> account = accounts.find(token.account()).filter(a -> !a.disabled());
        if (account.isEmpty()) {
            return Optional.empty();
        }
        token.used(now, address);
        RoleGrants.Roles granted = roles.rolesOf(account.get().id());
        Set<Permission> scope = token.scopes().stream().flatMap(s -> s.permissions().stream()).collect(Collectors.toSet());
        Actor actor = new Actor(Optional.of(account.get().id()), account.get().login().value(), Actor.Kind.SERVICE,
                granted.global(), granted.projects(), address, Optional.empty(), Optional.of(scope));
        Optional<byte[]> signingKey = token.sealedSigningKey().map(sealed -> secrets.open(sealed, token.sealingContext()));
        return Optional.of(new TokenUse(actor, token.id(), token.prefix(), account.get().id(),
                new ProjectKey(account.get().projectKey().orElseThrow()), token.signingKeyId(), signingKey,
                token.allowedSources()));
    }

    private Account serviceAccount(Actor by, ProjectKey project, String login) {
        require(by, project);
        return LoginName.parse(login).flatMap(accounts::find)
                .filter(a -> a.projectKey().filter(project.value()::equals).isPresent())
                .orElseThrow(() -> new NotFound(login));
    }

    private static void require(Actor by, ProjectKey project) {
        if (!by.may(Permission.CREDENTIAL_ADMIN, project)) {
            throw new AccessDenied(Permission.CREDENTIAL_ADMIN);
        }
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }


    /** The service account name does not make a valid login name. */
    public static final class InvalidName extends DomainException {
        private static final long serialVersionUID = 1L;

        InvalidName(String name) {
            super(ProblemType.BAD_REQUEST, "service.invalid-name", name);
        }
    }

    /** A service account of that name exists. */
    public static final class Duplicate extends DomainException {
        private static final long serialVersionUID = 1L;

        Duplicate(String login) {
            super(ProblemType.CONFLICT, "service.duplicate", login);
        }
    }

    /** No service account of that name in that project. */
    public static final class NotFound extends DomainException {
        private static final long serialVersionUID = 1L;

        NotFound(String login) {
            super(ProblemType.NOT_FOUND, "service.not-found", login);
        }
    }

    /** No such token on that account. */
    public static final class TokenNotFound extends DomainException {
        private static final long serialVersionUID = 1L;

        TokenNotFound() {
            super(ProblemType.NOT_FOUND, "token.not-found");
        }
    }

    /** The lifetime is out of bounds. */
    public static final class InvalidLifetime extends DomainException {
        private static final long serialVersionUID = 1L;

        InvalidLifetime(int max) {
            super(ProblemType.BAD_REQUEST, "token.invalid-lifetime", max);
        }
    }

    /** A source range that is not an IPv4 or IPv6 address with an optional prefix length. */
    public static final class InvalidSource extends DomainException {
        private static final long serialVersionUID = 1L;

        InvalidSource(String source) {
            super(ProblemType.BAD_REQUEST, "token.invalid-source", source);
        }
    }

    /** A token needs at least one known scope. */
    public static final class InvalidScopes extends DomainException {
        private static final long serialVersionUID = 1L;

        InvalidScopes() {
            super(ProblemType.BAD_REQUEST, "token.invalid-scopes");
        }
    }
}
