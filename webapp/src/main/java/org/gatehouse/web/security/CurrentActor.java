package org.gatehouse.web.security;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Optional;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.session.Sessions;

/** Where the authentication filter leaves who is calling, for resources and later filters. */
public final class CurrentActor {
    static final String ACTOR = "gatehouse.actor";
    static final String SESSION = "gatehouse.session";

    private CurrentActor() {
    }

    public static Actor of(ContainerRequestContext request) {
        return (Actor) request.getProperty(ACTOR);
    }

    public static Optional<Sessions.Active> session(ContainerRequestContext request) {
        return Optional.ofNullable((Sessions.Active) request.getProperty(SESSION));
    }
}
