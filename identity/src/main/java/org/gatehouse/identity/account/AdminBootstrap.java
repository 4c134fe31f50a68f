package org.gatehouse.identity.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Role;
import org.gatehouse.identity.access.RoleGrant;
import org.gatehouse.identity.audit.AuditEntry;
import org.gatehouse.identity.audit.AuditTrail;
import org.gatehouse.platform.time.UtcTime;

/**
 * The first start creates the initial administrator {@code admin}. Its one-time password comes
 * from {@code GATEHOUSE_ADMIN_PASSWORD} or, if that is unset, is generated and printed once to
 * the log; either way it must be changed at first login.
 */
@ApplicationScoped
public class AdminBootstrap {
    public static final String ADMIN_LOGIN = "admin";
    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

    @Inject
    AccountRepository accounts;

    @Inject
    PasswordHasher hasher;

    @Inject
    PasswordPolicy policy;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "gatehouse.admin.password")
    Optional<String> configuredPassword;

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    /** Creates the initial administrator when no account exists yet; does nothing afterwards. */
    @Transactional
    public void ensureAdministrator() {
        Long existing = em.createQuery("select count(a) from Account a", Long.class).getSingleResult();
        if (existing > 0) {
            return;
        }
        LoginName login = new LoginName(ADMIN_LOGIN);
        Optional<String> given = configuredPassword.filter(p -> !p.isBlank());
        String password = given.orElseGet(() -> Accounts.generatePassword(Math.max(20, policy.minimumLength())));
        if (given.isPresent()) {
            policy.check(password, login);
        }
        OffsetDateTime now = UtcTime.now(clock);
        Account admin = Account.person(login, "Administrator", Optional.empty(), hasher.hash(password), "system:bootstrap", now);
        accounts.add(admin);
        em.flush(); // role_grant references account; no JPA association orders the inserts
        em.persist(RoleGrant.of(admin.id(), Role.ADMINISTRATOR, Optional.empty(), "system:bootstrap", now));
        audit.record(Actor.system("bootstrap"), AuditEntry.success("account.created", "account:" + ADMIN_LOGIN,
                "initial administrator created; password change required at first login"));
        if (given.isPresent()) {
            LOG.warning("Initial administrator 'admin' created with the one-time password from GATEHOUSE_ADMIN_PASSWORD;"
                    + " it must be changed at first login.");
        } else {
            // Printed once, on purpose: there is no other way to hand over the first password.
            LOG.warning("Initial administrator 'admin' created. One-time password: " + password
                    + "  (shown only now; it must be changed at first login)");
        }
    }
}
