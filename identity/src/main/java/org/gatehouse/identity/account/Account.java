package org.gatehouse.identity.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.gatehouse.identity.access.AccountId;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.platform.id.Uuid7;

/**
 * A local account. People log in with a password (B.1.3.2-ij..io); service accounts (CI) use API
 * tokens. The account keeps the facts of the login protection: failures, lock, and what the next
 * successful login must be told about (io).
 */
@Entity
@Table(name = "account")
public class Account {
    @Id
    @Column(name = "id", nullable = false, updatable = false)
    private UUID id;

    @Column(name = "login", nullable = false, updatable = false)
    private String login;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "email")
    private String email;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, updatable = false)
    private Actor.Kind kind;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    @Column(name = "disabled", nullable = false)
    private boolean disabled;

    @Column(name = "failed_attempts", nullable = false)
    private int failedAttempts;

    @Column(name = "locked_until")
    private OffsetDateTime lockedUntil;

    @Column(name = "last_login_at")
    private OffsetDateTime lastLoginAt;

    @Column(name = "last_login_address")
    private String lastLoginAddress;

    @Column(name = "failures_since_login", nullable = false)
    private int failuresSinceLogin;

    @Column(name = "password_changed_at")
    private OffsetDateTime passwordChangedAt;

    @Column(name = "project_key", updatable = false)
    private String projectKey;

    @Column(name = "totp_secret_enc")
    private byte[] totpSecretSealed;

    @Column(name = "totp_pending_enc")
    private byte[] totpPendingSealed;

    @Column(name = "totp_enabled_at")
    private OffsetDateTime totpEnabledAt;

    @Column(name = "totp_last_step", nullable = false)
    private long totpLastStep;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected Account() {
        // for JPA
    }

    /** A person whose first password was set by someone else, so it must be changed at first login. */
    public static Account person(LoginName login, String displayName, Optional<String> email, String passwordHash,
            String createdBy, OffsetDateTime now) {
        Account account = new Account();
        account.id = Uuid7.next();
        account.login = login.value();
        account.displayName = requireText(displayName, 200, "display name");
        account.email = email.map(String::strip).filter(e -> !e.isEmpty()).orElse(null);
        account.kind = Actor.Kind.PERSON;
        account.passwordHash = passwordHash;
        account.mustChangePassword = true;
        account.createdAt = now;
        account.createdBy = createdBy;
        return account;
    }

    /** A service account of one project (CI); it has no password and authenticates with API tokens. */
    public static Account service(LoginName login, String displayName, String projectKey, String createdBy,
            OffsetDateTime now) {
        Account account = new Account();
        account.id = Uuid7.next();
        account.login = login.value();
        account.displayName = requireText(displayName, 200, "display name");
        account.kind = Actor.Kind.SERVICE;
        account.mustChangePassword = false;
        account.projectKey = projectKey;
        account.createdAt = now;
        account.createdBy = createdBy;
        return account;
    }

    private static String requireText(String value, int max, String what) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty() || stripped.length() > max) {
            throw new IllegalArgumentException(what + " must have 1 to " + max + " characters");
        }
        return stripped;
    }

    public boolean isLocked(OffsetDateTime now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public boolean canLogIn(OffsetDateTime now) {
        return kind == Actor.Kind.PERSON && !disabled && !isLocked(now);
    }

    /**
     * Counts a failed login and locks the account for {@code lock} once {@code maxFailures} is reached.
     *
     * @return whether this failure locked the account
     */
    public boolean recordFailedLogin(OffsetDateTime now, int maxFailures, Duration lock) {
        failedAttempts++;
        failuresSinceLogin++;
        if (failedAttempts >= maxFailures) {
            lockedUntil = now.plus(lock);
            failedAttempts = 0;
            return true;
        }
        return false;
    }

    /**
     * Records a successful login.
     *
     * @return what the person is told about before this login (B.1.3.2-io)
     */
    public PreviousLogin recordSuccessfulLogin(OffsetDateTime now, String address) {
        PreviousLogin previous = new PreviousLogin(Optional.ofNullable(lastLoginAt), Optional.ofNullable(lastLoginAddress),
                failuresSinceLogin);
        lastLoginAt = now;
        lastLoginAddress = address;
        failuresSinceLogin = 0;
        failedAttempts = 0;
        lockedUntil = null;
        return previous;
    }

    public void changePassword(String newHash, OffsetDateTime now) {
        passwordHash = newHash;
        passwordChangedAt = now;
        mustChangePassword = false;
    }

    /** A password that someone else chose (a reset by an administrator) must be replaced at next login. */
    public void resetPassword(String newHash, OffsetDateTime now) {
        passwordHash = newHash;
        passwordChangedAt = now;
        mustChangePassword = true;
        lockedUntil = null;
        failedAttempts = 0;
    }

    /** Keeps a new TOTP secret (sealed) until a first code proves the authenticator app has it. */
    public void startTotpEnrolment(byte[] sealedSecret) {
        totpPendingSealed = sealedSecret.clone();
    }

    /** The pending secret becomes the second factor; {@code step} is the step of the proving code. */
    public void confirmTotp(OffsetDateTime now, long step) {
        if (totpPendingSealed == null) {
            throw new IllegalStateException("no enrolment pending");
        }
        totpSecretSealed = totpPendingSealed;
        totpPendingSealed = null;
        totpEnabledAt = now;
        totpLastStep = step;
    }

    /** Marks a TOTP step as used: its code, and every earlier one, is refused from now on. */
    public void useTotpStep(long step) {
        totpLastStep = Math.max(totpLastStep, step);
    }

    public boolean hasSecondFactor() {
        return totpSecretSealed != null;
    }

    public Optional<byte[]> totpSecretSealed() {
        return Optional.ofNullable(totpSecretSealed).map(byte[]::clone);
    }

    public Optional<byte[]> totpPendingSealed() {
        return Optional.ofNullable(totpPendingSealed).map(byte[]::clone);
    }

    public long totpLastStep() {
        return totpLastStep;
    }

    /** Re-hashes with current parameters after a successful verification (no change for the user). */
    public void upgradeHash(String newHash) {
        passwordHash = newHash;
    }

    public AccountId id() {
        return new AccountId(id);
    }

    public LoginName login() {
        return new LoginName(login);
    }

    public String displayName() {
        return displayName;
    }

    public Optional<String> email() {
        return Optional.ofNullable(email);
    }

    public Actor.Kind kind() {
        return kind;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    public boolean disabled() {
        return disabled;
    }

    public Optional<OffsetDateTime> lockedUntil() {
        return Optional.ofNullable(lockedUntil);
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    /** The project of a service account. */
    public Optional<String> projectKey() {
        return Optional.ofNullable(projectKey);
    }

    /** When and from where the previous successful login came, and how many failures followed it. */
    public record PreviousLogin(Optional<OffsetDateTime> at, Optional<String> address, int failedAttemptsSince) {
    }
}
