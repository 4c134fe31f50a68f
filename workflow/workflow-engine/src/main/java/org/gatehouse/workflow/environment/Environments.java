package org.gatehouse.workflow.environment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.identity.audit.AuditEntry;
import org.gatehouse.identity.audit.AuditTrail;
import org.gatehouse.platform.id.Uuid7;
import org.gatehouse.platform.sql.Jdbc;
import org.gatehouse.workflow.api.ProjectKey;
import org.gatehouse.workflow.project.Project;
import org.gatehouse.workflow.project.Projects;

/**
 * The environment register of a project (C.2, 8.5.2): project owners record environments, owners,
 * auditors and security administrators read them. Every change is checked against the separation rule
 * under a lock of the project row (the rule spans the project's environments) and audited in the same
 * transaction.
 */
@ApplicationScoped
@Transactional
public class Environments {
    static final int MAX_PER_PROJECT = 100;
    private static final String COLUMNS = "SELECT id, project_key, name, kind, network_zone, access_policy, created_by,"
            + " created_at, updated_by, updated_at FROM project_environment";

    @Inject
    Projects projects;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @jakarta.annotation.Resource(lookup = "java:app/jdbc/gatehouse")
    javax.sql.DataSource dataSource;

    /** What a person records about an environment. */
    public record Draft(String name, EnvironmentKind kind, String zone, String access) {
    }

    @Transactional
    public List<Environment> list(Actor actor, String key) {
        Project project = projects.get(actor, Permission.ENVIRONMENT_READ, key);
        try {
            try (Connection c = dataSource.getConnection()) {
                return Jdbc.list(c, COLUMNS + " WHERE project_key = ? ORDER BY name", Environments::row,
                        project.key().value());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the environments", e);
        }
    }

    public Environment create(Actor actor, String key, Draft draft) {
        ProjectKey project = projects.get(actor, Permission.ENVIRONMENT_ADMIN, key).key();
        Draft valid = valid(draft);
        try {
            Connection c = connection();
            List<Environment> existing = lockAndList(c, project);
            if (existing.size() >= MAX_PER_PROJECT) {
                throw new RegisterEntryInvalid("environment.too-many", MAX_PER_PROJECT);
            }
            if (existing.stream().anyMatch(e -> e.name().equalsIgnoreCase(valid.name()))) {
                throw new RegisterEntryDuplicate("environment", valid.name());
            }
            Environment.requireSeparated(valid.name(), valid.kind(), valid.zone(), existing);
            Instant now = clock.instant();
            Environment created = new Environment(Uuid7.next(clock), project, valid.name(), valid.kind(),
                    Environment.normaliseZone(valid.zone()), valid.access(), actor.name(), now, actor.name(), now);
            Jdbc.update(c, "INSERT INTO project_environment (id, project_key, name, kind, network_zone, access_policy,"
                    + " created_by, created_at, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    created.id(), project.value(), created.name(), created.kind().name(), created.zone(), created.access(),
                    actor.name(), now.atOffset(ZoneOffset.UTC), actor.name(), now.atOffset(ZoneOffset.UTC));
            audit.record(actor, AuditEntry.success("environment.recorded", "environment:" + created.id(),
                    describe(project, created)));
            return created;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the environment", e);
        }
    }

    public Environment update(Actor actor, String key, String id, Draft draft) {
        ProjectKey project = projects.get(actor, Permission.ENVIRONMENT_ADMIN, key).key();
        Draft valid = valid(draft);
        try {
            Connection c = connection();
            List<Environment> existing = lockAndList(c, project);
            Environment current = existing.stream().filter(e -> e.id().toString().equals(id)).findFirst()
                    .orElseThrow(() -> new RegisterEntryNotFound("environment", id));
            List<Environment> others = existing.stream().filter(e -> !e.id().equals(current.id())).toList();
            if (others.stream().anyMatch(e -> e.name().equalsIgnoreCase(valid.name()))) {
                throw new RegisterEntryDuplicate("environment", valid.name());
            }
            Environment.requireSeparated(valid.name(), valid.kind(), valid.zone(), others);
            Instant now = clock.instant();
            Environment updated = new Environment(current.id(), project, valid.name(), valid.kind(),
                    Environment.normaliseZone(valid.zone()), valid.access(), current.createdBy(), current.createdAt(),
                    actor.name(), now);
            Jdbc.update(c, "UPDATE project_environment SET name = ?, kind = ?, network_zone = ?, access_policy = ?,"
                    + " updated_by = ?, updated_at = ? WHERE id = ?", updated.name(), updated.kind().name(), updated.zone(),
                    updated.access(), actor.name(), now.atOffset(ZoneOffset.UTC), updated.id());
            audit.record(actor, AuditEntry.success("environment.changed", "environment:" + updated.id(),
                    describe(project, updated)));
            return updated;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot change the environment", e);
        }
    }

    public void remove(Actor actor, String key, String id) {
        ProjectKey project = projects.get(actor, Permission.ENVIRONMENT_ADMIN, key).key();
        try {
            Connection c = connection();
            Environment current = lockAndList(c, project).stream().filter(e -> e.id().toString().equals(id)).findFirst()
                    .orElseThrow(() -> new RegisterEntryNotFound("environment", id));
            Jdbc.update(c, "DELETE FROM project_environment WHERE id = ?", current.id());
            audit.record(actor, AuditEntry.success("environment.removed", "environment:" + current.id(),
                    describe(project, current)));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot remove the environment", e);
        }
    }

    private static Draft valid(Draft draft) {
        if (draft == null || draft.kind() == null) {
            throw new RegisterEntryInvalid("environment.kind-required");
        }
        String name = Optional.ofNullable(draft.name()).map(String::strip).orElse("");
        String zone = Environment.normaliseZone(draft.zone());
        String access = Optional.ofNullable(draft.access()).map(String::strip).orElse("");
        if (name.isEmpty() || name.length() > 100) {
            throw new RegisterEntryInvalid("environment.name-invalid");
        }
        if (zone.isEmpty() || zone.length() > 100) {
            throw new RegisterEntryInvalid("environment.zone-invalid");
        }
        if (access.isEmpty() || access.length() > 2000) {
            throw new RegisterEntryInvalid("environment.access-invalid");
        }
        return new Draft(name, draft.kind(), zone, access);
    }

    /** Locks the project row (the separation rule spans its environments), then reads them. */
    private static List<Environment> lockAndList(Connection c, ProjectKey project) throws SQLException {
        Jdbc.first(c, "SELECT 1 FROM project WHERE project_key = ? FOR UPDATE", r -> 1, project.value());
        return Jdbc.list(c, COLUMNS + " WHERE project_key = ? ORDER BY name", Environments::row, project.value());
    }

    private static String describe(ProjectKey project, Environment e) {
        return "project " + project + ": " + e.name() + " (" + e.kind() + "), zone " + e.zone();
    }

    private Connection connection() {
        return Jdbc.enlisted(em.unwrap(Connection.class));
    }

    static Environment row(ResultSet r) throws SQLException {
        return new Environment(r.getObject(1, UUID.class), new ProjectKey(r.getString(2)), r.getString(3),
                EnvironmentKind.valueOf(r.getString(4)), r.getString(5), r.getString(6), r.getString(7),
                r.getTimestamp(8).toInstant(), r.getString(9), r.getTimestamp(10).toInstant());
    }
}
