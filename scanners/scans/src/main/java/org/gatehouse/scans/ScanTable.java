package org.gatehouse.scans;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.audit.AuditEntry;
import org.gatehouse.identity.audit.AuditTrail;
import org.gatehouse.platform.sql.Jdbc;
import org.gatehouse.platform.time.UtcTime;

/** The {@code scan} table's bookkeeping, shared by both kinds of scan: statements and the end of a scan. */
@ApplicationScoped
public class ScanTable {
    @Resource(lookup = "java:app/jdbc/gatehouse")
    DataSource dataSource;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    int update(String sql, Object... parameters) {
        return Jdbc.update(dataSource, sql, parameters);
    }

    /** Ends a queued or running scan (an ended one stays as it is) and audits how. */
    void finish(ScanId id, String state, Optional<String> error) {
        update("UPDATE scan SET state = ?, finished_at = ?, error_detail = ?, row_version = row_version + 1"
                + " WHERE id = ? AND state IN ('QUEUED', 'RUNNING')", state, UtcTime.now(clock),
                error.map(e -> e.length() > 2000 ? e.substring(0, 2000) : e).orElse(null), id.value());
        audit.recordAlone(Actor.system("scan"), AuditEntry.success("scan.finished", "scan:" + id,
                state + error.map(e -> ": " + e).orElse("")));
    }
}
