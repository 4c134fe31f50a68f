package org.gatehouse.web.environment;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.web.environment.EnvironmentRequests.DeviceRequest;
import org.gatehouse.web.security.CurrentActor;
import org.gatehouse.web.security.Requires;
import org.gatehouse.web.support.RequestBodies;
import org.gatehouse.workflow.environment.Device;
import org.gatehouse.workflow.environment.Devices;

/**
 * A project's devices and assets (C.2): each with its responsible person (required) and its compliance
 * status, computed at each read (a last check older than the configured age is not compliant).
 */
@Path("/projects/{key}/devices")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "environments")
public class ProjectDevicesResource {
    @Inject
    Devices devices;

    @Inject
    RequestBodies bodies;

    @Context
    ContainerRequestContext request;

    /** A device with its compliance now. */
    public record DeviceView(String id, String project, String assetTag, String description, String kind,
            String responsible, boolean patched, boolean antivirus, boolean diskEncrypted, Instant lastCheckedAt,
            boolean compliant, List<String> gaps, long maxCheckAgeDays, String updatedBy, Instant updatedAt) {
        static DeviceView of(Devices.Checked checked) {
            Device d = checked.device();
            return new DeviceView(d.id().toString(), d.project().value(), d.assetTag(), d.description(), d.kind().name(),
                    d.responsible(), d.patched(), d.antivirus(), d.diskEncrypted(), d.lastCheckedAt().orElse(null),
                    checked.compliance().compliant(), checked.compliance().gaps().stream().map(Enum::name).toList(),
                    checked.maxCheckAge().toDays(), d.updatedBy(), d.updatedAt());
        }
    }

    @GET
    @Requires(value = Permission.ENVIRONMENT_READ, scope = Requires.Scope.PROJECT)
    @Operation(summary = "The project's devices with their responsible person and compliance status (C.2)")
    public List<DeviceView> list(@PathParam("key") String key) {
        return devices.list(CurrentActor.of(request), key).stream().map(DeviceView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(value = Permission.ENVIRONMENT_ADMIN, scope = Requires.Scope.PROJECT)
    @Operation(summary = "Register a device; a responsible person (an enabled person account) is required")
    public Response register(@PathParam("key") String key, DeviceRequest body) {
        Devices.Checked created = devices.register(CurrentActor.of(request), key, draft(bodies.valid(body)));
        return Response.status(Response.Status.CREATED).entity(DeviceView.of(created)).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(value = Permission.ENVIRONMENT_ADMIN, scope = Requires.Scope.PROJECT)
    @Operation(summary = "Change a device or record a compliance check")
    public DeviceView update(@PathParam("key") String key, @PathParam("id") String id, DeviceRequest body) {
        return DeviceView.of(devices.update(CurrentActor.of(request), key, id, draft(bodies.valid(body))));
    }

    @DELETE
    @Path("{id}")
    @Requires(value = Permission.ENVIRONMENT_ADMIN, scope = Requires.Scope.PROJECT)
    @Operation(summary = "Remove a device from the register")
    public Response remove(@PathParam("key") String key, @PathParam("id") String id) {
        devices.remove(CurrentActor.of(request), key, id);
        return Response.noContent().build();
    }

    private static Devices.Draft draft(DeviceRequest body) {
        Device.Kind kind = body.kind == null || body.kind.isBlank() ? Device.Kind.OTHER
                : EnvironmentRequests.parse(Device.Kind.class, body.kind, "kind");
        return new Devices.Draft(body.assetTag, body.description, kind, body.responsible, body.patched, body.antivirus,
                body.diskEncrypted, EnvironmentRequests.instant(body.lastCheckedAt, "lastCheckedAt"));
    }
}
