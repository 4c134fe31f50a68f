package org.gatehouse.web.webhook;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.identity.outbox.EventType;
import org.gatehouse.notify.mail.NotificationPreferences;
import org.gatehouse.web.security.CurrentActor;
import org.gatehouse.web.security.Requires;
import org.gatehouse.web.support.RequestBodies;

/** One's own e-mail preferences (issue 7): which events, in which language. */
@Path("/session/notification-preferences")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "session")
public class NotificationPreferencesResource {
    @Inject
    NotificationPreferences preferences;

    @Inject
    RequestBodies bodies;

    @Context
    ContainerRequestContext request;

    /** The chosen events and language, and every event one may choose. */
    public record PreferencesView(List<String> events, String language, List<String> available) {
        static PreferencesView of(NotificationPreferences.Preferences p) {
            return new PreferencesView(p.events(), p.language(), Arrays.stream(EventType.values())
                    .map(EventType::wireName).toList());
        }
    }

    @GET
    @Requires(Permission.SELF)
    @Operation(summary = "The events one receives by e-mail, and the language")
    public PreferencesView get() {
        return PreferencesView.of(preferences.of(CurrentActor.of(request)));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.SELF)
    @Operation(summary = "Choose the events to receive by e-mail (none: no e-mail) and the language (zh-CN or en)")
    public PreferencesView set(PreferencesRequest body) {
        PreferencesRequest valid = bodies.valid(body);
        return PreferencesView.of(preferences.set(CurrentActor.of(request), valid.events,
                valid.language == null ? "zh-CN" : valid.language));
    }
}
