package org.gatehouse.web.certificate;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.web.security.CurrentActor;
import org.gatehouse.web.security.Requires;
import org.gatehouse.workflow.release.ReleaseCertificates;

/** The certificate of a released release, byte for byte as issued (its bytes are what verification checks). */
@Path("/releases/{id}/certificate")
@RequestScoped
@Tag(name = "lifecycle")
public class ReleaseCertificateResource {
    @Inject
    ReleaseCertificates certificates;

    @Context
    ContainerRequestContext request;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Requires(value = Permission.RELEASE_READ, scope = Requires.Scope.RELEASE)
    @Operation(summary = "The release certificate (canonical JSON, exact bytes); 404 until the release is released")
    public Response get(@PathParam("id") String id) {
        byte[] document = certificates.of(CurrentActor.of(request), id).orElseThrow(NotFoundException::new);
        return Response.ok(document, MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"release-" + id.replaceAll("[^0-9a-f-]", "")
                        + ".certificate.json\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
