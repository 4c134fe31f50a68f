package org.gatehouse.identity.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.gatehouse.platform.id.Uuid7;
import org.gatehouse.workflow.api.ProjectKey;

/** One role held by one account, globally or in one project. */
@Entity
@Table(name = "role_grant")
public class RoleGrant {
    @Id
    @Column(name = "id", nullable = false, updatable = false)
    private UUID id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private UUID accountId;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, updatable = false)
    private Role role;

    @Column(name = "project_key", updatable = false)
    private String projectKey;

    @Column(name = "granted_at", nullable = false, updatable = false)
    private OffsetDateTime grantedAt;

    @Column(name = "granted_by", nullable = false, updatable = false)
    private String grantedBy;

    protected RoleGrant() {
        // for JPA
    }

    /**
     * @throws InvalidScope when a global role names a project or a project role names none
     */
    public static RoleGrant of(AccountId account, Role role, Optional<ProjectKey> project, String grantedBy,
            OffsetDateTime at) {
        if (role.isGlobal() && project.isPresent()) {
            throw new InvalidScope("role.global-with-project", role);
        }
        if (!role.isGlobal() && project.isEmpty()) {
            throw new InvalidScope("role.project-needs-project", role);
        }
        RoleGrant grant = new RoleGrant();
        grant.id = Uuid7.next();
        grant.accountId = account.value();
        grant.role = role;
        grant.projectKey = project.map(ProjectKey::value).orElse(null);
        grant.grantedAt = at;
        grant.grantedBy = grantedBy;
        return grant;
    }

    public UUID id() {
        return id;
    }

    public AccountId account() {
        return new AccountId(accountId);
    }

    public Role role() {
        return role;
    }

    public Optional<ProjectKey> project() {
        return Optional.ofNullable(projectKey).map(ProjectKey::new);
    }

    public OffsetDateTime grantedAt() {
        return grantedAt;
    }

    public String grantedBy() {
        return grantedBy;
    }

    /** A role given the wrong scope. */
    public static final class InvalidScope extends org.gatehouse.platform.error.DomainException {
        private static final long serialVersionUID = 1L;

        InvalidScope(String key, Role role) {
            super(org.gatehouse.platform.error.ProblemType.BAD_REQUEST, key, role.name());
        }
    }
}
