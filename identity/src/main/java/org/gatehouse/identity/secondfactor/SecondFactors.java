package org.gatehouse.identity.secondfactor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gatehouse.identity.access.AccessDenied;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.identity.access.Role;
import org.gatehouse.identity.account.Account;
import org.gatehouse.identity.account.AccountRepository;
import org.gatehouse.identity.audit.AuditEntry;
import org.gatehouse.identity.audit.AuditTrail;
import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;
import org.gatehouse.platform.time.UtcTime;
import org.gatehouse.platform.crypto.Digests;

/**
 * The second factor (B.1.3.2-ij: dynamic one-time passwords): TOTP enrolment proved by a first
 * code, ten one-time recovery codes (stored as SHA-256), verification at login with replay
 * protection, and which roles require it ({@code gatehouse.mfa.required-roles}; by default
 * administrators, security administrators and security reviewers; {@code NONE} for none).
 */
@ApplicationScoped
@Transactional
public class SecondFactors {
    static final String ISSUER = "Gatehouse";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int RECOVERY_CODES = 10;

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    AccountRepository accounts;

    @Inject
    SecretBox box;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "gatehouse.mfa.required-roles", defaultValue = "ADMINISTRATOR,SECURITY_ADMINISTRATOR,SECURITY_REVIEWER")
    String requiredRoles;

    /** What the authenticator app needs: the secret (also as an otpauth URI for a QR code). */
    public record Enrolment(String secret, String otpauthUri) {
    }

    /** Whether an account with these roles must have a second factor. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean requiredFor(Set<Role> roles) {
        if (requiredRoles.isBlank() || requiredRoles.strip().equalsIgnoreCase("NONE")) {
            return false;
        }
        Set<Role> required = EnumSet.noneOf(Role.class);
        Arrays.stream(requiredRoles.split(",")).map(String::strip).filter(r -> !r.isEmpty()).map(Role::valueOf)
                .forEach(required::add);
        return roles.stream().anyMatch(required::contains);
    }

    public Enrolment begin(Actor self) {
        Account account = own(self);
        byte[] secret = new byte[20];
        RANDOM.nextBytes(secret);
        account.startTotpEnrolment(box.seal(secret, context(account)));
        audit.record(self, AuditEntry.success("second-factor.enrolment-started", "account:" + account.login(),
                "TOTP secret issued; waiting for the first code"));
        return new Enrolment(Totp.base32(secret), Totp.otpauthUri(ISSUER, account.login().value(), secret));
    }

    /**
     * Activates the pending TOTP secret when {@code code} matches it.
     *
     * @return the recovery codes, shown this once
     */
    public List<String> confirm(Actor self, String code) {
        Account account = own(self);
        byte[] pending = account.totpPendingSealed().map(sealed -> box.open(sealed, context(account)))
                .orElseThrow(NoEnrolmentPending::new);
        OffsetDateTime now = UtcTime.now(clock);
        OptionalLong step = Totp.match(pending, code, Totp.step(now.toEpochSecond()), 0);
        if (step.isEmpty()) {
            audit.recordAlone(self, AuditEntry.failed("second-factor.enrolment", "account:" + account.login(), "wrong code"));
            throw new WrongCode();
        }
        account.confirmTotp(now, step.getAsLong());
        em.createNativeQuery("DELETE FROM recovery_code WHERE account_id = ?1").setParameter(1, account.id().value())
                .executeUpdate();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String recovery = recoveryCode();
            codes.add(recovery);
            em.createNativeQuery("INSERT INTO recovery_code (account_id, code_hash, created_at) VALUES (?1, ?2, ?3)")
                    .setParameter(1, account.id().value()).setParameter(2, Digests.sha256(normalise(recovery)))
                    .setParameter(3, now).executeUpdate();
        }
        audit.record(self, AuditEntry.success("second-factor.enrolled", "account:" + account.login(),
                "TOTP active; " + RECOVERY_CODES + " recovery codes issued"));
        return codes;
    }

    /** Checks a login's second factor: a fresh TOTP code, or an unused recovery code (then used up). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean verify(Account account, String otp) {
        byte[] secret = account.totpSecretSealed().map(sealed -> box.open(sealed, context(account))).orElseThrow();
        OffsetDateTime now = UtcTime.now(clock);
        OptionalLong step = Totp.match(secret, otp == null ? null : otp.strip(), Totp.step(now.toEpochSecond()),
                account.totpLastStep());
        if (step.isPresent()) {
            account.useTotpStep(step.getAsLong());
            return true;
        }
        if (otp == null || otp.length() > 40) {
            return false;
        }
        int used = em.createNativeQuery("UPDATE recovery_code SET used_at = ?1 WHERE account_id = ?2 AND code_hash = ?3"
                        + " AND used_at IS NULL")
                .setParameter(1, now).setParameter(2, account.id().value()).setParameter(3, Digests.sha256(normalise(otp)))
                .executeUpdate();
        return used == 1;
    }

    private Account own(Actor self) {
        if (self.kind() != Actor.Kind.PERSON) {
            throw new AccessDenied(Permission.SELF);
        }
        return self.account().flatMap(accounts::find).orElseThrow(() -> new AccessDenied(Permission.SELF));
    }

    private static String context(Account account) {
        return "totp:" + account.id();
    }

    private static String recoveryCode() {
        byte[] bytes = new byte[10];
        RANDOM.nextBytes(bytes);
        String code = Totp.base32(bytes);
        return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8, 12) + "-" + code.substring(12, 16);
    }

    static String normalise(String code) {
        return code.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
    }


    /** Confirming without having begun. */
    public static final class NoEnrolmentPending extends DomainException {
        private static final long serialVersionUID = 1L;

        NoEnrolmentPending() {
            super(ProblemType.CONFLICT, "totp.no-enrolment");
        }
    }

    /** The code does not match the new secret. */
    public static final class WrongCode extends DomainException {
        private static final long serialVersionUID = 1L;

        WrongCode() {
            super(ProblemType.BAD_REQUEST, "totp.wrong-code");
        }
    }

    /** The code a login sent, if it sent one (blank counts as none). */
    public static Optional<String> code(String otp) {
        return Optional.ofNullable(otp).map(String::strip).filter(o -> !o.isEmpty());
    }
}
