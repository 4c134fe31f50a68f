package org.gatehouse.web.lifecycle;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatehouse.findings.importing.ImportStatus;
import org.gatehouse.findings.importing.ReportImports;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;
import org.gatehouse.scanner.api.AnalysisKind;
import org.gatehouse.web.problem.Problems;
import org.gatehouse.web.security.CurrentActor;
import org.gatehouse.web.security.Requires;
import org.gatehouse.web.support.RequestBodies;
import org.gatehouse.workflow.lifecycle.ActivityId;
import org.gatehouse.workflow.release.ScanAdvances;

/**
 * The CI-scoped advance after a push (issue 7, ADR 0012): names the completed import of a pushed
 * scan; its analysis kind says which activity it completes (white-box or black-box scan), then the
 * release leaves TESTING if every gate passes unwaived. Always 200 with what happened —
 * {@code ADVANCED}, {@code BLOCKED} (every reason) or {@code NOT_IN_TESTING} — once allowed.
 */
@Path("/releases/{id}/scan-advance")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "lifecycle")
public class ReleaseScanAdvanceResource {
    @Inject
    ScanAdvances advances;

    @Inject
    ReportImports imports;

    @Inject
    org.gatehouse.workflow.release.ReleaseLifecycles lifecycles;

    @Inject
    RequestBodies bodies;

    @Inject
    Clock clock;

    @Context
    ContainerRequestContext request;

    @Context
    HttpHeaders headers;

    /** What the CI-scoped advance did. */
    public record ScanAdvanceView(String release, String outcome, String from, String phase, long lifecycleVersion,
            String activityCompleted, List<LifecycleViews.ReasonView> reasons) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    // the push's permission here; ScanAdvances asks for RELEASE_ADVANCE_SCAN and names the missing scope
    // (403 capability-required) instead of a bare "forbidden"
    @Requires(value = Permission.FINDING_IMPORT, scope = Requires.Scope.RELEASE)
    @Operation(summary = "After a pushed scan: complete its scan activity and leave TESTING when every gate passes unwaived (CI)")
    public ScanAdvanceView advance(@PathParam("id") String id, ScanAdvanceRequest body) {
        ScanAdvanceRequest valid = bodies.valid(body);
        Actor actor = CurrentActor.of(request);
        ImportStatus imported = imports.status(actor, valid.importId);
        if (!imported.release().toString().equalsIgnoreCase(id.strip())) {
            throw new NotThisScan("scan-advance.other-release", valid.importId);
        }
        if (!imported.status().equals("COMPLETED")) {
            throw new NotThisScan("scan-advance.not-completed", imported.status());
        }
        AnalysisKind kind = imports.plugin(imported.scanner()).descriptor().kind();
        Optional<ActivityId> activity = switch (kind) {
            case WHITE_BOX -> Optional.of(ActivityId.WHITE_BOX_SCAN);
            case BLACK_BOX -> Optional.of(ActivityId.BLACK_BOX_SCAN);
            default -> Optional.empty();
        };
        ScanAdvances.Result result = advances.advanceAfterScan(actor, id, activity);
        LifecycleViews views = new LifecycleViews(lifecycles, Problems.locale(headers), clock.instant());
        return new ScanAdvanceView(result.situation().release().id().toString(), result.outcome().name(),
                result.from().name(), result.situation().lifecycle().phase().name(),
                result.situation().lifecycle().state().version(), result.activityCompleted().map(ActivityId::value)
                        .orElse(null), views.reasons(result.reasons()));
    }

    /** The named import is not a completed scan of this release. */
    public static final class NotThisScan extends DomainException {
        private static final long serialVersionUID = 1L;

        NotThisScan(String key, String argument) {
            super(ProblemType.CONFLICT, key, argument);
        }
    }
}
