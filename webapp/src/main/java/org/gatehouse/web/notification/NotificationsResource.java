package org.gatehouse.web.notification;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.identity.audit.Notifications;
import org.gatehouse.web.security.CurrentActor;
import org.gatehouse.web.security.Requires;

/** Alerts for administrators and security administrators, such as repeated denied requests (B.2.4.3-kf). */
@Path("/notifications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "notifications")
public class NotificationsResource {
    @Inject
    Notifications notifications;

    @Context
    ContainerRequestContext request;

    /** One alert. */
    public record NotificationView(String id, String audience, String kind, String subject, String detail,
            java.time.Instant createdAt) {
    }

    @GET
    @Requires(value = Permission.NOTIFICATION_READ, scope = Requires.Scope.ANY_PROJECT)
    @Operation(summary = "The latest 100 notifications addressed to the caller's global roles or owned projects")
    public List<NotificationView> latest() {
        return notifications.latest(CurrentActor.of(request), 100).stream()
                .map(n -> new NotificationView(n.id().toString(), n.audience(), n.kind(), n.subject(), n.detail(),
                        n.createdAt().toInstant())).toList();
    }
}
