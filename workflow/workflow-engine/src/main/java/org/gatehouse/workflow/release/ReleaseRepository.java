package org.gatehouse.workflow.release;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gatehouse.platform.paging.Page;
import org.gatehouse.platform.paging.PageCursor;
import org.gatehouse.workflow.api.ProjectKey;
import org.gatehouse.workflow.api.ReleaseId;

/**
 * Loads and stores releases. A project's releases are listed newest first, keyset-paginated by
 * their time-ordered id (index {@code release_project_id_idx}).
 */
@ApplicationScoped
public class ReleaseRepository {
    static final String LISTING = "releases";

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    public Optional<Release> find(ReleaseId id) {
        return Optional.ofNullable(em.find(Release.class, id.value()));
    }

    /** The project's release of that version. */
    public Optional<Release> findByVersion(ProjectKey project, String version) {
        return em.createQuery("select r from Release r where r.projectKey = :project and r.versionLabel = :version",
                        Release.class)
                .setParameter("project", project.value())
                .setParameter("version", version)
                .setMaxResults(1).getResultList().stream().findFirst();
    }

    public boolean exists(ProjectKey project, String version) {
        return !em.createQuery("select r.id from Release r where r.projectKey = :project and r.versionLabel = :version",
                        UUID.class)
                .setParameter("project", project.value())
                .setParameter("version", version)
                .setMaxResults(1).getResultList().isEmpty();
    }

    public void add(Release release) {
        em.persist(release);
    }

    public Page<Release> pageOf(ProjectKey project, Optional<PageCursor> after, int limit) {
        TypedQuery<Release> query;
        if (after.isPresent()) {
            UUID before = ReleaseId.parse(after.get().key(0))
                    .orElseThrow(org.gatehouse.platform.paging.InvalidCursor::new).value();
            query = em.createQuery("select r from Release r where r.projectKey = :project and r.id < :before"
                    + " order by r.id desc", Release.class).setParameter("before", before);
        } else {
            query = em.createQuery("select r from Release r where r.projectKey = :project order by r.id desc",
                    Release.class);
        }
        List<Release> rows = query.setParameter("project", project.value()).setMaxResults(limit + 1).getResultList();
        return Page.fromOverfetch(rows, limit, last -> PageCursor.of(LISTING, last.id().toString()));
    }

    public static PageCursor decodeCursor(String encoded) {
        return PageCursor.decode(encoded, LISTING, 1);
    }
}
