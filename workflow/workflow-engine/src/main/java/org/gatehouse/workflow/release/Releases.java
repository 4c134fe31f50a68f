package org.gatehouse.workflow.release;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import org.gatehouse.workflow.definition.WorkflowDefinitions;
import org.gatehouse.platform.paging.Page;
import org.gatehouse.platform.paging.PageCursor;
import org.gatehouse.identity.access.AccessDenied;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.identity.audit.AuditEntry;
import org.gatehouse.identity.audit.AuditTrail;
import org.gatehouse.workflow.api.ReleaseId;
import org.gatehouse.workflow.project.Project;
import org.gatehouse.workflow.project.Projects;
import org.gatehouse.platform.sql.SqlStates;

/** Transaction boundary for opening and reading releases. */
@ApplicationScoped
@Transactional
public class Releases {
    @Inject
    ReleaseRepository repository;

    @Inject
    Projects projects;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    @Inject
    WorkflowDefinitions definitions;

    @Inject
    org.gatehouse.workflow.requirement.Requirements requirements;

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    /**
     * Opens a new release of a project; the version must be new within the project. It follows the
     * newest default definition for the project's protection level (8.2, 8.3) and keeps it, and starts
     * from the baseline security requirements (8.3-em..eo).
     */
    public Release open(Actor actor, String projectKey, String version) {
        Project project = projects.get(actor, Permission.RELEASE_CREATE, projectKey);
        if (repository.exists(project.key(), version)) {
            throw new DuplicateReleaseVersion(project.key().value(), version);
        }
        Release release = new Release(project.key(), version, definitions.latestFor(project.protectionLevel()), clock);
        repository.add(release);
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (SqlStates.isUniqueViolation(e)) {
                throw new DuplicateReleaseVersion(project.key().value(), version);
            }
            throw e;
        }
        requirements.addBaseline(release, actor.name());
        audit.record(actor, AuditEntry.success("release.opened", "release:" + release.id(),
                "project " + project.key() + ", version " + version + ", definition " + release.definition()));
        return release;
    }

    /**
     * The release, when the actor may read releases of its project; someone without that right is
     * told "forbidden" whether or not the release exists.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Release get(Actor actor, String id) {
        Optional<Release> release = ReleaseId.parse(id).flatMap(repository::find);
        if (release.isPresent() ? !actor.may(Permission.RELEASE_READ, release.get().project())
                : !actor.may(Permission.RELEASE_READ)) {
            throw new AccessDenied(Permission.RELEASE_READ);
        }
        return release.orElseThrow(() -> new ReleaseNotFound(id));
    }

    /** The project's release of that version, when the actor may read the project's releases. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Release> byVersion(Actor actor, String projectKey, String version) {
        Project project = projects.get(actor, Permission.RELEASE_READ, projectKey);
        return repository.findByVersion(project.key(), version);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Release> listOf(Actor actor, String projectKey, Optional<String> cursor, int limit) {
        Project project = projects.get(actor, Permission.RELEASE_READ, projectKey);
        Optional<PageCursor> after = cursor.map(ReleaseRepository::decodeCursor);
        return repository.pageOf(project.key(), after, limit);
    }
}
