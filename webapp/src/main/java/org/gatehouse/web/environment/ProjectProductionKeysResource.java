package org.gatehouse.web.environment;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatehouse.findings.secrets.ProductionKeys;
import org.gatehouse.findings.secrets.RegisteredKey;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.web.environment.EnvironmentRequests.ProductionKeyRequest;
import org.gatehouse.web.security.CurrentActor;
import org.gatehouse.web.security.Requires;
import org.gatehouse.web.support.RequestBodies;

/**
 * The register of a project's production keys (8.5.2, C.2): a PEM public key or certificate, or a secret
 * submitted once. The answer carries the fingerprint of a key (SHA-256 of its public key) but never a
 * secret nor its keyed hash.
 */
@Path("/projects/{key}/production-keys")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "environments")
public class ProjectProductionKeysResource {
    @Inject
    ProductionKeys keys;

    @Inject
    RequestBodies bodies;

    @Context
    ContainerRequestContext request;

    /** A register entry: {@code sha256} for keys and certificates only. */
    public record ProductionKeyView(String id, String project, String label, String kind, String sha256,
            String registeredBy, Instant registeredAt) {
        static ProductionKeyView of(RegisteredKey k) {
            return new ProductionKeyView(k.id().toString(), k.project(), k.label(), k.kind().name(),
                    k.kind() == RegisteredKey.Kind.SECRET ? null : k.fingerprint(), k.registeredBy(), k.registeredAt());
        }
    }

    @GET
    @Requires(value = Permission.ENVIRONMENT_READ, scope = Requires.Scope.PROJECT)
    @Operation(summary = "The project's registered production keys (labels and public-key fingerprints; no secrets)")
    public List<ProductionKeyView> list(@PathParam("key") String key) {
        return keys.list(CurrentActor.of(request), key).stream().map(ProductionKeyView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(value = Permission.ENVIRONMENT_ADMIN, scope = Requires.Scope.PROJECT)
    @Operation(summary = "Register a production key: {label, pem} (public key or certificate) or {label, secret}")
    public Response register(@PathParam("key") String key, ProductionKeyRequest body) {
        ProductionKeyRequest valid = bodies.valid(body);
        RegisteredKey registered = keys.register(CurrentActor.of(request), key, valid.label,
                Optional.ofNullable(valid.pem).filter(p -> !p.isBlank()),
                Optional.ofNullable(valid.secret).filter(s -> !s.isEmpty()));
        valid.secret = null;
        return Response.status(Response.Status.CREATED).entity(ProductionKeyView.of(registered)).build();
    }

    @DELETE
    @Path("{id}")
    @Requires(value = Permission.ENVIRONMENT_ADMIN, scope = Requires.Scope.PROJECT)
    @Operation(summary = "Remove a production key from the register")
    public Response remove(@PathParam("key") String key, @PathParam("id") String id) {
        keys.remove(CurrentActor.of(request), key, id);
        return Response.noContent().build();
    }
}
