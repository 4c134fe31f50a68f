package org.gatehouse.identity.access;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.gatehouse.workflow.api.ProjectKey;

/**
 * Who is acting, from where, with which roles: the initiator of every audit record (B.2.4.3-kd)
 * and the subject of every permission check.
 */
public record Actor(Optional<AccountId> account, String name, Kind kind, Set<Role> globalRoles,
        Map<String, Set<Role>> projectRoles, String address, Optional<Restriction> restriction,
        Optional<Set<Permission>> tokenScope) {

    /** What a session must do before it may do anything but manage itself. */
    public enum Restriction {
        /** The password was set by someone else (first login, reset). */
        PASSWORD_CHANGE,
        /** A role of the account requires a second factor, and none is enrolled. */
        SECOND_FACTOR_ENROLMENT
    }

    /** What kind of initiator an audit record names. */
    public enum Kind {
        PERSON, SERVICE, ANONYMOUS, SYSTEM
    }

    /** A person or a service without a token restriction. */
    public Actor(Optional<AccountId> account, String name, Kind kind, Set<Role> globalRoles,
            Map<String, Set<Role>> projectRoles, String address, Optional<Restriction> restriction) {
        this(account, name, kind, globalRoles, projectRoles, address, restriction, Optional.empty());
    }

    public boolean mustChangePassword() {
        return restriction.filter(Restriction.PASSWORD_CHANGE::equals).isPresent();
    }

    public Actor {
        tokenScope = tokenScope.map(Set::copyOf);
        globalRoles = Set.copyOf(globalRoles);
        projectRoles = projectRoles.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Set.copyOf(e.getValue())));
    }

    public static Actor anonymous(String address) {
        return new Actor(Optional.empty(), "anonymous", Kind.ANONYMOUS, Set.of(), Map.of(), address, Optional.empty());
    }

    public static Actor system(String what) {
        return new Actor(Optional.empty(), "system:" + what, Kind.SYSTEM, Set.of(), Map.of(), "-", Optional.empty());
    }

    public boolean isAuthenticated() {
        return account.isPresent();
    }

    /** A permission that does not depend on a project (held through a global role or by every person). */
    public boolean may(Permission permission) {
        if (!isAuthenticated() || !inTokenScope(permission)) {
            return false;
        }
        if (kind == Kind.PERSON && PermissionMatrix.everyPerson().contains(permission)) {
            return true;
        }
        return globalRoles.stream().anyMatch(role -> PermissionMatrix.grants(role, permission));
    }

    /** A permission within one project: through a global role or a role in that project. */
    public boolean may(Permission permission, ProjectKey project) {
        return may(permission) || isAuthenticated() && inTokenScope(permission)
                && projectRoles.getOrDefault(project.value(), Set.of()).stream()
                        .anyMatch(role -> PermissionMatrix.grants(role, permission));
    }

    /** Whether the permission holds through a global role or through a role in any project. */
    public boolean mayInSomeProject(Permission permission) {
        return may(permission) || isAuthenticated() && inTokenScope(permission) && projectRoles.values().stream()
                .flatMap(Set::stream).anyMatch(role -> PermissionMatrix.grants(role, permission));
    }

    /** An API token limits its account to the permissions of its scopes; a session does not. */
    private boolean inTokenScope(Permission permission) {
        return tokenScope.map(scope -> scope.contains(permission)).orElse(true);
    }

    /** The projects this actor holds a role in (global readers see all projects anyway). */
    public Set<String> projects() {
        return projectRoles.keySet();
    }

    public Set<Role> rolesIn(ProjectKey project) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roles.addAll(globalRoles);
        roles.addAll(projectRoles.getOrDefault(project.value(), Set.of()));
        return roles;
    }

}
