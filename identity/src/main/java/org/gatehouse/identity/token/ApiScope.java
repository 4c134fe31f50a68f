package org.gatehouse.identity.token;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.gatehouse.identity.access.Permission;

/**
 * What an API token may be used for (7.8.3: authorise the source). A token's account is a CI
 * service account of one project; the scopes narrow it further. The gate scope grows with the
 * workflow issue's gate endpoint. Opening a release on push needs {@code releases:write} (the
 * capability to open releases); the CI-scoped advance needs {@code releases:advance-scan}. Both are
 * off unless the project owner ticks them when issuing the token.
 */
public enum ApiScope {
    RELEASES_READ("releases:read", EnumSet.of(Permission.PROJECT_READ, Permission.RELEASE_READ)),
    RELEASES_WRITE("releases:write", EnumSet.of(Permission.PROJECT_READ, Permission.RELEASE_CREATE)),
    SCANS_PUSH("scans:push", EnumSet.of(Permission.PROJECT_READ, Permission.RELEASE_READ, Permission.FINDING_IMPORT,
            Permission.FINDING_READ)),
    GATE_READ("gate:read", EnumSet.of(Permission.PROJECT_READ, Permission.RELEASE_READ, Permission.FINDING_READ)),
    /**
     * After a pushed scan, complete its scan activity and advance out of TESTING when every gate passes
     * without a waiver (the CI-scoped advance, ADR 0012); never release, cancel, send back or waive.
     */
    RELEASES_ADVANCE_SCAN("releases:advance-scan", EnumSet.of(Permission.PROJECT_READ, Permission.RELEASE_READ,
            Permission.RELEASE_ADVANCE_SCAN));

    private final String id;
    private final Set<Permission> permissions;

    ApiScope(String id, Set<Permission> permissions) {
        this.id = id;
        this.permissions = permissions;
    }

    public String id() {
        return id;
    }

    public Set<Permission> permissions() {
        return Set.copyOf(permissions);
    }

    public static Optional<ApiScope> parse(String id) {
        for (ApiScope scope : values()) {
            if (scope.id.equals(id)) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }
}
