package org.gatehouse.workflow.environment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.identity.audit.AuditEntry;
import org.gatehouse.identity.audit.AuditTrail;
import org.gatehouse.platform.id.Uuid7;
import org.gatehouse.platform.sql.Jdbc;
import org.gatehouse.workflow.api.ProjectKey;
import org.gatehouse.workflow.project.Projects;

/**
 * The device register of a project (C.2): each device with its responsible person (an existing, enabled
 * person account — a device without one is refused) and its compliance at the last check. A device whose
 * last check is older than {@code gatehouse.devices.max-check-age-days} (default 90) counts as
 * non-compliant. Project owners record, owners, auditors and security administrators read; audited.
 */
@ApplicationScoped
@Transactional
public class Devices {
    static final int MAX_PER_PROJECT = 2000;
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}");
    private static final String COLUMNS = "SELECT id, project_key, asset_tag, description, kind, responsible_login, patched,"
            + " antivirus, disk_encrypted, last_checked_at, created_by, created_at, updated_by, updated_at FROM project_device";

    @Inject
    Projects projects;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "gatehouse.devices.max-check-age-days", defaultValue = "90")
    int maxCheckAgeDays;

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @jakarta.annotation.Resource(lookup = "java:app/jdbc/gatehouse")
    javax.sql.DataSource dataSource;

    /** What a person records about a device. */
    public record Draft(String assetTag, String description, Device.Kind kind, String responsible, boolean patched,
            boolean antivirus, boolean diskEncrypted, Optional<Instant> lastCheckedAt) {
    }

    /** A device with its compliance now. */
    public record Checked(Device device, Device.Compliance compliance, Duration maxCheckAge) {
    }

    @Transactional
    public List<Checked> list(Actor actor, String key) {
        ProjectKey project = projects.get(actor, Permission.ENVIRONMENT_READ, key).key();
        try {
            try (Connection c = dataSource.getConnection()) {
                return Jdbc.list(c, COLUMNS + " WHERE project_key = ? ORDER BY asset_tag LIMIT ?", Devices::row,
                        project.value(), MAX_PER_PROJECT).stream().map(this::checked).toList();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the devices", e);
        }
    }

    public Checked register(Actor actor, String key, Draft draft) {
        ProjectKey project = projects.get(actor, Permission.ENVIRONMENT_ADMIN, key).key();
        Draft valid = valid(draft);
        try {
            Connection c = connection();
            Jdbc.first(c, "SELECT 1 FROM project WHERE project_key = ? FOR UPDATE", r -> 1, project.value());
            requirePerson(c, valid.responsible());
            if (Jdbc.first(c, "SELECT 1 FROM project_device WHERE project_key = ? AND asset_tag = ?", r -> 1,
                    project.value(), valid.assetTag()).isPresent()) {
                throw new RegisterEntryDuplicate("device", valid.assetTag());
            }
            if (Jdbc.first(c, "SELECT count(*) FROM project_device WHERE project_key = ?", r -> r.getLong(1),
                    project.value()).orElse(0L) >= MAX_PER_PROJECT) {
                throw new RegisterEntryInvalid("device.too-many", MAX_PER_PROJECT);
            }
            Instant now = clock.instant();
            Device device = new Device(Uuid7.next(clock), project, valid.assetTag(), valid.description(), valid.kind(),
                    valid.responsible(), valid.patched(), valid.antivirus(), valid.diskEncrypted(), valid.lastCheckedAt(),
                    actor.name(), now, actor.name(), now);
            Jdbc.update(c, "INSERT INTO project_device (id, project_key, asset_tag, description, kind, responsible_login,"
                    + " patched, antivirus, disk_encrypted, last_checked_at, created_by, created_at, updated_by, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", device.id(), project.value(), device.assetTag(),
                    device.description(), device.kind().name(), device.responsible(), device.patched(), device.antivirus(),
                    device.diskEncrypted(), device.lastCheckedAt().map(at -> at.atOffset(ZoneOffset.UTC)).orElse(null),
                    actor.name(), now.atOffset(ZoneOffset.UTC), actor.name(), now.atOffset(ZoneOffset.UTC));
            Checked checked = checked(device);
            audit.record(actor, AuditEntry.success("device.registered", "device:" + device.id(), describe(checked)));
            return checked;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot register the device", e);
        }
    }

    /** A new description, responsible person or compliance check of a device. */
    public Checked update(Actor actor, String key, String id, Draft draft) {
        ProjectKey project = projects.get(actor, Permission.ENVIRONMENT_ADMIN, key).key();
        Draft valid = valid(draft);
        try {
            Connection c = connection();
            Device current = find(c, project, id, true);
            requirePerson(c, valid.responsible());
            if (!current.assetTag().equals(valid.assetTag()) && Jdbc.first(c, "SELECT 1 FROM project_device WHERE"
                    + " project_key = ? AND asset_tag = ?", r -> 1, project.value(), valid.assetTag()).isPresent()) {
                throw new RegisterEntryDuplicate("device", valid.assetTag());
            }
            Instant now = clock.instant();
            Device device = new Device(current.id(), project, valid.assetTag(), valid.description(), valid.kind(),
                    valid.responsible(), valid.patched(), valid.antivirus(), valid.diskEncrypted(), valid.lastCheckedAt(),
                    current.createdBy(), current.createdAt(), actor.name(), now);
            Jdbc.update(c, "UPDATE project_device SET asset_tag = ?, description = ?, kind = ?, responsible_login = ?,"
                    + " patched = ?, antivirus = ?, disk_encrypted = ?, last_checked_at = ?, updated_by = ?, updated_at = ?"
                    + " WHERE id = ?", device.assetTag(), device.description(), device.kind().name(), device.responsible(),
                    device.patched(), device.antivirus(), device.diskEncrypted(),
                    device.lastCheckedAt().map(at -> at.atOffset(ZoneOffset.UTC)).orElse(null), actor.name(),
                    now.atOffset(ZoneOffset.UTC), device.id());
            Checked checked = checked(device);
            audit.record(actor, AuditEntry.success("device.changed", "device:" + device.id(), describe(checked)));
            return checked;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot change the device", e);
        }
    }

    public void remove(Actor actor, String key, String id) {
        ProjectKey project = projects.get(actor, Permission.ENVIRONMENT_ADMIN, key).key();
        try {
            Connection c = connection();
            Device current = find(c, project, id, true);
            Jdbc.update(c, "DELETE FROM project_device WHERE id = ?", current.id());
            audit.record(actor, AuditEntry.success("device.removed", "device:" + current.id(), "project " + project + ": "
                    + current.assetTag()));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot remove the device", e);
        }
    }

    private Checked checked(Device device) {
        Duration maxAge = Duration.ofDays(Math.max(1, maxCheckAgeDays));
        return new Checked(device, device.compliance(clock.instant(), maxAge), maxAge);
    }

    private Draft valid(Draft draft) {
        if (draft == null) {
            throw new RegisterEntryInvalid("device.responsible-required");
        }
        String responsible = Optional.ofNullable(draft.responsible()).map(String::strip).orElse("");
        Device.requireValid(responsible, draft.lastCheckedAt(), clock.instant());
        String tag = Optional.ofNullable(draft.assetTag()).map(String::strip).orElse("");
        if (!TAG.matcher(tag).matches()) {
            throw new RegisterEntryInvalid("device.tag-invalid");
        }
        String description = Optional.ofNullable(draft.description()).map(String::strip).orElse("");
        if (description.isEmpty() || description.length() > 500) {
            throw new RegisterEntryInvalid("device.description-invalid");
        }
        return new Draft(tag, description, draft.kind() == null ? Device.Kind.OTHER : draft.kind(), responsible,
                draft.patched(), draft.antivirus(), draft.diskEncrypted(), draft.lastCheckedAt());
    }

    /** The responsible person is an enabled person account (C.2: a named responsible person). */
    private static void requirePerson(Connection c, String login) throws SQLException {
        if (Jdbc.first(c, "SELECT 1 FROM account WHERE login = ? AND kind = 'PERSON' AND NOT disabled", r -> 1, login)
                .isEmpty()) {
            throw new RegisterEntryInvalid("device.responsible-unknown", login);
        }
    }

    private static Device find(Connection c, ProjectKey project, String id, boolean lock) throws SQLException {
        Optional<UUID> uuid = parse(id);
        if (uuid.isEmpty()) {
            throw new RegisterEntryNotFound("device", id);
        }
        return Jdbc.first(c, COLUMNS + " WHERE project_key = ? AND id = ?" + (lock ? " FOR UPDATE" : ""), Devices::row,
                project.value(), uuid.get()).orElseThrow(() -> new RegisterEntryNotFound("device", id));
    }

    static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static String describe(Checked checked) {
        Device d = checked.device();
        return "project " + d.project() + ": " + d.assetTag() + " (" + d.kind() + "), responsible " + d.responsible()
                + ", " + (checked.compliance().compliant() ? "compliant" : "not compliant: " + checked.compliance().gaps());
    }

    private Connection connection() {
        return Jdbc.enlisted(em.unwrap(Connection.class));
    }

    static Device row(ResultSet r) throws SQLException {
        Timestamp checked = r.getTimestamp(10);
        return new Device(r.getObject(1, UUID.class), new ProjectKey(r.getString(2)), r.getString(3), r.getString(4),
                Device.Kind.valueOf(r.getString(5)), r.getString(6), r.getBoolean(7), r.getBoolean(8), r.getBoolean(9),
                Optional.ofNullable(checked).map(Timestamp::toInstant), r.getString(11), r.getTimestamp(12).toInstant(),
                r.getString(13), r.getTimestamp(14).toInstant());
    }
}
