package org.gatehouse.web.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.gatehouse.identity.access.Permission;

/**
 * The permission a resource method needs. Every resource method carries this or {@link Public};
 * one with neither is refused at run time and fails {@code EndpointPermissionsTest}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Requires {
    Permission value();

    /** Where the permission must hold. */
    Scope scope() default Scope.GLOBAL;

    /** The scope of a permission check. */
    enum Scope {
        /** Through a global role (or, for SELF and PROJECT_LIST, as any logged-in person). */
        GLOBAL,
        /** In the project named by the path parameter {@code key}. */
        PROJECT,
        /** In the project of the release named by the path parameter {@code id}; the boundary checks exactly. */
        RELEASE,
        /**
         * In the project of the finding, import, scan or manual test case named by {@code id}, or in the
         * projects a listing covers: the boundary checks exactly; the filter asks for the permission in
         * some project.
         */
        FINDING,
        /**
         * Anywhere: through a global role or a role in any project; the boundary narrows what the
         * caller sees to those projects (for example notifications to project owners).
         */
        ANY_PROJECT
    }
}
