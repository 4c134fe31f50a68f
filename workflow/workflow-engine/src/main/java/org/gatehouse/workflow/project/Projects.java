package org.gatehouse.workflow.project;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import org.gatehouse.platform.error.ConcurrentModification;
import org.gatehouse.platform.error.StaleVersion;
import org.gatehouse.platform.paging.Page;
import org.gatehouse.platform.paging.PageCursor;
import org.gatehouse.workflow.api.ProjectKey;
import org.gatehouse.workflow.support.Persistence;

/** Transaction boundary for registering, revising and reading projects. */
@ApplicationScoped
@Transactional
public class Projects {
    @Inject
    ProjectRepository repository;

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    public Project register(ProjectDetails details) {
        if (repository.exists(details.key())) {
            throw new DuplicateProjectKey(details.key().value());
        }
        Project project = new Project(details, clock);
        repository.add(project);
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (Persistence.isUniqueViolation(e)) {
                throw new DuplicateProjectKey(details.key().value());
            }
            throw e;
        }
        return project;
    }

    /**
     * Revises a project if the caller saw its current version (optimistic concurrency).
     *
     * @throws StaleVersion when {@code expectedVersion} is not the current version
     */
    public Project revise(ProjectDetails details, long expectedVersion) {
        Project project = get(details.key());
        if (project.version() != expectedVersion) {
            throw new StaleVersion("\"" + expectedVersion + "\"", project.version());
        }
        if (project.revise(details, clock)) {
            try {
                em.flush();
            } catch (OptimisticLockException e) {
                throw new ConcurrentModification();
            }
        }
        return project;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Project get(ProjectKey key) {
        return repository.find(key).orElseThrow(() -> new ProjectNotFound(key.value()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Project get(String key) {
        return ProjectKey.parse(key).flatMap(repository::find).orElseThrow(() -> new ProjectNotFound(key));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Project> list(Optional<String> cursor, int limit) {
        Optional<PageCursor> after = cursor.map(ProjectRepository::decodeCursor);
        return repository.page(after, limit);
    }
}
