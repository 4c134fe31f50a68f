package org.gatehouse.web.session;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Role;

/**
 * Who is logged in, the CSRF token to send with changes, and (right after a login) when and from
 * where the previous login happened and how many failed attempts followed it (B.1.3.2-io).
 */
public record SessionView(String login, List<String> globalRoles, Map<String, List<String>> projectRoles,
        boolean mustChangePassword, boolean mustEnrolSecondFactor, String csrfToken, PreviousLogin previousLogin) {

    /** The login before this one. */
    public record PreviousLogin(Instant at, String address, int failedAttemptsSince) {
    }

    static SessionView of(Actor actor, String csrfToken, PreviousLogin previous) {
        Map<String, List<String>> projects = new TreeMap<>();
        actor.projectRoles().forEach((project, roles) -> projects.put(project, roles.stream().map(Role::name).sorted().toList()));
        return new SessionView(actor.name(), actor.globalRoles().stream().map(Role::name).sorted().toList(), projects,
                actor.mustChangePassword(),
                actor.restriction().filter(Actor.Restriction.SECOND_FACTOR_ENROLMENT::equals).isPresent(), csrfToken, previous);
    }

    static PreviousLogin previous(org.gatehouse.identity.account.Account.PreviousLogin previous) {
        return new PreviousLogin(previous.at().map(OffsetDateTime::toInstant).orElse(null), previous.address().orElse(null),
                previous.failedAttemptsSince());
    }
}
