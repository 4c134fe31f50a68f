package org.gatehouse.web.finding;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.groups.Default;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatehouse.findings.finding.Finding;
import org.gatehouse.findings.finding.FindingRecords;
import org.gatehouse.findings.finding.Findings;
import org.gatehouse.findings.finding.TriageAction;
import org.gatehouse.findings.listing.FindingSearch;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.platform.time.UtcTime;
import org.gatehouse.web.paging.PageQuery;
import org.gatehouse.web.paging.PageView;
import org.gatehouse.web.problem.Problems;
import org.gatehouse.web.security.CurrentActor;
import org.gatehouse.web.security.Requires;
import org.gatehouse.web.support.EntityTags;
import org.gatehouse.web.support.RequestBodies;

/**
 * Findings: the listing, the detail, and the decisions on them (B.1.3.1-ih). Single decisions need
 * {@code If-Match} with the finding's ETag; dismissals are requested here and decided by a second
 * person through {@code /{id}/decision}, or many at once through {@code /decision} (as bulk triage
 * through {@code /triage}: up to 500, refusals listed).
 */
@Path("/findings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "findings")
public class FindingsResource {
    private static final int OCCURRENCES_SHOWN = 100;

    @Inject
    Findings findings;

    @Inject
    FindingSearch search;

    @Inject
    FindingRecords records;

    @Inject
    RequestBodies bodies;

    @Inject
    Clock clock;

    @Context
    ContainerRequestContext request;

    @Context
    HttpHeaders headers;

    @GET
    @Requires(value = Permission.FINDING_READ, scope = Requires.Scope.FINDING)
    @Operation(summary = "List findings with filters, a sort and keyset pages")
    public PageView<FindingView> list(@BeanParam FindingQuery query, @BeanParam PageQuery page) {
        return PageView.of(search.search(actor(), query.filter(), query.sort(), page.cursor(), page.limit()),
                FindingView::of);
    }

    @GET
    @Path("{id}")
    @Requires(value = Permission.FINDING_READ, scope = Requires.Scope.FINDING)
    @Operation(summary = "A finding with its occurrences, pending request and history")
    public Response get(@PathParam("id") String id) {
        Finding finding = findings.get(actor(), id);
        return withTag(finding.rowVersion(), FindingDetailView.of(finding, records.occurrences(finding, OCCURRENCES_SHOWN),
                records.history(finding), findings.permitted(actor(), finding), findings.latestAcceptanceExpiry(), now()));
    }

    @POST
    @Path("{id}/triage")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(value = Permission.FINDING_TRIAGE, scope = Requires.Scope.FINDING)
    @Operation(summary = "Confirm, mark fixed, request a dismissal or withdraw the request (If-Match required)")
    public Response triage(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, TriageRequest body) {
        TriageRequest valid = bodies.valid(body);
        return change(id, ifMatch, expected -> findings.triage(actor(), id, expected, TriageAction.parse(valid.action),
                valid.reason, Optional.ofNullable(valid.until)));
    }

    /** The outcome of a bulk triage. */
    public record BulkView(List<String> applied, List<Refused> refused) {
    }

    /** A finding left unchanged, with the problem type and detail saying why. */
    public record Refused(String id, String type, String detail) {
    }

    @POST
    @Path("triage")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(value = Permission.FINDING_TRIAGE, scope = Requires.Scope.FINDING)
    @Operation(summary = "The same triage decision on up to 500 findings; refusals are listed, not fatal")
    public BulkView triageAll(TriageRequest body) {
        TriageRequest valid = bodies.valid(body);
        Findings.BulkResult result = findings.triageAll(actor(), valid.ids == null ? List.of() : valid.ids,
                TriageAction.parse(valid.action), valid.reason, Optional.ofNullable(valid.until));
        return bulkView(result);
    }

    @POST
    @Path("decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(value = Permission.FINDING_APPROVE, scope = Requires.Scope.FINDING)
    @Operation(summary = "Approve or reject up to 500 requested dismissals (a security reviewer of each finding's"
            + " project who is not its requester); refusals are listed, not fatal")
    public BulkView decideAll(DecisionRequest body) {
        DecisionRequest valid = bodies.valid(body, Default.class, DecisionRequest.Approval.class);
        return bulkView(findings.decideAll(actor(), valid.ids == null ? List.of() : valid.ids, valid.approve,
                valid.reason));
    }

    private BulkView bulkView(Findings.BulkResult result) {
        java.util.Locale locale = Problems.locale(headers);
        return new BulkView(result.applied(), result.refused().stream()
                .map(r -> new Refused(r.id(), r.reason().type().uri().toString(), r.reason().detail(locale))).toList());
    }

    @POST
    @Path("{id}/retest")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(value = Permission.FINDING_VERIFY, scope = Requires.Scope.FINDING)
    @Operation(summary = "Record a manual re-test of a claimed fix: passed verifies it, failed reopens it")
    public Response retest(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, DecisionRequest body) {
        DecisionRequest valid = bodies.valid(body, Default.class, DecisionRequest.Outcome.class);
        return change(id, ifMatch, expected -> findings.retest(actor(), id, expected, valid.passed, valid.reason));
    }

    @POST
    @Path("{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(value = Permission.FINDING_APPROVE, scope = Requires.Scope.FINDING)
    @Operation(summary = "Approve or reject a requested dismissal (a security reviewer who is not the requester)")
    public Response decide(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, DecisionRequest body) {
        DecisionRequest valid = bodies.valid(body, Default.class, DecisionRequest.Approval.class);
        return change(id, ifMatch, expected -> findings.decide(actor(), id, expected, valid.approve, valid.reason));
    }

    @POST
    @Path("{id}/reopen")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(value = Permission.FINDING_APPROVE, scope = Requires.Scope.FINDING)
    @Operation(summary = "Reopen a dismissed, suppressed or verified finding")
    public Response reopen(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, DecisionRequest body) {
        DecisionRequest valid = bodies.valid(body);
        return change(id, ifMatch, expected -> findings.reopen(actor(), id, expected, valid.reason));
    }

    /** A decision on a finding the client saw at the version {@code If-Match} names. */
    private interface Decision {
        Finding at(long expectedVersion);
    }

    private Response change(String id, String ifMatch, Decision decision) {
        long expected = EntityTags.expectedVersion(ifMatch, findings.get(actor(), id).rowVersion());
        Finding finding = decision.at(expected);
        return withTag(finding.rowVersion(), FindingView.of(finding, now()));
    }

    private static Response withTag(long version, Object view) {
        return Response.ok(view).tag(EntityTags.of(version)).build();
    }

    private OffsetDateTime now() {
        return UtcTime.now(clock);
    }

    private Actor actor() {
        return CurrentActor.of(request);
    }
}
