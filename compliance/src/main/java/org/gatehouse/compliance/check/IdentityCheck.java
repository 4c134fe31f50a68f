package org.gatehouse.compliance.check;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gatehouse.compliance.ClauseAnswer;
import org.gatehouse.compliance.ClauseCheck;
import org.gatehouse.compliance.Evidence;
import org.gatehouse.compliance.ProjectEvidence;
import org.gatehouse.compliance.Text;
import org.gatehouse.identity.access.Role;
import org.gatehouse.identity.account.PasswordPolicy;
import org.gatehouse.identity.secondfactor.SecondFactors;

/**
 * The platform's own identity and access control as they stand: B.1.3.2-ij..io (password policy at least
 * the guide's 6 characters with digits and both cases, lockout, a second factor for the privileged roles,
 * the previous login shown), B.2.4.1-jy..ka (single sign-on: not offered) and B.2.4.2-kb, kc (the
 * project's role grants, deny by default).
 */
@ApplicationScoped
public class IdentityCheck implements ClauseCheck {
    /** The roles whose second factor the guide's dynamic passwords call for at least. */
    static final Set<Role> PRIVILEGED = EnumSet.of(Role.ADMINISTRATOR, Role.SECURITY_ADMINISTRATOR, Role.SECURITY_REVIEWER);

    @Inject
    PasswordPolicy passwords;

    @Inject
    SecondFactors secondFactors;

    @Inject
    @ConfigProperty(name = "gatehouse.login.max-failures", defaultValue = "5")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "gatehouse.login.lock-minutes", defaultValue = "15")
    int lockMinutes;

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Override
    public Set<String> clauses() {
        return Set.of("B.1.3.2-ij..io", "B.2.4.1-jy..ka", "B.2.4.2-kb, kc");
    }

    @Override
    public List<ClauseAnswer> evaluate(ProjectEvidence project) {
        ClauseAnswer.Builder login = ClauseAnswer.of("B.1.3.2-ij..io")
                .met(Evidence.of(Evidence.Kind.SETTING, "gatehouse.password.min-length",
                        Text.of("compliance.password-policy", passwords.minimumLength())))
                .met(Evidence.of(Evidence.Kind.SETTING, "gatehouse.login.max-failures",
                        Text.of("compliance.lockout", maxFailures, lockMinutes)))
                .met(Evidence.of(Evidence.Kind.SETTING, "previous-login", Text.of("compliance.previous-login")));
        List<String> unprotected = PRIVILEGED.stream().filter(r -> !secondFactors.requiredFor(Set.of(r))).map(Enum::name)
                .toList();
        if (unprotected.isEmpty()) {
            login.met(Evidence.of(Evidence.Kind.SETTING, "gatehouse.mfa.required-roles", Text.of("compliance.mfa-required",
                    String.join(", ", PRIVILEGED.stream().map(Enum::name).toList()))));
        } else {
            login.missing(Text.of("compliance.mfa-not-required", String.join(", ", unprotected)));
        }
        if (passwords.minimumLength() < 6) {
            login.missing(Text.of("compliance.password-too-short", passwords.minimumLength()));
        }
        ClauseAnswer sso = ClauseAnswer.of("B.2.4.1-jy..ka").missing(Text.of("compliance.no-sso")).build();
        long[] grants = Sql.longs(em, "SELECT count(*), count(DISTINCT account_id), count(DISTINCT role)"
                + " FROM role_grant WHERE project_key = ?", project.project().key().value());
        ClauseAnswer.Builder roles = ClauseAnswer.of("B.2.4.2-kb, kc")
                .met(Evidence.of(Evidence.Kind.SETTING, "PermissionMatrix", Text.of("compliance.deny-by-default")))
                .auditorChecks(Text.of("compliance.auditor.least-privilege"));
        if (grants[0] > 0) {
            roles.met(Evidence.of(Evidence.Kind.REGISTER, "role_grant", Text.of("compliance.role-grants", grants[0],
                    grants[1], grants[2], project.project().key().value())));
        } else {
            roles.missing(Text.of("compliance.no-role-grants", project.project().key().value()));
        }
        return List.of(login.build(), sso, roles.build());
    }
}
