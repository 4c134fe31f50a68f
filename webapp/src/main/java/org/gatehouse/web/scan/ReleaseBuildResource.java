package org.gatehouse.web.scan;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.scans.BuildProvenance;
import org.gatehouse.web.security.CurrentActor;
import org.gatehouse.web.security.Requires;
import org.gatehouse.web.support.RequestBodies;
import org.gatehouse.workflow.release.ReleaseArtifacts;

/** The build provenance of a release (C.4): commit, CI build, and the digests of the released artifacts. */
@Path("/releases/{id}/build")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "scans")
public class ReleaseBuildResource {
    @Inject
    BuildProvenance builds;

    @Inject
    RequestBodies bodies;

    @Context
    ContainerRequestContext request;

    /** The body: commit, build id, optional pipeline URL, the released artifacts. */
    public static class BuildRequest {
        @NotBlank(message = "{validation.required}")
        @Size(max = 64, message = "{validation.size}")
        public String commit;

        @NotBlank(message = "{validation.required}")
        @Size(max = 200, message = "{validation.size}")
        public String build;

        @Size(max = 1000, message = "{validation.size}")
        public String pipelineUrl;

        @NotNull(message = "{validation.required}")
        @Size(max = 50, message = "{validation.size}")
        public List<ArtifactRequest> artifacts;
    }

    /** One released artifact. */
    public static class ArtifactRequest {
        @NotBlank(message = "{validation.required}")
        @Size(max = 255, message = "{validation.size}")
        public String name;

        @NotBlank(message = "{validation.required}")
        @Size(max = 64, message = "{validation.size}")
        public String sha256;
    }

    public record BuildView(String commit, String build, String pipelineUrl, List<ReleaseArtifacts.Artifact> artifacts,
            String recordedBy, java.time.Instant recordedAt) {
        static BuildView of(BuildProvenance.Build b) {
            return new BuildView(b.commit(), b.buildId(), b.pipelineUrl().orElse(null), b.artifacts(), b.recordedBy(),
                    b.recordedAt());
        }
    }

    @GET
    @Requires(value = Permission.RELEASE_READ, scope = Requires.Scope.RELEASE)
    @Operation(summary = "The recorded build of the release; 404 when none")
    public BuildView get(@PathParam("id") String id) {
        return builds.of(CurrentActor.of(request), id).map(BuildView::of).orElseThrow(NotFoundException::new);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(value = Permission.FINDING_IMPORT, scope = Requires.Scope.RELEASE)
    @Operation(summary = "Record the build: commit, CI build, pipeline URL and the released artifacts' SHA-256 (CI may push it)")
    public BuildView put(@PathParam("id") String id, BuildRequest body) {
        BuildRequest valid = bodies.valid(body);
        List<ReleaseArtifacts.Artifact> artifacts = valid.artifacts.stream().filter(java.util.Objects::nonNull)
                .map(a -> new ReleaseArtifacts.Artifact(a.name == null ? "" : a.name.strip(), a.sha256 == null ? ""
                        : a.sha256.strip())).toList();
        return BuildView.of(builds.record(CurrentActor.of(request), id, valid.commit.strip(), valid.build,
                Optional.ofNullable(valid.pipelineUrl).map(String::strip).filter(u -> !u.isEmpty()), artifacts));
    }
}
