package org.gatehouse.findings.gate;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.gatehouse.workflow.api.ReleaseId;
import org.gatehouse.workflow.requirement.FindingCounts;

/**
 * The release's findings by state and severity ({@code VERIFIED/HIGH} → 3), for the Security Audit
 * Report (B.1.3.1-ih): what the security reviewer signs is the conclusion together with these counts.
 */
@ApplicationScoped
public class ReleaseFindingCounts implements FindingCounts {
    @Resource(lookup = "java:app/jdbc/gatehouse")
    DataSource dataSource;

    @Override
    public Map<String, Integer> of(ReleaseId release) {
        return of(release, java.util.Optional.empty());
    }

    /** The same, narrowed to the findings of some scanners (the Code Scan Report: the white-box ones). */
    public Map<String, Integer> of(ReleaseId release, java.util.Collection<String> scanners) {
        return of(release, java.util.Optional.of(scanners));
    }

    private Map<String, Integer> of(ReleaseId release, java.util.Optional<java.util.Collection<String>> scanners) {
        String sql = "SELECT f.state, f.severity, count(*) FROM finding f WHERE f.project_key = (SELECT project_key FROM"
                + " release WHERE id = ?)" + ReleaseFindings.IN_RELEASE + (scanners.isPresent() ? " AND f.scanner = ANY (?)" : "")
                + " GROUP BY f.state, f.severity ORDER BY f.state, f.severity";
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, release.value());
            s.setObject(2, release.value());
            s.setObject(3, release.value());
            if (scanners.isPresent()) {
                s.setArray(4, c.createArrayOf("text", scanners.get().toArray()));
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    counts.put(r.getString(1) + "/" + r.getString(2), r.getInt(3));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the release's findings", e);
        }
        return counts;
    }
}
