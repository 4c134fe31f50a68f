package org.gatehouse.web.compliance;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatehouse.compliance.ComplianceMatrix;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.web.document.DocumentsResource;
import org.gatehouse.web.security.CurrentActor;
import org.gatehouse.web.security.Requires;

/**
 * The compliance matrix of a project (issue 9, ADR 0021): for each clause of the requirements catalogue,
 * satisfied or not, on which evidence, and what is missing; and the same as a report in zh-CN or English,
 * HTML (under the documents' sandbox policy) or PDF. Every read of the report is audited.
 */
@Path("/projects/{key}/compliance")
@RequestScoped
@Tag(name = "compliance")
public class ComplianceResource {
    @Inject
    ComplianceMatrix matrix;

    @Context
    ContainerRequestContext request;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Requires(value = Permission.COMPLIANCE_READ, scope = Requires.Scope.PROJECT)
    @Operation(summary = "Every catalogue clause with its status (SATISFIED, PARTIAL, MISSING, MANUAL, NOT_APPLICABLE),"
            + " evidence and what is missing")
    public ComplianceView get(@PathParam("key") String key) {
        return ComplianceView.of(matrix.evaluate(CurrentActor.of(request), key));
    }

    @GET
    @Path("report")
    @Produces({MediaType.TEXT_HTML, "application/pdf"})
    @Requires(value = Permission.COMPLIANCE_READ, scope = Requires.Scope.PROJECT)
    @Operation(summary = "The matrix as a report: lang=zh-CN|en (zh-CN), format=html|pdf (html); the read is audited")
    public Response report(@PathParam("key") String key, @QueryParam("lang") String lang,
            @QueryParam("format") String format) {
        ComplianceMatrix.Report report = matrix.report(CurrentActor.of(request), key,
                Optional.ofNullable(lang).filter(l -> !l.isBlank()), Optional.ofNullable(format).filter(f -> !f.isBlank()));
        if (report.pdf()) {
            return Response.ok(report.bytes(), "application/pdf")
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + report.fileName() + "\"")
                    .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
        }
        return Response.ok(report.bytes(), "text/html; charset=UTF-8")
                .header("Content-Security-Policy", DocumentsResource.HTML_POLICY)
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
