package org.gatehouse.findings.inventory;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.gatehouse.identity.access.AccessDenied;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.platform.paging.InvalidCursor;
import org.gatehouse.platform.paging.Page;
import org.gatehouse.platform.paging.PageCursor;
import org.gatehouse.platform.sql.Jdbc;
import org.gatehouse.workflow.release.Release;
import org.gatehouse.workflow.release.Releases;

/**
 * A release's software inventory (C.4): the components of the latest completed bill of materials
 * of each scanner and category imported for it, by name, in keyset pages, each with its licences
 * and the verdicts the project's policy gave them at that import, and the project's flags on it.
 * Key security designs have restricted distribution (C.4): components flagged
 * {@link ComponentFlag#KEY_SECURITY_DESIGN} are listed only to those who govern the inventory,
 * security reviewers and auditors.
 */
@ApplicationScoped
public class ReleaseComponents {
    static final String LISTING = "components";

    @Inject
    Releases releases;

    @Resource(lookup = "java:app/jdbc/gatehouse")
    DataSource dataSource;

    /** One licence of a component as imported. */
    public record Licence(String kind, String value, LicenceVerdict verdict) {
    }

    /** One component of the inventory. */
    public record Component(UUID id, UUID importId, String identity, String type, String group, String name,
            String version, Optional<String> purl, Optional<String> bomRef, int depth, List<String> hashes,
            LicenceVerdict verdict, List<Licence> licences, List<String> flags) {
    }

    public Page<Component> of(Actor actor, String releaseId, Optional<LicenceVerdict> verdict, Optional<String> cursor,
            int limit) {
        Release release = releases.get(actor, releaseId);
        if (!actor.may(Permission.FINDING_READ, release.project())) {
            throw new AccessDenied(Permission.FINDING_READ);
        }
        Optional<PageCursor> after = cursor.map(c -> PageCursor.decode(c, LISTING, 2));
        String project = release.project().value();
        List<Object> parameters = new ArrayList<>(List.of(project, release.id().value()));
        StringBuilder sql = new StringBuilder("SELECT c.id, c.import_id, c.identity, c.type, c.grp, c.name, c.version,"
                + " c.purl, c.bom_ref, c.depth, c.hashes, c.verdict, ARRAY(SELECT f.flag FROM component_flag f"
                + "   WHERE f.project_key = ? AND f.identity = c.identity ORDER BY f.flag) FROM release_component c"
                + " WHERE c.import_id IN (SELECT DISTINCT ON (scanner, category) import_id FROM component_import"
                + "   WHERE release_id = ? ORDER BY scanner, category, imported_at DESC)");
        boolean mayReadKeyDesigns = actor.may(Permission.INVENTORY_MANAGE, release.project())
                || actor.may(Permission.FINDING_APPROVE, release.project()) || actor.may(Permission.AUDIT_READ);
        if (!mayReadKeyDesigns) {
            // C.4: key security designs are distributed narrowly
            sql.append(" AND NOT EXISTS (SELECT 1 FROM component_flag k WHERE k.project_key = ?"
                    + " AND k.identity = c.identity AND k.flag = 'KEY_SECURITY_DESIGN')");
            parameters.add(project);
        }
        verdict.ifPresent(v -> {
            sql.append(" AND c.verdict = ?");
            parameters.add(v.name());
        });
        if (after.isPresent()) {
            sql.append(" AND (c.name, c.id) > (?, ?)");
            parameters.add(after.get().key(0));
            parameters.add(uuid(after.get().key(1)));
        }
        sql.append(" ORDER BY c.name, c.id LIMIT ?");
        parameters.add(limit + 1);
        try (Connection c = dataSource.getConnection()) {
            List<Component> rows = Jdbc.list(c, sql.toString(), r -> new Component(r.getObject(1, UUID.class),
                    r.getObject(2, UUID.class), r.getString(3), r.getString(4), r.getString(5), r.getString(6),
                    r.getString(7), Optional.ofNullable(r.getString(8)), Optional.ofNullable(r.getString(9)), r.getInt(10),
                    texts(r.getArray(11)), LicenceVerdict.valueOf(r.getString(12)), List.of(), texts(r.getArray(13))),
                    parameters.toArray());
            Page<Component> page = Page.fromOverfetch(rows, limit,
                    row -> PageCursor.of(LISTING, row.name(), row.id().toString()));
            return new Page<>(withLicences(c, page.items()), page.next());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the inventory", e);
        }
    }

    private static List<Component> withLicences(Connection c, List<Component> components) throws SQLException {
        if (components.isEmpty()) {
            return components;
        }
        Map<UUID, List<Licence>> licences = new LinkedHashMap<>();
        Array ids = c.createArrayOf("uuid", components.stream().map(Component::id).toArray());
        Jdbc.list(c, "SELECT component_id, kind, value, verdict FROM release_component_licence"
                + " WHERE component_id = ANY (?) ORDER BY component_id, position", r -> licences.computeIfAbsent(
                        r.getObject(1, UUID.class), k -> new ArrayList<>()).add(new Licence(r.getString(2), r.getString(3),
                                LicenceVerdict.valueOf(r.getString(4)))), ids);
        return components.stream().map(x -> new Component(x.id(), x.importId(), x.identity(), x.type(), x.group(),
                x.name(), x.version(), x.purl(), x.bomRef(), x.depth(), x.hashes(), x.verdict(),
                List.copyOf(licences.getOrDefault(x.id(), List.of())), x.flags())).toList();
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidCursor();
        }
    }

    private static List<String> texts(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}
