package org.gatehouse.web.audit;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.gatehouse.identity.access.Actor;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.platform.audit.AuditChain;
import org.gatehouse.identity.audit.AuditSearch;
import org.gatehouse.web.paging.PageQuery;
import org.gatehouse.web.paging.PageView;
import org.gatehouse.web.security.CurrentActor;
import org.gatehouse.web.security.Requires;

/** The audit trail for auditors: search (newest first), export, and chain verification (B.2.4.3, 7.2.5). */
@Path("/audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit")
public class AuditResource {
    @Inject
    AuditSearch search;

    @Context
    ContainerRequestContext request;

    @GET
    @Path("events")
    @Requires(Permission.AUDIT_READ)
    @Operation(summary = "Search the audit trail by time range, actor, type, target and result")
    public PageView<AuditEventView> events(@BeanParam AuditQuery query, @BeanParam PageQuery page) {
        return PageView.of(search.search(CurrentActor.of(request), query.criteria(), page.cursor(), page.limit()),
                AuditEventView::of);
    }

    @GET
    @Path("export")
    @Produces({"text/csv", MediaType.APPLICATION_JSON})
    @Requires(Permission.AUDIT_READ)
    @Operation(summary = "Export every matching record, oldest first, as CSV or JSON (format=csv|json), streamed")
    public Response export(@BeanParam AuditQuery query, @QueryParam("format") @DefaultValue("csv") String format) {
        Actor actor = CurrentActor.of(request);
        AuditSearch.Criteria criteria = query.criteria();
        boolean json = switch (format) {
            case "json" -> true;
            case "csv" -> false;
            default -> throw new AuditQuery.InvalidParameter("format", format);
        };
        StreamingOutput body = out -> {
            try (AuditExport writer = json ? AuditExport.json(out) : AuditExport.csv(out)) {
                search.export(actor, criteria, writer::write);
            }
        };
        return Response.ok(body, json ? MediaType.APPLICATION_JSON_TYPE : new MediaType("text", "csv", "UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"gatehouse-audit." + (json ? "json" : "csv") + "\"")
                .build();
    }

    @GET
    @Path("verification")
    @Requires(Permission.AUDIT_READ)
    @Operation(summary = "Recompute the hash chain; reports the first broken record, or the head to keep")
    public VerificationView verify() {
        return VerificationView.of(search.verify(CurrentActor.of(request)));
    }

    /** The result of a verification; keep {@code headSeq}/{@code headHash} to detect a cut-off tail later. */
    public record VerificationView(boolean intact, long recordsChecked, Long firstBrokenSeq, String problem, Long headSeq,
            String headHash, long millis) {
        static VerificationView of(AuditChain.Verification v) {
            return new VerificationView(v.intact(), v.recordsChecked(), v.firstBrokenSeq().orElse(null),
                    v.problem().orElse(null), v.headSeq().orElse(null), v.headHash().orElse(null), v.took().toMillis());
        }
    }
}
