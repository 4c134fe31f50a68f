package org.gatehouse.workflow.lifecycle;

import java.util.Set;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Role;
import org.gatehouse.workflow.api.ProjectKey;

/** Who acts on a release and with which roles at that moment (recorded in transitions and waivers). */
public record Participant(String name, Set<Role> roles) {
    public Participant {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a participant needs a name");
        }
        roles = Set.copyOf(roles);
    }

    /** The actor with the roles it holds in the release's project (global ones included). */
    public static Participant of(Actor actor, ProjectKey project) {
        return new Participant(actor.name(), actor.rolesIn(project));
    }

    public boolean isSecurityAdministrator() {
        return roles.contains(Role.SECURITY_ADMINISTRATOR);
    }
}
