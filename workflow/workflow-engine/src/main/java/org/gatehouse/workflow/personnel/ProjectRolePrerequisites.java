package org.gatehouse.workflow.personnel;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.gatehouse.identity.access.AccountId;
import org.gatehouse.identity.access.Role;
import org.gatehouse.identity.access.RoleConditions;
import org.gatehouse.workflow.api.ProjectKey;
import org.gatehouse.workflow.api.ProtectionLevel;

/**
 * The vetting of C.1 as conditions of project roles (ADR 0019): a developer, tester or security reviewer
 * on a project of level 2 or 3 is refused the role while a prerequisite is missing, and holds it only
 * while the prerequisites hold, checked whenever an account's roles are loaded, that is at every
 * request: a lapse takes effect at once, with no sweep to wait for.
 */
@ApplicationScoped
public class ProjectRolePrerequisites implements RoleConditions {
    @Resource(lookup = "java:app/jdbc/gatehouse")
    DataSource dataSource;

    @Inject
    Clock clock;

    @Override
    public void checkGrant(AccountId account, String login, Role role, ProjectKey project) {
        if (!VettingPolicy.appliesTo(role)) {
            return;
        }
        read(c -> {
            ProtectionLevel level = PersonnelStore.levels(c, List.of(project.value())).get(project.value());
            if (level == null || VettingPolicy.requiredAt(level).isEmpty()) {
                return null; // an unknown project is refused by the grant itself
            }
            PersonnelRecord record = PersonnelStore.record(c, new PersonnelStore.Person(account, login, login));
            Set<Prerequisite> missing = record.missing(VettingPolicy.requiredAt(level), today());
            if (!missing.isEmpty()) {
                throw new VettingRequired(login, role, project, level, missing);
            }
            return null;
        });
    }

    @Override
    public Map<String, Set<Role>> inForce(AccountId account, Map<String, Set<Role>> projectRoles) {
        List<String> vetted = projectRoles.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(VettingPolicy::appliesTo)).map(Map.Entry::getKey).toList();
        if (vetted.isEmpty()) {
            return projectRoles;
        }
        return read(c -> {
            Map<String, ProtectionLevel> levels = PersonnelStore.levels(c, vetted);
            if (levels.values().stream().allMatch(level -> VettingPolicy.requiredAt(level).isEmpty())) {
                return projectRoles;
            }
            PersonnelRecord record = PersonnelStore.record(c, new PersonnelStore.Person(account, "", ""));
            return holding(projectRoles, levels, record, today());
        });
    }

    /** The roles that hold: a vetted role on a project whose level requires what the record lacks is left out. */
    static Map<String, Set<Role>> holding(Map<String, Set<Role>> projectRoles, Map<String, ProtectionLevel> levels,
            PersonnelRecord record, LocalDate day) {
        Map<String, Set<Role>> holding = new HashMap<>();
        projectRoles.forEach((project, roles) -> {
            Set<Role> kept = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
            ProtectionLevel level = levels.get(project);
            if (level != null) {
                kept.removeIf(role -> !record.missing(VettingPolicy.required(role, level), day).isEmpty());
            }
            if (!kept.isEmpty()) {
                holding.put(project, kept);
            }
        });
        return holding;
    }

    private LocalDate today() {
        return VettingPolicy.dayOf(clock.instant());
    }

    private <T> T read(Personnel.Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.on(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the personnel register", e);
        }
    }
}
