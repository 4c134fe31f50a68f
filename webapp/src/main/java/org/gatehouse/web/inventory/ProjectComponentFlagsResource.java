package org.gatehouse.web.inventory;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatehouse.findings.inventory.ComponentFlag;
import org.gatehouse.findings.inventory.ComponentFlags;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.web.security.CurrentActor;
import org.gatehouse.web.security.Requires;
import org.gatehouse.web.support.RequestBodies;

/**
 * Flags on a project's components (C.4): self-written cryptography (dual control, gate
 * {@code crypto.dual-control}) and key security designs (restricted distribution).
 */
@Path("/projects/{key}/component-flags")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "inventory")
public class ProjectComponentFlagsResource {
    @Inject
    ComponentFlags flags;

    @Inject
    RequestBodies bodies;

    @Context
    ContainerRequestContext request;

    /** A flag to set: the component's identity (purl without version, or group:name), the flag, why. */
    public static class FlagRequest {
        @Size(max = 2000, message = "{validation.size}")
        public String identity;

        @Size(max = 40, message = "{validation.size}")
        public String flag;

        @Size(max = 2000, message = "{validation.size}")
        public String reason;
    }

    public record FlagView(String identity, String flag, String reason, String setBy, Instant setAt) {
        static FlagView of(ComponentFlags.Flagged f) {
            return new FlagView(f.identity(), f.flag().name(), f.reason(), f.setBy(), f.setAt().toInstant());
        }
    }

    @GET
    @Requires(value = Permission.FINDING_READ, scope = Requires.Scope.PROJECT)
    @Operation(summary = "The project's component flags")
    public List<FlagView> list(@PathParam("key") String key) {
        return flags.of(CurrentActor.of(request), key).stream().map(FlagView::of).toList();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(value = Permission.INVENTORY_MANAGE, scope = Requires.Scope.PROJECT)
    @Operation(summary = "Flag a component: SELF_WRITTEN_CRYPTO or KEY_SECURITY_DESIGN, with a reason")
    public FlagView set(@PathParam("key") String key, FlagRequest body) {
        FlagRequest valid = bodies.valid(body);
        return FlagView.of(flags.set(CurrentActor.of(request), key, valid.identity, ComponentFlag.parse(valid.flag),
                valid.reason));
    }

    @DELETE
    @Requires(value = Permission.INVENTORY_MANAGE, scope = Requires.Scope.PROJECT)
    @Operation(summary = "Remove a component's flag (?identity=…&flag=…)")
    public Response remove(@PathParam("key") String key, @QueryParam("identity") String identity,
            @QueryParam("flag") String flag) {
        flags.remove(CurrentActor.of(request), key, identity, ComponentFlag.parse(flag));
        return Response.noContent().build();
    }
}
