package org.gatehouse.workflow.requirement;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.gatehouse.identity.access.AccessDenied;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.identity.audit.AuditEntry;
import org.gatehouse.identity.audit.AuditTrail;
import org.gatehouse.platform.id.Uuid7;
import org.gatehouse.workflow.api.ReleaseId;
import org.gatehouse.workflow.lifecycle.PhaseTerminal;
import org.gatehouse.workflow.release.Release;
import org.gatehouse.workflow.release.Releases;
import org.gatehouse.platform.sql.Jdbc;

/**
 * Transaction boundary of a release's security requirements and risk assessment (B.1.3.1-ib, 8.2,
 * 8.3). Reading needs RELEASE_READ, changing REQUIREMENT_EDIT in the release's project; a release
 * whose lifecycle has ended changes no more. Every change is audited; sign-offs given for the old
 * content stay, but no longer count (see {@link Agreements}).
 */
@ApplicationScoped
@Transactional
public class Requirements {
    static final Pattern KEY = Pattern.compile("SR-[A-Za-z0-9][A-Za-z0-9.-]{0,39}");
    static final Pattern TICKET = Pattern.compile("[A-Z][A-Z0-9]{1,15}-[0-9]{1,9}");

    @Inject
    Releases releases;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    jakarta.enterprise.event.Event<RequirementLinked> linked;

    @Resource(lookup = "java:app/jdbc/gatehouse")
    DataSource dataSource;

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    /**
     * What a person writes for a requirement; the key is chosen by the platform when absent. {@code scanCwes}: the
     * weaknesses (CWE ids) a scan checks for it, so that a scan can verify its ticket (none: only a test can).
     */
    public record Draft(Optional<String> key, String title, Optional<String> description, Optional<String> ticket,
            Optional<String> testPoint, List<Integer> scanCwes) {
        public Draft {
            scanCwes = List.copyOf(scanCwes);
        }
    }

    /** At most this many weaknesses per requirement. */
    static final int MAX_SCAN_CWES = 20;

    @Transactional
    public List<Requirement> list(Actor actor, String releaseId) {
        return read(c -> RequirementStore.requirements(c, releases.get(actor, releaseId).id()));
    }

    /** The release's requirements, read without an actor: for callers that checked access themselves (tickets). */
    @Transactional
    public List<Requirement> of(ReleaseId release) {
        return read(c -> RequirementStore.requirements(c, release));
    }

    @Transactional
    public Optional<RiskAssessment> assessment(Actor actor, String releaseId) {
        return read(c -> RequirementStore.assessment(c, releases.get(actor, releaseId).id()));
    }

    /** The level the release's risk assessment yields, read without an actor (the risk gate). */
    @Transactional
    public Optional<org.gatehouse.workflow.api.ProtectionLevel> assessedLevel(ReleaseId release) {
        return read(c -> RequirementStore.assessment(c, release)).map(a -> a.rating().level());
    }

    /** Adds the baseline catalog's requirements the release does not have yet; returns how many were added. */
    public int addBaseline(Actor actor, String releaseId) {
        Release release = editable(actor, releaseId);
        int added = write(c -> addBaseline(c, release.id(), actor.name(), clock.instant()));
        audit.record(actor, AuditEntry.success("requirements.baseline-added", "release:" + release.id(),
                added + " baseline requirement(s) added"));
        return added;
    }

    /** Adds the baseline to a release just opened, in the opening transaction (8.3: every project starts from it). */
    public void addBaseline(Release release, String by) {
        write(c -> addBaseline(c, release.id(), by, clock.instant()));
    }

    public Requirement add(Actor actor, String releaseId, Draft draft) {
        Release release = editable(actor, releaseId);
        check(draft);
        Instant now = clock.instant();
        String key = draft.key().orElse(null);
        if (key == null) {
            key = "SR-P-" + (write(c -> RequirementStore.projectRequirementCount(c, release.id())) + 1);
        }
        String chosen = key;
        link(actor, release, draft, now);
        boolean inserted = write(c -> RequirementStore.insert(c, release.id(), Uuid7.next(clock), chosen, null, draft.title(),
                null, draft.description().orElse(null), draft.ticket().orElse(null), draft.testPoint().orElse(null),
                draft.scanCwes(), Requirement.Origin.PROJECT, actor.name(), now));
        if (!inserted) {
            throw new InvalidRequirementInput("requirement.duplicate-key", chosen);
        }
        audit.record(actor, AuditEntry.success("requirement.added", "release:" + release.id(), chosen + ": " + draft.title()));
        return find(release.id(), chosen);
    }

    /** Rewrites a requirement's text, ticket and test point (the key and origin stay). */
    public Requirement update(Actor actor, String releaseId, String key, Draft draft) {
        Release release = editable(actor, releaseId);
        check(draft);
        link(actor, release, draft, clock.instant());
        if (!write(c -> RequirementStore.update(c, release.id(), key, draft.title(), draft.description().orElse(null),
                draft.ticket().orElse(null), draft.testPoint().orElse(null), draft.scanCwes(), clock.instant()))) {
            throw new RequirementNotFound(key);
        }
        audit.record(actor, AuditEntry.success("requirement.changed", "release:" + release.id(), key + ": " + draft.title()));
        return find(release.id(), key);
    }

    public void withdraw(Actor actor, String releaseId, String key) {
        Release release = editable(actor, releaseId);
        if (!write(c -> RequirementStore.withdraw(c, release.id(), key, clock.instant()))) {
            throw new RequirementNotFound(key);
        }
        audit.record(actor, AuditEntry.success("requirement.withdrawn", "release:" + release.id(), key));
    }

    /** Records (or replaces) the release's risk assessment (8.2-ek/el). */
    public RiskAssessment assess(Actor actor, String releaseId, RiskRating rating, String threats, String businessLoss) {
        Release release = editable(actor, releaseId);
        if (threats == null || threats.isBlank() || businessLoss == null || businessLoss.isBlank()) {
            throw new InvalidRequirementInput("risk.text-required");
        }
        RiskAssessment assessment = new RiskAssessment(rating, threats.strip(), businessLoss.strip(), actor.name(),
                clock.instant());
        write(c -> {
            RequirementStore.saveAssessment(c, release.id(), assessment);
            return null;
        });
        audit.record(actor, AuditEntry.success("risk-assessment.recorded", "release:" + release.id(),
                "score " + rating.score() + ", level " + rating.level().number()));
        return assessment;
    }

    private Requirement find(ReleaseId release, String key) {
        return write(c -> RequirementStore.requirements(c, release)).stream().filter(r -> r.key().equals(key)).findFirst()
                .orElseThrow(() -> new RequirementNotFound(key));
    }

    private int addBaseline(Connection c, ReleaseId release, String by, Instant now) throws SQLException {
        int added = 0;
        for (BaselineRequirements.Entry entry : BaselineRequirements.catalog()) {
            if (RequirementStore.insert(c, release, Uuid7.next(clock), entry.key(), entry.clause(), entry.title(),
                    entry.titleZh(), null, null, entry.testPoint(), entry.scanCwes(), Requirement.Origin.BASELINE, by, now)) {
                added++;
            }
        }
        return added;
    }

    /** A ticket key the requirement names becomes a ticket of the release when it is not one yet (ADR 0018). */
    private void link(Actor actor, Release release, Draft draft, Instant at) {
        draft.ticket().ifPresent(ticket -> linked.fire(new RequirementLinked(release.id(), ticket, actor, at)));
    }

    private static void check(Draft draft) {
        draft.key().filter(k -> !KEY.matcher(k).matches()).ifPresent(k -> {
            throw new InvalidRequirementInput("requirement.malformed-key", k);
        });
        draft.ticket().filter(t -> !TICKET.matcher(t).matches()).ifPresent(t -> {
            throw new InvalidRequirementInput("requirement.malformed-ticket", t);
        });
        if (draft.title() == null || draft.title().isBlank()) {
            throw new InvalidRequirementInput("requirement.title-required");
        }
        if (draft.scanCwes().size() > MAX_SCAN_CWES || draft.scanCwes().stream().distinct().count() < draft.scanCwes().size()) {
            throw new InvalidRequirementInput("requirement.scan-cwes", String.valueOf(MAX_SCAN_CWES));
        }
        draft.scanCwes().stream().filter(cwe -> cwe < 1 || cwe > 99_999).findFirst().ifPresent(cwe -> {
            throw new InvalidRequirementInput("requirement.scan-cwes", String.valueOf(MAX_SCAN_CWES));
        });
    }

    private Release editable(Actor actor, String releaseId) {
        Release release = releases.get(actor, releaseId);
        if (!actor.may(Permission.REQUIREMENT_EDIT, release.project())) {
            throw new AccessDenied(Permission.REQUIREMENT_EDIT);
        }
        if (release.status() == org.gatehouse.workflow.api.ReleaseStatus.CLOSED) {
            throw new PhaseTerminal(release.phase());
        }
        return release;
    }

    /** A statement on a connection. */
    interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    private <T> T write(Work<T> work) {
        try {
            return work.on(Jdbc.enlisted(em.unwrap(Connection.class)));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the release's requirements", e);
        }
    }

    private <T> T read(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.on(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the release's requirements", e);
        }
    }
}
