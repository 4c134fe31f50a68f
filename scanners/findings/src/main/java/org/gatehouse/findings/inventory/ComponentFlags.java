package org.gatehouse.findings.inventory;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.identity.audit.AuditEntry;
import org.gatehouse.identity.audit.AuditTrail;
import org.gatehouse.platform.sql.Jdbc;
import org.gatehouse.platform.time.UtcTime;
import org.gatehouse.workflow.api.ProjectKey;
import org.gatehouse.workflow.project.Project;
import org.gatehouse.workflow.project.Projects;

/**
 * The flags of a project's components (C.4), keyed by the component's versionless identity so they
 * hold for every release and re-import: self-written cryptography (dual control, enforced by the
 * gate {@code crypto.dual-control}) and key security designs (restricted distribution). Read with the
 * project's findings, set and removed by whoever governs the inventory ({@link Permission#INVENTORY_MANAGE}),
 * each change audited.
 */
@ApplicationScoped
@Transactional
public class ComponentFlags {
    static final int MAX_REASON = 2_000;

    @Inject
    Projects projects;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Resource(lookup = "java:app/jdbc/gatehouse")
    DataSource dataSource;

    /** One flag on a component. */
    public record Flagged(String identity, ComponentFlag flag, String reason, String setBy, OffsetDateTime setAt) {
    }

    @Transactional
    public List<Flagged> of(Actor actor, String projectKey) {
        Project project = projects.get(actor, Permission.FINDING_READ, projectKey);
        try (Connection c = dataSource.getConnection()) {
            return Jdbc.list(c, "SELECT identity, flag, reason, set_by, set_at FROM component_flag WHERE project_key = ?"
                    + " ORDER BY identity, flag", r -> new Flagged(r.getString(1), ComponentFlag.valueOf(r.getString(2)),
                            r.getString(3), r.getString(4), r.getObject(5, OffsetDateTime.class)), project.key().value());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the component flags", e);
        }
    }

    public Flagged set(Actor actor, String projectKey, String identity, ComponentFlag flag, String reason) {
        Project project = projects.get(actor, Permission.INVENTORY_MANAGE, projectKey);
        String component = identity == null ? "" : identity.strip();
        String why = reason == null ? "" : reason.strip();
        if (component.isEmpty() || component.length() > 2_000 || why.isEmpty() || why.length() > MAX_REASON) {
            throw new LicencePolicy.Invalid("component-flag.malformed", MAX_REASON);
        }
        OffsetDateTime now = UtcTime.now(clock);
        try {
            Jdbc.update(Jdbc.enlisted(em.unwrap(Connection.class)), "INSERT INTO component_flag (project_key, identity, flag, reason,"
                    + " set_by, set_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (project_key, identity, flag) DO UPDATE SET"
                    + " reason = EXCLUDED.reason, set_by = EXCLUDED.set_by, set_at = EXCLUDED.set_at",
                    project.key().value(), component, flag.name(), why, actor.name(), now);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot flag the component", e);
        }
        audit.record(actor, AuditEntry.success("component.flagged", "project:" + project.key().value(),
                flag + " " + component + ": " + why));
        return new Flagged(component, flag, why, actor.name(), now);
    }

    public void remove(Actor actor, String projectKey, String identity, ComponentFlag flag) {
        Project project = projects.get(actor, Permission.INVENTORY_MANAGE, projectKey);
        try {
            if (Jdbc.update(Jdbc.enlisted(em.unwrap(Connection.class)), "DELETE FROM component_flag WHERE project_key = ? AND identity = ?"
                    + " AND flag = ?", project.key().value(), identity == null ? "" : identity.strip(), flag.name()) > 0) {
                audit.record(actor, AuditEntry.success("component.unflagged", "project:" + project.key().value(),
                        flag + " " + identity.strip()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot remove the flag", e);
        }
    }

    /** The identities of the project's components that carry the flag, on the caller's connection. */
    static Set<String> flagged(Connection c, ProjectKey project, ComponentFlag flag) throws SQLException {
        return Jdbc.list(c, "SELECT identity FROM component_flag WHERE project_key = ? AND flag = ?", r -> r.getString(1),
                project.value(), flag.name()).stream().collect(Collectors.toSet());
    }
}
