package org.gatehouse.identity.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.gatehouse.identity.audit.AuditEntry;
import org.gatehouse.identity.audit.AuditTrail;
import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;
import org.gatehouse.platform.sql.SqlStates;
import org.gatehouse.workflow.api.ProjectKey;
import org.gatehouse.platform.time.UtcTime;

/** Grants and revokes roles (audited), and loads an account's roles for its {@link Actor}. */
@ApplicationScoped
@Transactional
public class RoleGrants {
    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    jakarta.enterprise.event.Event<RoleGranted> granted;

    /** C.1: vetting prerequisites of project roles (workflow-engine personnel/); none in plain identity tests. */
    @Inject
    jakarta.enterprise.inject.Instance<RoleConditions> conditions;

    public RoleGrant grant(Actor by, AccountId account, String login, Role role, Optional<ProjectKey> project) {
        if (!by.may(Permission.ROLE_ADMIN)) {
            throw new AccessDenied(Permission.ROLE_ADMIN);
        }
        RoleGrant grant = RoleGrant.of(account, role, project, by.name(),
                UtcTime.now(clock));
        // C.1: no developer, tester or reviewer role where vetting is required until the prerequisites hold
        project.ifPresent(key -> conditions.forEach(condition -> condition.checkGrant(account, login, role, key)));
        try {
            em.persist(grant);
            em.flush();
        } catch (PersistenceException e) {
            if (SqlStates.isForeignKeyViolation(e)) {
                throw new UnknownProject(project.map(ProjectKey::value).orElse(""));
            }
            if (SqlStates.isUniqueViolation(e)) {
                throw new Conflict(role.name());
            }
            throw e;
        }
        audit.record(by, AuditEntry.success("role.granted", "account:" + login,
                role + project.map(p -> " in " + p).orElse(" (global)")));
        granted.fire(new RoleGranted(login, role, project));
        return grant;
    }

    public void revoke(Actor by, AccountId account, String login, String grantId) {
        if (!by.may(Permission.ROLE_ADMIN)) {
            throw new AccessDenied(Permission.ROLE_ADMIN);
        }
        UUID id;
        try {
            id = UUID.fromString(grantId);
        } catch (IllegalArgumentException e) {
            throw new GrantNotFound();
        }
        RoleGrant grant = Optional.ofNullable(em.find(RoleGrant.class, id))
                .filter(g -> g.account().equals(account))
                .orElseThrow(GrantNotFound::new);
        em.remove(grant);
        audit.record(by, AuditEntry.success("role.revoked", "account:" + login,
                grant.role() + grant.project().map(p -> " in " + p).orElse(" (global)")));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RoleGrant> of(AccountId account) {
        return em.createQuery("select g from RoleGrant g where g.accountId = :account order by g.grantedAt", RoleGrant.class)
                .setParameter("account", account.value()).getResultList();
    }

    /**
     * Global roles and the per-project roles of an account that hold now: a project role whose
     * {@link RoleConditions} lapsed (C.1: an expired confidentiality agreement, …) is left out, so it
     * grants nothing from the next request on.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Roles rolesOf(AccountId account) {
        Set<Role> global = EnumSet.noneOf(Role.class);
        Map<String, Set<Role>> projects = new HashMap<>();
        for (RoleGrant grant : of(account)) {
            if (grant.project().isPresent()) {
                projects.computeIfAbsent(grant.project().get().value(), k -> EnumSet.noneOf(Role.class)).add(grant.role());
            } else {
                global.add(grant.role());
            }
        }
        Map<String, Set<Role>> inForce = projects;
        if (!projects.isEmpty()) {
            for (RoleConditions condition : conditions) {
                inForce = condition.inForce(account, inForce);
            }
        }
        return new Roles(global, inForce);
    }

    /** Roles of one account. */
    public record Roles(Set<Role> global, Map<String, Set<Role>> projects) {
        /** Every role, wherever it holds. */
        public Set<Role> all() {
            Set<Role> all = EnumSet.noneOf(Role.class);
            all.addAll(global);
            projects.values().forEach(all::addAll);
            return all;
        }
    }

    /** The account holds that role there already. */
    public static final class Conflict extends DomainException {
        private static final long serialVersionUID = 1L;

        Conflict(String role) {
            super(ProblemType.CONFLICT, "role.duplicate", role);
        }
    }

    /** A project role was granted in a project that does not exist. */
    public static final class UnknownProject extends DomainException {
        private static final long serialVersionUID = 1L;

        UnknownProject(String key) {
            super(ProblemType.NOT_FOUND, "role.unknown-project", key);
        }
    }

    /** No grant with that id on that account. */
    public static final class GrantNotFound extends DomainException {
        private static final long serialVersionUID = 1L;

        GrantNotFound() {
            super(ProblemType.NOT_FOUND, "role.grant-not-found");
        }
    }
}
