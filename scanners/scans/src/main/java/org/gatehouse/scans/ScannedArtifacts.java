package org.gatehouse.scans;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.gatehouse.platform.sql.Jdbc;
import org.gatehouse.workflow.api.ReleaseId;
import org.gatehouse.workflow.release.ReleaseArtifacts;

/**
 * The artifacts of a release for its certificate (C.4): the released artifacts of its recorded build,
 * or, when no build was recorded, the artifacts its successful white-box scans analysed.
 */
@ApplicationScoped
public class ScannedArtifacts implements ReleaseArtifacts {
    @Resource(lookup = "java:app/jdbc/gatehouse")
    DataSource dataSource;

    @Inject
    BuildProvenance builds;

    @Override
    public List<Artifact> of(ReleaseId release) {
        return builds.of(release).map(BuildProvenance.Build::artifacts).filter(a -> !a.isEmpty())
                .orElseGet(() -> scanned(release));
    }

    /** The SHA-256 of every artifact a successful white-box scan of the release analysed. */
    public java.util.Set<String> scannedDigests(ReleaseId release) {
        return scanned(release).stream().map(Artifact::sha256).collect(java.util.stream.Collectors.toSet());
    }

    private List<Artifact> scanned(ReleaseId release) {
        try (Connection c = dataSource.getConnection()) {
            return Jdbc.list(c, "SELECT DISTINCT artifact_name, artifact_sha256 FROM scan WHERE release_id = ?"
                    + " AND kind = 'WHITE_BOX' AND state = 'SUCCEEDED' AND artifact_sha256 IS NOT NULL"
                    + " ORDER BY artifact_name, artifact_sha256", r -> new Artifact(r.getString(1), r.getString(2)),
                    release.value());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the release's scanned artifacts", e);
        }
    }
}
