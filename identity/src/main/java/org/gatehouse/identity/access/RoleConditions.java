package org.gatehouse.identity.access;

import java.util.Map;
import java.util.Set;
import org.gatehouse.workflow.api.ProjectKey;

/**
 * Conditions a project role depends on beyond its grant (C.1: a developer, tester or security reviewer
 * on a project whose protection level requires vetting holds the role only while the person's vetting
 * prerequisites hold). Contributed by the module that knows them (workflow-engine {@code personnel/});
 * {@link RoleGrants} asks every bean implementing this before it grants a project role, and whenever it
 * loads an account's roles for an {@link Actor}, so a lapsed condition suspends the role from the next
 * request on, without waiting for any sweep. Implementations read, never write.
 */
public interface RoleConditions {

    /**
     * Refuses a project role the account may not be given there now.
     *
     * @throws org.gatehouse.platform.error.DomainException with a stable problem type naming what is missing
     */
    void checkGrant(AccountId account, String login, Role role, ProjectKey project);

    /** The account's project roles that hold now: {@code projectRoles} (project key → roles) less the suspended ones. */
    Map<String, Set<Role>> inForce(AccountId account, Map<String, Set<Role>> projectRoles);
}
