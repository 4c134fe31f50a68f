package org.gatehouse.identity.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.gatehouse.identity.access.AccessDenied;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.identity.audit.AuditEntry;
import org.gatehouse.identity.audit.AuditTrail;
import org.gatehouse.identity.session.Sessions;
import org.gatehouse.platform.paging.Page;
import org.gatehouse.platform.paging.PageCursor;
import org.gatehouse.platform.time.UtcTime;

/**
 * Accounts are created by an administrator (no self-registration, B.1.3.2-ij); the first password
 * is one-time and must be changed at first login. Every change is audited in the same transaction.
 */
@ApplicationScoped
@Transactional
public class Accounts {
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    AccountRepository repository;

    @Inject
    PasswordHasher hasher;

    @Inject
    PasswordPolicy policy;

    @Inject
    AuditTrail audit;

    @Inject
    Sessions sessions;

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    /** A new person account; the one-time password is the given one or a generated one, returned once. */
    public Created createPerson(Actor by, LoginName login, String displayName, Optional<String> email,
            Optional<String> initialPassword) {
        require(by, Permission.ACCOUNT_ADMIN);
        if (repository.find(login).isPresent()) {
            throw new DuplicateLogin(login.value());
        }
        String password = initialPassword.orElseGet(() -> generatePassword(policy.minimumLength() + 4));
        policy.check(password, login);
        Account account = Account.person(login, displayName, email, hasher.hash(password), by.name(), now());
        repository.add(account);
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw new DuplicateLogin(login.value());
        }
        audit.record(by, AuditEntry.success("account.created", "account:" + login, "person account created; "
                + "password change required at first login"));
        return new Created(account, initialPassword.isPresent() ? Optional.empty() : Optional.of(password));
    }

    /**
     * Changes one's own password after checking the current one; ends every other session of the
     * account so that a stolen session dies with the old password.
     */
    public void changeOwnPassword(Actor self, String currentPassword, String newPassword, byte[] keepSession) {
        Account account = self.account().flatMap(repository::find)
                .orElseThrow(() -> new AccessDenied(Permission.SELF));
        if (!hasher.verify(currentPassword == null ? "" : currentPassword, account.passwordHash())) {
            audit.recordAlone(self, AuditEntry.failed("password.change", "account:" + account.login(),
                    "current password wrong"));
            throw new WrongPassword();
        }
        policy.check(newPassword, account.login());
        if (hasher.verify(newPassword, account.passwordHash())) {
            throw new PasswordReused();
        }
        account.changePassword(hasher.hash(newPassword), now());
        sessions.endOtherSessions(account.id(), keepSession);
        audit.record(self, AuditEntry.success("password.change", "account:" + account.login(), "password changed"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Account get(Actor by, String login) {
        require(by, Permission.ACCOUNT_READ);
        return LoginName.parse(login).flatMap(repository::find).orElseThrow(() -> new AccountNotFound(login));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Account> list(Actor by, Optional<String> cursor, int limit) {
        require(by, Permission.ACCOUNT_READ);
        return repository.page(cursor.map(c -> PageCursor.decode(c, AccountRepository.LISTING, 1)), limit);
    }

    static String generatePassword(int length) {
        while (true) {
            StringBuilder password = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                password.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
            }
            String candidate = password.toString();
            if (candidate.chars().anyMatch(Character::isDigit) && candidate.chars().anyMatch(Character::isUpperCase)
                    && candidate.chars().anyMatch(Character::isLowerCase)) {
                return candidate;
            }
        }
    }

    private static void require(Actor actor, Permission permission) {
        if (!actor.may(permission)) {
            throw new AccessDenied(permission);
        }
    }

    private OffsetDateTime now() {
        return UtcTime.now(clock);
    }

    /** The new account and, when Gatehouse chose it, the one-time password to hand over. */
    public record Created(Account account, Optional<String> generatedPassword) {
    }

    /** The current password given with a change was wrong. */
    public static final class WrongPassword extends org.gatehouse.platform.error.DomainException {
        private static final long serialVersionUID = 1L;

        WrongPassword() {
            super(org.gatehouse.platform.error.ProblemType.BAD_REQUEST, "password.wrong-current");
        }
    }

    /** The new password is the old one. */
    public static final class PasswordReused extends org.gatehouse.platform.error.DomainException {
        private static final long serialVersionUID = 1L;

        PasswordReused() {
            super(org.gatehouse.platform.error.ProblemType.WEAK_PASSWORD, "password.reused");
        }
    }
}
