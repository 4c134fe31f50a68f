package org.gatehouse.tracking.connection;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.gatehouse.identity.access.AccessDenied;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.identity.audit.AuditEntry;
import org.gatehouse.identity.audit.AuditTrail;
import org.gatehouse.identity.secondfactor.SecretBox;
import org.gatehouse.issuetracker.api.InvalidTarget;
import org.gatehouse.issuetracker.api.IssueTracker;
import org.gatehouse.issuetracker.api.TrackerCallFailed;
import org.gatehouse.issuetracker.api.TrackerCredential;
import org.gatehouse.issuetracker.api.TrackerTarget;
import org.gatehouse.platform.id.Uuid7;
import org.gatehouse.platform.time.UtcTime;
import org.gatehouse.workflow.api.ProjectKey;
import org.gatehouse.workflow.project.Projects;
import org.gatehouse.platform.sql.Jdbc;

/**
 * Transaction boundary of a project's issue-tracker connection (issue 7): project owners
 * (TRACKER_ADMIN) read, save, delete and check it. The credential and the webhook secret are sealed
 * with {@link SecretBox} (bound to the connection's id) and never logged or returned; the webhook
 * secret is shown once, when generated. The address must pass the outbound address policy.
 */
@ApplicationScoped
@Transactional
public class TrackerConnections {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Resource(lookup = "java:app/jdbc/gatehouse")
    DataSource dataSource;

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    SecretBox secrets;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    Outbound outbound;

    @Inject
    Projects projects;

    /** This bean through its proxy: a call on {@code this} would bypass the transaction of {@link #recordError}. */
    @Inject
    TrackerConnections self;

    @Transactional
    public ConnectionView get(Actor actor, ProjectKey project) {
        require(actor, project);
        return read(c -> ConnectionStore.byProject(c, project)).map(s -> view(s, Optional.empty()))
                .orElseThrow(() -> new NoConnection(project.value()));
    }

    /** Creates or replaces the project's connection; the answer carries a newly generated webhook secret. */
    public ConnectionView save(Actor actor, ProjectKey project, ConnectionDraft draft) {
        require(actor, project);
        projects.get(actor, Permission.PROJECT_READ, project.value());
        if (!secrets.isConfigured()) {
            throw new InvalidConnection("tracker.secrets-key-missing");
        }
        IssueTracker tracker = outbound.registry().find(draft.tracker()).orElseThrow(() -> new InvalidConnection(
                "tracker.unknown-tracker", String.valueOf(draft.tracker()), outbound.registry().all().stream()
                        .map(t -> t.descriptor().id()).collect(Collectors.joining(", "))));
        TrackerLanguage language = TrackerLanguage.parse(draft.language())
                .orElseThrow(() -> new InvalidConnection("tracker.unknown-language", String.valueOf(draft.language())));
        URI base = address(draft.baseUrl());
        Optional<StoredConnection> existing = write(c -> ConnectionStore.byProject(c, project));
        ConnectionId id = existing.map(StoredConnection::id).orElseGet(() -> new ConnectionId(Uuid7.next(clock)));
        Optional<String> user = draft.user().map(String::strip).filter(u -> !u.isEmpty());
        byte[] credential;
        if (draft.token().filter(t -> !t.isBlank()).isPresent()) {
            credential = secrets.seal(draft.token().get().strip().getBytes(StandardCharsets.UTF_8),
                    StoredConnection.credentialContext(id));
        } else if (existing.isPresent() && existing.get().authUser().equals(user)) {
            credential = existing.get().credentialSealed();
        } else {
            throw new InvalidConnection("tracker.credential-required");
        }
        String token = new String(secrets.open(credential, StoredConnection.credentialContext(id)), StandardCharsets.UTF_8);
        TrackerCredential probe = user.isPresent() ? new TrackerCredential.Basic(user.get(), token)
                : new TrackerCredential.Bearer(token);
        try {
            tracker.validate(new TrackerTarget(base, draft.container() == null ? "" : draft.container().strip(), probe,
                    draft.options()));
        } catch (InvalidTarget e) {
            throw new InvalidConnection("tracker.invalid-target", e.getMessage());
        }
        Optional<String> newSecret = existing.isEmpty() || draft.rotateWebhookSecret()
                ? Optional.of(Base64.getUrlEncoder().withoutPadding().encodeToString(random(32)))
                : Optional.empty();
        byte[] secret = newSecret.map(s -> secrets.seal(s.getBytes(StandardCharsets.UTF_8), StoredConnection.secretContext(id)))
                .orElseGet(() -> existing.get().webhookSecretSealed());
        OffsetDateTime now = UtcTime.now(clock);
        StoredConnection stored = new StoredConnection(id, project, tracker.descriptor().id(), base,
                draft.container().strip(), draft.options(), language, user.isPresent() ? "basic" : "bearer", user, credential,
                secret, now, actor.name(), Optional.empty(), Optional.empty(), Optional.empty());
        write(c -> {
            if (existing.isPresent()) {
                ConnectionStore.update(c, stored);
            } else {
                ConnectionStore.insert(c, stored, now);
            }
            return null;
        });
        audit.record(actor, AuditEntry.success(existing.isPresent() ? "tracker.connection-updated" : "tracker.connection-created",
                "project:" + project.value(), tracker.descriptor().id() + " " + base + " " + stored.container()
                        + (newSecret.isPresent() ? ", new webhook secret" : "")));
        return view(stored, newSecret);
    }

    public void delete(Actor actor, ProjectKey project) {
        require(actor, project);
        if (write(c -> ConnectionStore.delete(c, project)) == 0) {
            throw new NoConnection(project.value());
        }
        audit.record(actor, AuditEntry.success("tracker.connection-deleted", "project:" + project.value(),
                "the tracker connection and its issue links"));
    }

    /** Asks the tracker whether it answers with the stored credential; records the outcome on the connection. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public String check(Actor actor, ProjectKey project) {
        require(actor, project);
        StoredConnection.Resolved resolved = resolved(project);
        try {
            String answer = resolved.tracker().check(outbound.http(), resolved.target());
            self.recordError(resolved.stored().id(), Optional.empty());
            return answer;
        } catch (TrackerCallFailed e) {
            self.recordError(resolved.stored().id(), Optional.of(e.problem() + ": " + e.getMessage()));
            throw new TrackerFailed(e);
        }
    }

    /** The project's connection with its adapter, for the sync (no actor: callers check). */
    @Transactional
    public StoredConnection.Resolved resolved(ProjectKey project) {
        return read(c -> ConnectionStore.byProject(c, project)).map(this::resolve)
                .orElseThrow(() -> new NoConnection(project.value()));
    }

    @Transactional
    public Optional<StoredConnection.Resolved> resolved(ConnectionId id) {
        return read(c -> ConnectionStore.byId(c, id)).map(this::resolve);
    }

    @Transactional
    public List<StoredConnection.Resolved> all() {
        return read(ConnectionStore::all).stream().map(this::resolve).toList();
    }

    /** Records (or clears) the connection's last error, in a transaction of its own. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordError(ConnectionId id, Optional<String> error) {
        write(c -> {
            ConnectionStore.error(c, id, error, UtcTime.now(clock));
            return null;
        });
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void reconciled(ConnectionId id, OffsetDateTime until) {
        write(c -> {
            ConnectionStore.reconciled(c, id, until);
            return null;
        });
    }

    private StoredConnection.Resolved resolve(StoredConnection stored) {
        IssueTracker tracker = outbound.registry().find(stored.tracker())
                .orElseThrow(() -> new IllegalStateException("no adapter for tracker " + stored.tracker()));
        return new StoredConnection.Resolved(stored, tracker, stored.target(secrets));
    }

    private ConnectionView view(StoredConnection s, Optional<String> newSecret) {
        String header = outbound.registry().find(s.tracker()).map(t -> t.descriptor().signatureHeader()).orElse("");
        return new ConnectionView(s.id(), s.project().value(), s.tracker(), s.baseUrl().toString(), s.container(), s.options(),
                s.language().tag(), s.authKind(), s.authUser(), "/api/v1/tracker-webhooks/" + s.id(), header, newSecret,
                s.updatedAt(), s.updatedBy(), s.reconciledUntil(), s.lastError(), s.lastErrorAt());
    }

    private URI address(String text) {
        URI base;
        try {
            base = new URI(text == null ? "" : text.strip());
        } catch (URISyntaxException e) {
            throw new InvalidConnection("tracker.invalid-url", "not a URL");
        }
        if (base.getRawQuery() != null || text.length() > 500) {
            throw new InvalidConnection("tracker.invalid-url", "a base URL has no query and at most 500 characters");
        }
        try {
            outbound.http().checkAddress(base);
        } catch (TrackerCallFailed e) {
            throw new InvalidConnection("tracker.invalid-url", e.getMessage());
        }
        return base;
    }

    private static byte[] random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return value;
    }

    private static void require(Actor actor, ProjectKey project) {
        if (!actor.may(Permission.TRACKER_ADMIN, project)) {
            throw new AccessDenied(Permission.TRACKER_ADMIN);
        }
    }

    interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    private <T> T write(Work<T> work) {
        try {
            return work.on(Jdbc.enlisted(em.unwrap(Connection.class)));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the tracker connection", e);
        }
    }

    private <T> T read(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.on(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the tracker connection", e);
        }
    }
}
