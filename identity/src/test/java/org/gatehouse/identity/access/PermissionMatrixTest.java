package org.gatehouse.identity.access;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.gatehouse.workflow.api.ProjectKey;
import org.junit.jupiter.api.Test;

class PermissionMatrixTest {
    private static final ProjectKey SHOP = new ProjectKey("SHOP");
    private static final ProjectKey BLOG = new ProjectKey("BLOG");

    private static Actor person(Set<Role> global, Map<String, Set<Role>> projects) {
        return new Actor(Optional.of(new AccountId(UUID.randomUUID())), "p", Actor.Kind.PERSON, global, projects, "1.2.3.4",
                Optional.empty());
    }

    @Test
    void anonymousMayNothing() {
        Actor anonymous = Actor.anonymous("1.2.3.4");
        for (Permission permission : Permission.values()) {
            assertFalse(anonymous.may(permission));
            assertFalse(anonymous.may(permission, SHOP));
        }
    }

    @Test
    void projectRolesHoldOnlyInTheirProject() {
        Actor owner = person(Set.of(), Map.of("SHOP", Set.of(Role.PROJECT_OWNER)));
        assertTrue(owner.may(Permission.RELEASE_CREATE, SHOP));
        assertFalse(owner.may(Permission.RELEASE_CREATE, BLOG));
        assertFalse(owner.may(Permission.RELEASE_CREATE));
        assertTrue(owner.may(Permission.SELF), "every person manages their own session");
    }

    @Test
    void auditorReadsEverythingAndChangesNothing() {
        Actor auditor = person(Set.of(Role.AUDITOR), Map.of());
        assertTrue(auditor.may(Permission.AUDIT_READ));
        assertTrue(auditor.may(Permission.PROJECT_READ, BLOG));
        for (Permission change : Set.of(Permission.PROJECT_CREATE, Permission.PROJECT_UPDATE, Permission.RELEASE_CREATE,
                Permission.ACCOUNT_ADMIN, Permission.ROLE_ADMIN)) {
            assertFalse(auditor.may(change, SHOP), change.name());
        }
    }

    @Test
    void securityAdministratorsKeepThePersonnelRegisterAuditorsAndOwnersReadIt() { // C.1
        assertTrue(person(Set.of(Role.SECURITY_ADMINISTRATOR), Map.of()).may(Permission.PERSONNEL_ADMIN));
        assertFalse(person(Set.of(Role.ADMINISTRATOR), Map.of()).may(Permission.PERSONNEL_ADMIN), "who grants roles does not vet");
        assertFalse(person(Set.of(Role.AUDITOR), Map.of()).may(Permission.PERSONNEL_ADMIN));
        assertTrue(person(Set.of(Role.AUDITOR), Map.of()).may(Permission.PERSONNEL_READ));
        Actor owner = person(Set.of(), Map.of(SHOP.value(), Set.of(Role.PROJECT_OWNER)));
        assertTrue(owner.may(Permission.PERSONNEL_READ, SHOP));
        assertFalse(owner.may(Permission.PERSONNEL_READ, BLOG));
        assertFalse(person(Set.of(), Map.of(SHOP.value(), Set.of(Role.DEVELOPER))).may(Permission.PERSONNEL_READ, SHOP));
    }

    @Test
    void administratorsDoNotReadTheAuditTrailButSecurityAdministratorsDo() {
        assertFalse(person(Set.of(Role.ADMINISTRATOR), Map.of()).may(Permission.AUDIT_READ));
        assertTrue(person(Set.of(Role.SECURITY_ADMINISTRATOR), Map.of()).may(Permission.AUDIT_READ));
    }

    @Test
    void separationOfDutiesRefusesTheRequesterAndOutsiders() {
        AccountId requester = new AccountId(UUID.randomUUID());
        Actor reviewer = person(Set.of(), Map.of("SHOP", Set.of(Role.SECURITY_REVIEWER)));
        SeparationOfDuties.requireApprover(requester, reviewer, Role.SECURITY_REVIEWER, SHOP);
        assertThrows(SeparationOfDuties.Violated.class,
                () -> SeparationOfDuties.requireApprover(reviewer.account().get(), reviewer, Role.SECURITY_REVIEWER, SHOP));
        assertThrows(SeparationOfDuties.Violated.class,
                () -> SeparationOfDuties.requireApprover(requester, reviewer, Role.SECURITY_REVIEWER, BLOG));
        assertThrows(SeparationOfDuties.Violated.class,
                () -> SeparationOfDuties.requireApprover(requester, Actor.anonymous("x"), Role.SECURITY_REVIEWER, SHOP));
    }

    @Test
    void globalRolesCannotBeScopedAndProjectRolesMustBe() {
        AccountId id = new AccountId(UUID.randomUUID());
        assertThrows(RoleGrant.InvalidScope.class, () -> RoleGrant.of(id, Role.AUDITOR, Optional.of(SHOP), "t",
                java.time.OffsetDateTime.now()));
        assertThrows(RoleGrant.InvalidScope.class, () -> RoleGrant.of(id, Role.DEVELOPER, Optional.empty(), "t",
                java.time.OffsetDateTime.now()));
    }

    @Test
    void ownersManageEnvironmentsAndDecideSourceAccessAuditorsOnlyRead() {
        // issue 9 (C.2, 8.5.2, C.4)
        Actor owner = person(Set.of(), Map.of("SHOP", Set.of(Role.PROJECT_OWNER)));
        Actor developer = person(Set.of(), Map.of("SHOP", Set.of(Role.DEVELOPER)));
        Actor auditor = person(Set.of(Role.AUDITOR), Map.of());
        assertTrue(owner.may(Permission.ENVIRONMENT_ADMIN, SHOP));
        assertTrue(owner.may(Permission.SOURCE_ACCESS_APPROVE, SHOP));
        assertFalse(owner.may(Permission.ENVIRONMENT_ADMIN, BLOG));
        assertTrue(developer.may(Permission.SOURCE_ACCESS_REQUEST, SHOP));
        assertFalse(developer.may(Permission.SOURCE_ACCESS_APPROVE, SHOP));
        assertFalse(developer.may(Permission.ENVIRONMENT_READ, SHOP));
        assertTrue(auditor.may(Permission.ENVIRONMENT_READ, BLOG));
        assertTrue(auditor.may(Permission.SOURCE_ACCESS_READ, BLOG));
        assertFalse(auditor.may(Permission.ENVIRONMENT_ADMIN, BLOG));
        assertFalse(auditor.may(Permission.SOURCE_ACCESS_REQUEST, BLOG));
        assertFalse(person(Set.of(Role.ADMINISTRATOR), Map.of()).may(Permission.ENVIRONMENT_READ, SHOP));
    }

    @Test
    void theComplianceMatrixIsForOwnersReviewersSecurityAdministratorsAndAuditors() {
        // issue 9: those who answer for a project's compliance and those who check it; not developers, testers or CI
        for (Role role : Role.values()) {
            boolean expected = Set.of(Role.PROJECT_OWNER, Role.SECURITY_REVIEWER, Role.SECURITY_ADMINISTRATOR,
                    Role.AUDITOR).contains(role);
            org.junit.jupiter.api.Assertions.assertEquals(expected, PermissionMatrix.grants(role, Permission.COMPLIANCE_READ),
                    role.name());
        }
    }
}
