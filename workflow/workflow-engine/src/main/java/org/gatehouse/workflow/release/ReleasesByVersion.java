package org.gatehouse.workflow.release;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.workflow.project.Projects;

/**
 * A CI push that names its release by version (issue 7, ADR 0012): the project's release of that
 * version, opened first when the push asks for it and the token may open releases. Not a
 * transaction of its own: each lookup and the opening are, so two pushes racing to open the same
 * version end with one release — the loser's insert meets the (project, version) unique key, its
 * transaction rolls back ({@link DuplicateReleaseVersion}) and it reads the winner's release.
 */
@ApplicationScoped
public class ReleasesByVersion {
    @Inject
    Releases releases;

    @Inject
    Projects projects;

    /** What the push found: the release, and whether this push opened it. */
    public record Resolved(Release release, boolean opened) {
    }

    public Resolved resolve(Actor actor, String projectKey, String version, boolean create) {
        Optional<Release> found = releases.byVersion(actor, projectKey, version);
        if (found.isPresent()) {
            return new Resolved(found.get(), false);
        }
        if (!create) {
            throw new ReleaseNotFound(projectKey + " " + version);
        }
        if (!actor.may(Permission.RELEASE_CREATE, projects.get(actor, Permission.RELEASE_READ, projectKey).key())) {
            throw new CapabilityRequired("open release " + version, "releases:write");
        }
        try {
            return new Resolved(releases.open(actor, projectKey, version), true);
        } catch (DuplicateReleaseVersion raced) {
            return new Resolved(releases.byVersion(actor, projectKey, version).orElseThrow(() -> raced), false);
        }
    }
}
