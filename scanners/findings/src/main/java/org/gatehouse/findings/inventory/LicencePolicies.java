package org.gatehouse.findings.inventory;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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
 * The licence policy of each project (C.4): read by whoever reads the project's findings, replaced
 * by its owners and the security administrators ({@link Permission#INVENTORY_MANAGE}), each
 * change audited with the lists it sets. A project without a stored policy has
 * {@link LicencePolicy#DEFAULT}. Imports read the policy on their own connection, inside their
 * transaction ({@link #load}); a change applies from the next import on.
 */
@ApplicationScoped
@Transactional
public class LicencePolicies {
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

    /** A project's policy with its version and last change (none for the default). */
    public record Stored(ProjectKey project, LicencePolicy policy, long version, Optional<String> updatedBy,
            Optional<OffsetDateTime> updatedAt) {
    }

    @Transactional
    public Stored of(Actor actor, String projectKey) {
        Project project = projects.get(actor, Permission.FINDING_READ, projectKey);
        try (Connection c = dataSource.getConnection()) {
            return load(c, project.key());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the licence policy", e);
        }
    }

    /** Replaces the project's policy; the previous lists are in the audit trail. */
    public Stored replace(Actor actor, String projectKey, LicencePolicy policy) {
        Project project = projects.get(actor, Permission.INVENTORY_MANAGE, projectKey);
        OffsetDateTime now = UtcTime.now(clock);
        try {
            Connection c = Jdbc.enlisted(em.unwrap(Connection.class));
            Array allowed = c.createArrayOf("text", policy.allowed().toArray());
            Array denied = c.createArrayOf("text", policy.denied().toArray());
            Jdbc.update(c, "INSERT INTO licence_policy (project_key, allowed, denied, unknown_licences, row_version,"
                    + " updated_by, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?) ON CONFLICT (project_key) DO UPDATE SET"
                    + " allowed = EXCLUDED.allowed, denied = EXCLUDED.denied, unknown_licences = EXCLUDED.unknown_licences,"
                    + " row_version = licence_policy.row_version + 1, updated_by = EXCLUDED.updated_by,"
                    + " updated_at = EXCLUDED.updated_at", project.key().value(), allowed, denied, policy.unknown().name(),
                    actor.name(), now);
            String lists = "allowed [" + String.join(", ", policy.allowed()) + "], denied ["
                    + String.join(", ", policy.denied()) + "], unknown licences " + policy.unknown();
            audit.record(actor, AuditEntry.success("licence-policy.changed", "project:" + project.key().value(),
                    lists.length() > 1900 ? lists.substring(0, 1900) + "…" : lists));
            return load(c, project.key());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the licence policy", e);
        }
    }

    /** The project's policy as stored on this connection, or the default. */
    static Stored load(Connection c, ProjectKey project) throws SQLException {
        return Jdbc.first(c, "SELECT allowed, denied, unknown_licences, row_version, updated_by, updated_at"
                + " FROM licence_policy WHERE project_key = ?", r -> new Stored(project, new LicencePolicy(
                        texts(r.getArray(1)), texts(r.getArray(2)), UnknownLicences.valueOf(r.getString(3))), r.getLong(4),
                        Optional.of(r.getString(5)), Optional.of(r.getObject(6, OffsetDateTime.class))), project.value())
                .orElse(new Stored(project, LicencePolicy.DEFAULT, 0, Optional.empty(), Optional.empty()));
    }

    private static List<String> texts(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}
