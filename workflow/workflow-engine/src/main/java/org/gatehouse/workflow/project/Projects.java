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
import org.gatehouse.identity.access.AccessDenied;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.identity.audit.AuditEntry;
import org.gatehouse.identity.audit.AuditTrail;
import org.gatehouse.workflow.api.ProjectKey;
import org.gatehouse.platform.sql.SqlStates;

/**
 * Transaction boundary for registering, revising and reading projects. Permissions are checked
 * here as well as at the REST layer (defence in depth); every change is audited in its transaction.
 * Someone without a right in a project is told "forbidden" whether or not the project exists.
 */
@ApplicationScoped
@Transactional
public class Projects {
    @Inject
    ProjectRepository repository;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    public Project register(Actor actor, ProjectDetails details) {
        require(actor, Permission.PROJECT_CREATE);
        if (repository.exists(details.key())) {
            throw new DuplicateProjectKey(details.key().value());
        }
        Project project = new Project(details, clock);
        repository.add(project);
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (SqlStates.isUniqueViolation(e)) {
                throw new DuplicateProjectKey(details.key().value());
            }
            throw e;
        }
        audit.record(actor, AuditEntry.success("project.registered", "project:" + details.key(),
                "protection level " + details.protectionLevel().number() + ", owner " + details.owner()));
        return project;
    }

    /**
     * Revises a project if the caller saw its current version (optimistic concurrency).
     *
     * @throws StaleVersion when {@code expectedVersion} is not the current version
     */
    public Project revise(Actor actor, ProjectDetails details, long expectedVersion) {
        Project project = get(actor, Permission.PROJECT_UPDATE, details.key().value());
        if (project.version() != expectedVersion) {
            throw new StaleVersion("\"" + expectedVersion + "\"", project.version());
        }
        ProjectDetails before = project.details();
        if (project.revise(details, clock)) {
            try {
                em.flush();
            } catch (OptimisticLockException e) {
                throw new ConcurrentModification();
            }
            audit.record(actor, AuditEntry.success("project.revised", "project:" + details.key(),
                    "protection level " + before.protectionLevel().number() + " -> " + details.protectionLevel().number()
                            + ", owner " + before.owner() + " -> " + details.owner()));
        }
        return project;
    }

    /**
     * The project, when the actor holds {@code permission} in it.
     *
     * @throws AccessDenied when not (also for a key that does not exist, unless the actor holds the
     *     permission globally)
     * @throws ProjectNotFound when the actor could see it but it does not exist
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Project get(Actor actor, Permission permission, String key) {
        Optional<ProjectKey> parsed = ProjectKey.parse(key);
        if (parsed.isEmpty() || !actor.may(permission, parsed.get())) {
            if (actor.may(permission)) {
                throw new ProjectNotFound(key);
            }
            throw new AccessDenied(permission);
        }
        return repository.find(parsed.get()).orElseThrow(() -> new ProjectNotFound(key));
    }

    /** The projects the actor may see: all for global readers, else those it holds a role in. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Project> list(Actor actor, Optional<String> cursor, int limit) {
        require(actor, Permission.PROJECT_LIST);
        Optional<PageCursor> after = cursor.map(ProjectRepository::decodeCursor);
        if (actor.may(Permission.PROJECT_READ)) {
            return repository.page(after, limit);
        }
        return repository.pageAmong(actor.projects(), after, limit);
    }

    private static void require(Actor actor, Permission permission) {
        if (!actor.may(permission)) {
            throw new AccessDenied(permission);
        }
    }
}
