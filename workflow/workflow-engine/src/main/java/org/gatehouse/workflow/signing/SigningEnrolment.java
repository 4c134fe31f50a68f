package org.gatehouse.workflow.signing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.gatehouse.identity.access.Role;
import org.gatehouse.identity.access.RoleGranted;

/**
 * Enrols a person for signing (issue 6, 7.4.2: per-user keys created at enrolment) once a role that
 * signs decisions is granted to them: their ECDSA P-256 key and a certificate from the platform CA,
 * stored sealed. Runs after the grant has committed; a failure is logged and the key is then
 * created at the person's first signature instead.
 */
@ApplicationScoped
public class SigningEnrolment {
    /** The roles whose holders sign sign-offs, moves, waivers or the audit report. */
    static final Set<Role> SIGNING = EnumSet.of(Role.PROJECT_OWNER, Role.DEVELOPER, Role.TESTER, Role.SECURITY_REVIEWER,
            Role.SECURITY_ADMINISTRATOR);
    private static final Logger LOG = Logger.getLogger(SigningEnrolment.class.getName());

    @Inject
    DecisionSignatures signatures;

    void onGrant(@Observes(during = TransactionPhase.AFTER_SUCCESS) RoleGranted granted) {
        if (!SIGNING.contains(granted.role())) {
            return;
        }
        try {
            signatures.enrol(granted.login());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not enrol " + granted.login() + " for signing; the key is created at the"
                    + " first signature instead", e);
        }
    }
}
