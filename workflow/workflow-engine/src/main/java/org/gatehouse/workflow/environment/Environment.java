package org.gatehouse.workflow.environment;

import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.UUID;
import org.gatehouse.workflow.api.ProjectKey;

/**
 * An environment of a project and its separation (C.2): its network zone and who may access it.
 *
 * @param zone the network zone, lower-case without surrounding blanks (zones compare by this form)
 */
public record Environment(UUID id, ProjectKey project, String name, EnvironmentKind kind, String zone, String access,
        String createdBy, Instant createdAt, String updatedBy, Instant updatedAt) {

    /** A zone as it is compared and stored. */
    public static String normaliseZone(String zone) {
        return zone == null ? "" : zone.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The separation rule (C.2, 8.5.2): a production environment never shares a network zone with a
     * development or test environment of the same project, whichever of the two is recorded first.
     * {@code others} are the project's other environments (the candidate itself left out).
     *
     * @throws EnvironmentsNotSeparated naming the environment the candidate would share its zone with
     */
    public static void requireSeparated(String name, EnvironmentKind kind, String zone, Collection<Environment> others) {
        String normalised = normaliseZone(zone);
        for (Environment other : others) {
            if (!other.zone().equals(normalised)) {
                continue;
            }
            boolean clash = kind == EnvironmentKind.PRODUCTION && other.kind().isDevelopmentOrTest()
                    || kind.isDevelopmentOrTest() && other.kind() == EnvironmentKind.PRODUCTION;
            if (clash) {
                throw new EnvironmentsNotSeparated(name, kind, other.name(), other.kind(), normalised);
            }
        }
    }
}
