package org.gatehouse.scans;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.gatehouse.workflow.api.ReleaseId;
import org.gatehouse.workflow.release.ReleaseArtifacts;

/** The artifacts the release's completed white-box scans analysed (C.4), for its release certificate. */
@ApplicationScoped
public class ScannedArtifacts implements ReleaseArtifacts {
    @Resource(lookup = "java:app/jdbc/gatehouse")
    DataSource dataSource;

    @Override
    public List<Artifact> of(ReleaseId release) {
        List<Artifact> artifacts = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT DISTINCT"
                + " artifact_name, artifact_sha256 FROM scan WHERE release_id = ? AND kind = 'WHITE_BOX'"
                + " AND state = 'SUCCEEDED' AND artifact_sha256 IS NOT NULL ORDER BY artifact_name, artifact_sha256")) {
            s.setObject(1, release.value());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    artifacts.add(new Artifact(r.getString(1), r.getString(2)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the release's scanned artifacts", e);
        }
        return artifacts;
    }
}
