package org.gatehouse.identity.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gatehouse.identity.access.AccountId;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.RoleGrants;
import org.gatehouse.identity.account.Account;
import org.gatehouse.identity.account.AccountRepository;
import org.gatehouse.identity.account.LoginName;
import org.gatehouse.identity.account.PasswordHasher;
import org.gatehouse.identity.audit.AuditEntry;
import org.gatehouse.identity.audit.AuditTrail;
import org.gatehouse.identity.secondfactor.SecondFactorRequired;
import org.gatehouse.identity.secondfactor.SecondFactors;
import org.gatehouse.platform.time.UtcTime;
import org.gatehouse.platform.crypto.Digests;

/**
 * Login, session lookup and logout (B.1.3.2-ij..io, B.2.4.1). Login protection: a temporary lock
 * after {@code gatehouse.login.max-failures} failures of one account, a growing delay per failure,
 * and per-address throttling; every outcome is the same {@link LoginFailed} so that nobody learns
 * whether a login name exists. Each login creates a new session token (no fixation).
 */
@ApplicationScoped
@Transactional(dontRollbackOn = {LoginFailed.class, TooManyAttempts.class, SecondFactorRequired.class})
public class Sessions {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder TOKEN = Base64.getUrlEncoder().withoutPadding();
    private static final Duration TOUCH_GRANULARITY = Duration.ofSeconds(30);

    @Inject
    AccountRepository accounts;

    @Inject
    PasswordHasher hasher;

    @Inject
    RoleGrants roles;

    @Inject
    LoginThrottle throttle;

    @Inject
    SecondFactors secondFactors;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "gatehouse.login.max-failures", defaultValue = "5")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "gatehouse.login.lock-minutes", defaultValue = "15")
    int lockMinutes;

    @Inject
    @ConfigProperty(name = "gatehouse.login.address-max-failures", defaultValue = "20")
    int addressMaxFailures;

    @Inject
    @ConfigProperty(name = "gatehouse.login.address-window-minutes", defaultValue = "10")
    int addressWindowMinutes;

    @Inject
    @ConfigProperty(name = "gatehouse.login.delay-base-ms", defaultValue = "250")
    int delayBaseMillis;

    @Inject
    @ConfigProperty(name = "gatehouse.session.idle-minutes", defaultValue = "15")
    int idleMinutes;

    @Inject
    @ConfigProperty(name = "gatehouse.session.absolute-hours", defaultValue = "12")
    int absoluteHours;

    /** A successful login: the token for the cookie, the CSRF token, and what to tell the person. */
    public record LoginResult(String sessionToken, String csrfToken, Actor actor, Account.PreviousLogin previous,
            OffsetDateTime expiresAt) {
    }

    /** A live session: who, and the CSRF token changes must carry. */
    public record Active(Actor actor, String csrfToken, byte[] tokenHash) {
    }

    /**
     * @throws TooManyAttempts when the address is throttled
     * @throws LoginFailed for every other failure, with the delay to wait before answering
     */
    public LoginResult login(String loginText, String password, Optional<String> otp, String address, String userAgent) {
        OffsetDateTime now = now();
        Duration window = Duration.ofMinutes(addressWindowMinutes);
        Actor anonymous = Actor.anonymous(address);
        String target = "login:" + (loginText == null ? "" : loginText.substring(0, Math.min(64, loginText.length())));
        if (throttle.failures(address, now, window) >= addressMaxFailures) {
            audit.record(anonymous, AuditEntry.denied("login.throttled", target, "too many failed logins from this address"));
            throw new TooManyAttempts(addressWindowMinutes);
        }
        String secret = password == null ? "" : password;
        Optional<Account> found = LoginName.parse(loginText).flatMap(accounts::findForUpdate);
        if (found.isEmpty() || !found.get().canLogIn(now)) {
            hasher.verifyDecoy(secret);
            int addressFailures = throttle.recordFailure(address, now, window);
            audit.record(anonymous, AuditEntry.failed("login.failed", target,
                    found.isEmpty() ? "unknown login name" : "account locked or disabled"));
            throw new LoginFailed(delayFor(addressFailures, delayBaseMillis));
        }
        Account account = found.get();
        boolean passwordRight = hasher.verify(secret, account.passwordHash());
        if (passwordRight && account.hasSecondFactor() && otp.isEmpty()) {
            audit.record(anonymous, AuditEntry.failed("login.second-factor-missing", target, "password right, code missing"));
            throw new SecondFactorRequired();
        }
        boolean secondFactorRight = !passwordRight || !account.hasSecondFactor() || secondFactors.verify(account, otp.get());
        if (!passwordRight || !secondFactorRight) {
            boolean locked = account.recordFailedLogin(now, maxFailures, Duration.ofMinutes(lockMinutes));
            int addressFailures = throttle.recordFailure(address, now, window);
            audit.record(anonymous, AuditEntry.failed("login.failed", target,
                    passwordRight ? "wrong second factor" : "wrong password"));
            if (locked) {
                audit.record(Actor.system("login-protection"), AuditEntry.success("account.locked", "account:" + account.login(),
                        "locked for " + lockMinutes + " minutes after " + maxFailures + " failed logins"));
            }
            throw new LoginFailed(delayFor(addressFailures, delayBaseMillis));
        }
        if (hasher.needsRehash(account.passwordHash())) {
            account.upgradeHash(hasher.hash(secret));
        }
        Account.PreviousLogin previous = account.recordSuccessfulLogin(now, address);
        String token = randomToken();
        String csrf = randomToken();
        WebSession session = new WebSession(Digests.sha256(token), account.id(), csrf, now, Duration.ofHours(absoluteHours),
                address, userAgent);
        em.persist(session);
        Actor actor = actorOf(account, address);
        audit.record(actor, AuditEntry.success("login", "account:" + account.login(), "session started"));
        return new LoginResult(token, csrf, actor, previous, session.expiresAt());
    }

    /** The live session a cookie names, touched; empty when unknown, expired or its account cannot log in. */
    public Optional<Active> resolve(String token, String address) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        byte[] hash = Digests.sha256(token);
        WebSession session = em.find(WebSession.class, hash);
        if (session == null) {
            return Optional.empty();
        }
        OffsetDateTime now = now();
        if (session.isExpired(now, Duration.ofMinutes(idleMinutes))) {
            em.remove(session);
            return Optional.empty();
        }
        Optional<Account> account = accounts.find(session.account()).filter(a -> !a.disabled());
        if (account.isEmpty()) {
            em.remove(session);
            return Optional.empty();
        }
        session.touch(now, TOUCH_GRANULARITY);
        return Optional.of(new Active(actorOf(account.get(), address), session.csrfToken(), hash));
    }

    public void logout(Actor actor, byte[] tokenHash) {
        WebSession session = em.find(WebSession.class, tokenHash);
        if (session != null) {
            em.remove(session);
            audit.record(actor, AuditEntry.success("logout", "account:" + actor.name(), "session ended"));
        }
    }

    /** Ends every session of an account but the given one (after a password change). */
    public int endOtherSessions(AccountId account, byte[] keep) {
        return em.createQuery("delete from WebSession s where s.accountId = :account and s.tokenHash <> :keep")
                .setParameter("account", account.value()).setParameter("keep", keep).executeUpdate();
    }

    private Actor actorOf(Account account, String address) {
        RoleGrants.Roles granted = roles.rolesOf(account.id());
        Optional<Actor.Restriction> restriction = Optional.empty();
        if (account.mustChangePassword()) {
            restriction = Optional.of(Actor.Restriction.PASSWORD_CHANGE);
        } else if (!account.hasSecondFactor() && secondFactors.requiredFor(granted.all())) {
            restriction = Optional.of(Actor.Restriction.SECOND_FACTOR_ENROLMENT);
        }
        return new Actor(Optional.of(account.id()), account.login().value(), account.kind(), granted.global(),
                granted.projects(), address, restriction);
    }

    /** The base delay (250 ms by default) after the first failure from an address, doubling, at most 8 times the base. */
    static Duration delayFor(int failures, int baseMillis) {
        return Duration.ofMillis((long) baseMillis << Math.min(3, Math.max(0, failures - 1)));
    }

    private OffsetDateTime now() {
        return UtcTime.now(clock);
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return TOKEN.encodeToString(bytes);
    }

}
