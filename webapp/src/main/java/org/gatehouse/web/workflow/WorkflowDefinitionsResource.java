package org.gatehouse.web.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;
import org.gatehouse.web.security.CurrentActor;
import org.gatehouse.web.security.Requires;
import org.gatehouse.workflow.definition.DefinitionDocument;
import org.gatehouse.workflow.definition.DefinitionNotFound;
import org.gatehouse.workflow.definition.WorkflowDefinitions;
import org.gatehouse.workflow.lifecycle.DefinitionRef;

/**
 * Workflow definitions as data (issue 6, 8.1, ADR 0023): every version, each version's
 * {@code gatehouse-workflow/1} document, and publishing the next version of a definition.
 */
@Path("/workflow-definitions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "workflow")
public class WorkflowDefinitionsResource {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    @Inject
    WorkflowDefinitions definitions;

    @Context
    ContainerRequestContext request;

    @Context
    UriInfo uriInfo;

    /** One definition version; {@code current}: new releases of its level start with it. */
    public record DefinitionView(String id, int version, int defaultFor, boolean builtIn, boolean current, String sha256,
            String note, String publishedBy, Instant publishedAt) {
        static DefinitionView of(WorkflowDefinitions.Summary s) {
            return new DefinitionView(s.ref().id(), s.ref().version(), s.defaultFor().number(), s.builtIn(), s.current(),
                    s.sha256().orElse(null), s.note().orElse(null), s.publishedBy().orElse(null),
                    s.publishedAt().orElse(null));
        }
    }

    @GET
    @Requires(Permission.WORKFLOW_READ)
    @Operation(summary = "Every workflow definition version: the built-in defaults and those published since")
    public List<DefinitionView> list() {
        return definitions.list().stream().map(DefinitionView::of).toList();
    }

    @GET
    @Path("{id}/{version}")
    @Requires(Permission.WORKFLOW_READ)
    @Operation(summary = "One definition version as its gatehouse-workflow/1 document")
    public Response document(@PathParam("id") String id, @PathParam("version") String version) throws JsonProcessingException {
        DefinitionRef ref = ref(id, version);
        return Response.ok(JSON.writeValueAsString(definitions.document(ref)), MediaType.APPLICATION_JSON).build();
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.WORKFLOW_ADMIN)
    @Operation(summary = "Publish the next version of a definition: {note, definition} (security administrators)")
    public Response publish(@PathParam("id") String id, InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(WorkflowDefinitions.MAX_DOCUMENT_BYTES + 1);
        if (bytes.length > WorkflowDefinitions.MAX_DOCUMENT_BYTES) {
            throw new BadPublishRequest("workflow.body-too-large", WorkflowDefinitions.MAX_DOCUMENT_BYTES);
        }
        JsonNode request = DefinitionDocument.parse(new String(bytes, StandardCharsets.UTF_8));
        if (!request.isObject() || !request.path("definition").isObject() || !request.path("note").isTextual()) {
            throw new BadPublishRequest("workflow.body-shape");
        }
        for (Iterator<String> names = request.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!name.equals("note") && !name.equals("definition")) {
                throw new BadPublishRequest("workflow.body-shape");
            }
        }
        WorkflowDefinitions.Summary published = definitions.publish(CurrentActor.of(this.request), id,
                request.get("definition"), request.get("note").asText());
        return Response.created(uriInfo.getBaseUriBuilder().path("workflow-definitions").path(id)
                .path(Integer.toString(published.ref().version())).build()).entity(DefinitionView.of(published)).build();
    }

    private static DefinitionRef ref(String id, String version) {
        if (!ID.matcher(id).matches() || id.length() > 64 || !version.matches("[1-9][0-9]{0,8}")) {
            throw new DefinitionNotFound(id + "@" + version);
        }
        return new DefinitionRef(id, Integer.parseInt(version));
    }

    /** A publish request that is not {@code {"note": "…", "definition": {…}}} or is too large. */
    public static final class BadPublishRequest extends DomainException {
        private static final long serialVersionUID = 1L;

        BadPublishRequest(String key, Object... arguments) {
            super(ProblemType.VALIDATION_FAILED, key, arguments);
        }
    }
}
