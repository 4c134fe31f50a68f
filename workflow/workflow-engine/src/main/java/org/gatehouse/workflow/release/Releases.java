package org.gatehouse.workflow.release;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import org.gatehouse.platform.paging.Page;
import org.gatehouse.platform.paging.PageCursor;
import org.gatehouse.workflow.api.ReleaseId;
import org.gatehouse.workflow.project.Project;
import org.gatehouse.workflow.project.Projects;
import org.gatehouse.workflow.support.Persistence;

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

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    /** Opens a new release of a project; the version must be new within the project. */
    public Release open(String projectKey, String version) {
        Project project = projects.get(projectKey);
        if (repository.exists(project.key(), version)) {
            throw new DuplicateReleaseVersion(project.key().value(), version);
        }
        Release release = new Release(project.key(), version, clock);
        repository.add(release);
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (Persistence.isUniqueViolation(e)) {
                throw new DuplicateReleaseVersion(project.key().value(), version);
            }
            throw e;
        }
        return release;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Release get(String id) {
        return ReleaseId.parse(id).flatMap(repository::find).orElseThrow(() -> new ReleaseNotFound(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Release> listOf(String projectKey, Optional<String> cursor, int limit) {
        Project project = projects.get(projectKey);
        Optional<PageCursor> after = cursor.map(ReleaseRepository::decodeCursor);
        return repository.pageOf(project.key(), after, limit);
    }
}
