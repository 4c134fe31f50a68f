package org.gatehouse.workflow.project;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.gatehouse.platform.paging.Page;
import org.gatehouse.platform.paging.PageCursor;
import org.gatehouse.workflow.api.ProjectKey;

/** Loads and stores projects; listings are keyset-paginated by key. */
@ApplicationScoped
public class ProjectRepository {
    static final String LISTING = "projects";

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    public Optional<Project> find(ProjectKey key) {
        return Optional.ofNullable(em.find(Project.class, key.value()));
    }

    public boolean exists(ProjectKey key) {
        return !em.createQuery("select p.key from Project p where p.key = :key", String.class)
                .setParameter("key", key.value()).setMaxResults(1).getResultList().isEmpty();
    }

    public void add(Project project) {
        em.persist(project);
    }

    public Page<Project> page(Optional<PageCursor> after, int limit) {
        String afterKey = after.map(cursor -> cursor.key(0)).orElse("");
        List<Project> rows = em.createQuery(
                        "select p from Project p where p.key > :after order by p.key", Project.class)
                .setParameter("after", afterKey)
                .setMaxResults(limit + 1)
                .getResultList();
        return Page.fromOverfetch(rows, limit, last -> PageCursor.of(LISTING, last.key().value()));
    }

    /** A page of the projects among the given keys (what a member without global rights sees). */
    public Page<Project> pageAmong(java.util.Set<String> keys, Optional<PageCursor> after, int limit) {
        if (keys.isEmpty()) {
            return new Page<>(List.of(), Optional.empty());
        }
        List<Project> rows = em.createQuery(
                        "select p from Project p where p.key > :after and p.key in :keys order by p.key", Project.class)
                .setParameter("after", after.map(cursor -> cursor.key(0)).orElse(""))
                .setParameter("keys", keys)
                .setMaxResults(limit + 1)
                .getResultList();
        return Page.fromOverfetch(rows, limit, last -> PageCursor.of(LISTING, last.key().value()));
    }

    public static PageCursor decodeCursor(String encoded) {
        return PageCursor.decode(encoded, LISTING, 1);
    }
}
