package org.gatehouse.workflow.personnel;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.gatehouse.identity.access.Role;

/** A person holding vetted roles on a project without all the prerequisites its level requires (C.1). */
public record Lapse(String login, Set<Role> roles, Set<Prerequisite> missing) {
    public Lapse {
        roles = roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
        missing = missing.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(missing));
    }
}
