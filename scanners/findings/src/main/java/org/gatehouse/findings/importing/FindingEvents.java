package org.gatehouse.findings.importing;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.gatehouse.identity.outbox.EventType;
import org.gatehouse.identity.outbox.OutboxEvent;
import org.gatehouse.platform.sql.Jdbc;

/**
 * The one outbox event of an import that created or reopened findings (issue 7): the counts and a
 * bounded sample of ids, never one event per finding (an import may create 100,000 of them).
 */
final class FindingEvents {
    /** How many ids of each kind an event carries at most. */
    static final int SAMPLE = 20;

    private FindingEvents() {
    }

    /** The event of a first import whose findings were created while its report arrived, with their first ids. */
    static OutboxEvent imported(ImportJob job, ImportCounts counts, List<UUID> created) {
        return event(job, counts, created, List.of());
    }

    /** Reads the sample from the import's own tables, on its transaction (before they are dropped at commit). */
    static OutboxEvent imported(Connection c, ImportJob job, ImportCounts counts) throws SQLException {
        // a project's first import of a scanner creates its findings without a seen table (Reconciliation)
        boolean matched = Jdbc.first(c, "SELECT to_regclass('pg_temp.import_seen') IS NOT NULL", r -> r.getBoolean(1))
                .orElse(false);
        List<UUID> created = counts.created() == 0 ? List.of() : matched
                ? Jdbc.list(c, "SELECT finding_id FROM import_seen WHERE created LIMIT " + SAMPLE, r -> r.getObject(1, UUID.class))
                : Jdbc.list(c, "SELECT id FROM finding WHERE project_key = ? AND scanner = ? AND first_import = ? LIMIT "
                        + SAMPLE, r -> r.getObject(1, UUID.class), job.project().value(), job.plugin().descriptor().id(),
                        job.id().value());
        List<UUID> reopened = counts.reopened() == 0 ? List.of() : Jdbc.list(c,
                "SELECT finding_id FROM import_seen WHERE NOT created AND NOT suppressed"
                        // the condition under which the pipeline reopened a seen finding
                        + " AND state IN ('FIXED_UNVERIFIED', 'VERIFIED', 'SUPPRESSED') LIMIT " + SAMPLE,
                r -> r.getObject(1, UUID.class));
        return event(job, counts, created, reopened);
    }

    private static OutboxEvent event(ImportJob job, ImportCounts counts, List<UUID> created, List<UUID> reopened) {
        return OutboxEvent.of(EventType.FINDINGS_CHANGED, job.project(), "import:" + job.id(), Json.createObjectBuilder()
                .add("import", job.id().toString())
                .add("release", job.release().toString())
                .add("scanner", job.plugin().descriptor().id())
                .add("category", job.category())
                .add("created", counts.created())
                .add("reopened", counts.reopened())
                .add("closed", counts.closed())
                .add("verified", counts.verified())
                .add("createdSample", ids(created))
                .add("reopenedSample", ids(reopened))
                .build());
    }

    private static JsonArrayBuilder ids(List<UUID> ids) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        ids.forEach(id -> array.add(id.toString()));
        return array;
    }
}
