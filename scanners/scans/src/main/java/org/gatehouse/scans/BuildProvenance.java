package org.gatehouse.scans;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.gatehouse.identity.access.AccessDenied;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.identity.audit.AuditEntry;
import org.gatehouse.identity.audit.AuditTrail;
import org.gatehouse.platform.sql.Jdbc;
import org.gatehouse.workflow.api.ReleaseId;
import org.gatehouse.workflow.api.ReleaseStatus;
import org.gatehouse.workflow.lifecycle.PhaseTerminal;
import org.gatehouse.workflow.release.Release;
import org.gatehouse.workflow.release.ReleaseArtifacts;
import org.gatehouse.workflow.release.Releases;

/**
 * The build provenance of a release (C.4): the commit, the CI build and the digests of the artifacts
 * that are released, recorded by CI or the team (FINDING_IMPORT, as for a report push); each record
 * replaces the last and is audited. The release certificate lists these artifacts, and the level-3
 * gate checks that each was the artifact a white-box scan analysed.
 */
@ApplicationScoped
@Transactional
public class BuildProvenance {
    static final Pattern COMMIT = Pattern.compile("[0-9a-f]{7,64}");
    static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    static final int MAX_ARTIFACTS = 50;

    @Inject
    Releases releases;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Resource(lookup = "java:app/jdbc/gatehouse")
    DataSource dataSource;

    /** What was built and released. */
    public record Build(String commit, String buildId, Optional<String> pipelineUrl, List<ReleaseArtifacts.Artifact> artifacts,
            String recordedBy, Instant recordedAt) {
        public Build {
            artifacts = List.copyOf(artifacts);
        }
    }

    public Build record(Actor actor, String releaseId, String commit, String buildId, Optional<String> pipelineUrl,
            List<ReleaseArtifacts.Artifact> artifacts) {
        Release release = releases.get(actor, releaseId);
        if (!actor.may(Permission.FINDING_IMPORT, release.project())) {
            throw new AccessDenied(Permission.FINDING_IMPORT);
        }
        if (release.status() == ReleaseStatus.CLOSED) {
            throw new PhaseTerminal(release.phase());
        }
        if (commit == null || !COMMIT.matcher(commit).matches()) {
            throw new InvalidBuild("build.malformed-commit");
        }
        if (artifacts.isEmpty() || artifacts.size() > MAX_ARTIFACTS
                || artifacts.stream().anyMatch(a -> !SHA256.matcher(a.sha256()).matches() || a.name().isBlank())
                || artifacts.stream().map(ReleaseArtifacts.Artifact::name).distinct().count() != artifacts.size()) {
            throw new InvalidBuild("build.malformed-artifacts", MAX_ARTIFACTS);
        }
        pipelineUrl.filter(u -> !u.matches("https?://\\S{1,990}")).ifPresent(u -> {
            throw new InvalidBuild("build.malformed-url");
        });
        Build build = new Build(commit, buildId.strip(), pipelineUrl, artifacts, actor.name(), clock.instant());
        try {
            Connection c = Jdbc.enlisted(em.unwrap(Connection.class));
            Jdbc.update(c, "INSERT INTO release_build (release_id, commit_sha, build_id, pipeline_url, recorded_by,"
                    + " recorded_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (release_id) DO UPDATE SET"
                    + " commit_sha = EXCLUDED.commit_sha, build_id = EXCLUDED.build_id, pipeline_url = EXCLUDED.pipeline_url,"
                    + " recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at", release.id().value(),
                    commit, build.buildId(), pipelineUrl.orElse(null), actor.name(),
                    build.recordedAt().atOffset(ZoneOffset.UTC));
            Jdbc.update(c, "DELETE FROM release_build_artifact WHERE release_id = ?", release.id().value());
            for (ReleaseArtifacts.Artifact artifact : artifacts) {
                Jdbc.update(c, "INSERT INTO release_build_artifact (release_id, name, sha256) VALUES (?, ?, ?)",
                        release.id().value(), artifact.name(), artifact.sha256());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the build", e);
        }
        audit.record(actor, AuditEntry.success("release.build-recorded", "release:" + release.id(), "commit " + commit
                + ", build " + build.buildId() + ", " + artifacts.size() + " artifact(s)"));
        return build;
    }

    @Transactional
    public Optional<Build> of(Actor actor, String releaseId) {
        return of(releases.get(actor, releaseId).id());
    }

    /** The recorded build, read without an actor (the gate, the certificate). */
    @Transactional
    public Optional<Build> of(ReleaseId release) {
        try (Connection c = dataSource.getConnection()) {
            List<ReleaseArtifacts.Artifact> artifacts = Jdbc.list(c, "SELECT name, sha256 FROM release_build_artifact"
                    + " WHERE release_id = ? ORDER BY name", r -> new ReleaseArtifacts.Artifact(r.getString(1),
                            r.getString(2)), release.value());
            return Jdbc.first(c, "SELECT commit_sha, build_id, pipeline_url, recorded_by, recorded_at FROM release_build"
                    + " WHERE release_id = ?", r -> new Build(r.getString(1), r.getString(2),
                            Optional.ofNullable(r.getString(3)), artifacts, r.getString(4), r.getTimestamp(5).toInstant()),
                    release.value());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the build", e);
        }
    }
}
