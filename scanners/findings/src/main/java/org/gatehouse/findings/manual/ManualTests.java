package org.gatehouse.findings.manual;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.gatehouse.findings.finding.SlaPolicy;
import org.gatehouse.findings.finding.SystemReason;
import org.gatehouse.identity.access.AccessDenied;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.identity.audit.AuditEntry;
import org.gatehouse.identity.audit.AuditTrail;
import org.gatehouse.platform.id.Uuid7;
import org.gatehouse.platform.sql.Jdbc;
import org.gatehouse.platform.time.UtcTime;
import org.gatehouse.scanner.api.Severity;
import org.gatehouse.workflow.api.ReleaseId;
import org.gatehouse.workflow.api.ReleaseStatus;
import org.gatehouse.workflow.project.ProjectRepository;
import org.gatehouse.workflow.release.Release;
import org.gatehouse.workflow.release.Releases;

/**
 * Transaction boundary of manual security testing (B.1.3.1-ih, 8.5.1). Reading needs
 * {@code RELEASE_READ} in the release's project; writing cases and executing them needs
 * {@code FINDING_VERIFY} there (testers and security reviewers). An execution, the finding it files,
 * reopens or verifies, the finding's history entry and the audit records commit together.
 */
@ApplicationScoped
@Transactional
public class ManualTests {
    /** At most this many cases per release (bounds the gate and the listing). */
    public static final int MAX_CASES = 500;
    /** The case-key prefix of hand-written cases numbered by Gatehouse. */
    static final String MANUAL_PREFIX = "MT-";

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    Releases releases;

    @Inject
    ProjectRepository projects;

    @Inject
    ManualTestRecords records;

    @Inject
    AuditTrail audit;

    @Inject
    SlaPolicy sla;

    @Inject
    Clock clock;

    /** A case with its executions, newest first. */
    public record CaseDetail(TestCase testCase, List<Execution> executions) {
    }

    /** The result of adding the checklist: how many cases it added, and the release's cases now. */
    public record ChecklistAdded(int added, List<TestCase> cases) {
    }

    /** An execution as recorded, and what it did to the case's finding. */
    public record Executed(Execution execution, Optional<FindingChange> finding) {
    }

    @Transactional
    public List<TestCase> casesOf(Actor actor, String releaseId) {
        return records.casesOf(releases.get(actor, releaseId).id());
    }

    @Transactional
    public CaseDetail get(Actor actor, String caseId) {
        TestCase testCase = find(actor, Permission.RELEASE_READ, caseId);
        return new CaseDetail(testCase, records.executionsOf(testCase.id()));
    }

    /** A hand-written case; without a key it gets the next free {@code MT-nnn}. */
    public TestCase create(Actor actor, String releaseId, NewTestCase request) {
        Release release = writable(actor, releaseId);
        return write(c -> {
            lockRelease(c, release.id());
            List<String> keys = ManualTestRecords.query(c, "SELECT case_key FROM manual_test_case WHERE release_id = ?",
                    r -> r.getString(1), release.id().value());
            if (keys.size() >= MAX_CASES) {
                throw new TooManyCases(MAX_CASES);
            }
            String key = request.key().orElseGet(() -> nextKey(keys));
            if (request.key().isPresent() && key.startsWith(SecurityFunctionChecklist.KEY_PREFIX)) {
                throw new ReservedCaseKey();
            }
            if (keys.contains(key)) {
                throw new DuplicateCaseKey(key);
            }
            UUID id = Uuid7.next(clock);
            insertCase(c, id, release, key, request.title(), request.steps(), request.expectedResult(),
                    request.requirements(), TestOrigin.MANUAL, null, actor);
            audit.record(actor, AuditEntry.success("manual-test.case-created", "test-case:" + id,
                    "release " + release.id() + ", " + key + ": " + request.title()));
            return Optional.of(ManualTestRecords.query(c, ManualTestRecords.CASE_COLUMNS + " WHERE c.id = ?",
                    ManualTestRecords::testCase, id).get(0));
        }).orElseThrow();
    }

    /** Adds the security-function checklist's items the release does not have yet (idempotent). */
    public ChecklistAdded addChecklist(Actor actor, String releaseId) {
        Release release = writable(actor, releaseId);
        return write(c -> {
            lockRelease(c, release.id());
            int count = ManualTestRecords.query(c, "SELECT count(*) FROM manual_test_case WHERE release_id = ?",
                    r -> r.getInt(1), release.id().value()).get(0);
            int inserted = 0;
            for (SecurityFunctionChecklist.Item item : SecurityFunctionChecklist.baseline()) {
                boolean present = !ManualTestRecords.query(c, "SELECT 1 FROM manual_test_case WHERE release_id = ?"
                        + " AND checklist_item = ?", r -> 1, release.id().value(), item.id()).isEmpty();
                if (present) {
                    continue;
                }
                if (count + inserted >= MAX_CASES) {
                    throw new TooManyCases(MAX_CASES);
                }
                insertCase(c, Uuid7.next(clock), release, item.caseKey(), item.title(Locale.ROOT),
                        item.steps(Locale.ROOT), item.expectedResult(Locale.ROOT), List.of(), TestOrigin.CHECKLIST,
                        item.id(), actor);
                inserted++;
            }
            if (inserted > 0) {
                audit.record(actor, AuditEntry.success("manual-test.checklist-added", "release:" + release.id(),
                        inserted + " security-function checklist case(s) added"));
            }
            return Optional.of(new ChecklistAdded(inserted, ManualTestRecords.query(c, ManualTestRecords.CASE_COLUMNS
                    + " WHERE c.release_id = ? ORDER BY c.case_key", ManualTestRecords::testCase, release.id().value())));
        }).orElseThrow();
    }

    /**
     * Records an execution (append-only; the latest counts). A failure files the case's finding, or
     * reopens it when it was fixed or verified; a pass verifies a claimed fix (a re-test).
     */
    public Executed execute(Actor actor, String caseId, NewExecution request) {
        TestCase testCase = find(actor, Permission.FINDING_VERIFY, caseId);
        Release release = releases.get(actor, testCase.release().toString());
        if (release.status() == ReleaseStatus.CLOSED) {
            throw new ReleaseClosedForTesting(release.id().toString());
        }
        if (request.result() != TestResult.FAILED && request.severity().isPresent()) {
            throw new SeverityOnlyWhenFailed();
        }
        OffsetDateTime now = UtcTime.now(clock);
        UUID executionId = Uuid7.next(clock);
        return write(c -> {
            // the import pipeline's lock for this project's 'manual' findings: one writer of them at a time
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 7))")) {
                lock.setString(1, "findings/" + testCase.project().value() + "/" + ManualFindingFingerprint.SCANNER);
                lock.execute();
            }
            Optional<FindingChange> done = switch (request.result()) {
                case FAILED -> Optional.of(fileFailure(c, actor, testCase, release,
                        request.severity().orElse(Severity.HIGH), executionId, now));
                case PASSED -> retest(c, actor, testCase, now);
                case BLOCKED, NOT_APPLICABLE -> Optional.empty();
            };
            Jdbc.update(c, "INSERT INTO manual_test_execution (id, test_case_id, result, tester, executed_at, notes,"
                    + " evidence, evidence_url, severity, finding_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    executionId, testCase.id(), request.result().name(), actor.name(), now,
                    request.notes().orElse(null), request.evidence().orElse(null), request.evidenceUrl().orElse(null),
                    request.result() == TestResult.FAILED ? request.severity().orElse(Severity.HIGH).name() : null,
                    done.map(FindingChange::finding).orElse(null));
            audit.record(actor, AuditEntry.success("manual-test.executed", "test-case:" + testCase.id(),
                    testCase.key() + " " + request.result() + done.map(d -> ", finding " + d.finding() + " "
                            + d.kind().name().toLowerCase(Locale.ROOT)).orElse("")));
            Execution execution = ManualTestRecords.query(c, ManualTestRecords.EXECUTION_COLUMNS + " WHERE id = ?",
                    ManualTestRecords::execution, executionId).get(0);
            return Optional.of(new Executed(execution, done));
        }).orElseThrow();
    }

    private FindingChange fileFailure(Connection c, Actor actor, TestCase testCase, Release release, Severity severity,
            UUID executionId, OffsetDateTime now) throws SQLException {
        String fingerprint = ManualFindingFingerprint.of(testCase.project(), testCase.key(), testCase.title());
        List<Object[]> found = ManualTestRecords.query(c, "SELECT id, state, first_release FROM finding"
                + " WHERE project_key = ? AND scanner = ? AND fingerprint = ? FOR UPDATE",
                r -> new Object[] {r.getObject(1, UUID.class), r.getString(2), r.getObject(3, UUID.class)},
                testCase.project().value(), ManualFindingFingerprint.SCANNER, fingerprint);
        if (found.isEmpty()) {
            UUID id = Uuid7.next(clock);
            int days = sla.days(projects.find(testCase.project()).orElseThrow().protectionLevel(), severity);
            Jdbc.update(c, "INSERT INTO finding (id, project_key, scanner, fingerprint, tool, rule_id, title, severity,"
                    + " location, state, first_import, first_release, created_at, due_at, state_changed_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'NEW', ?, ?, ?, ?, ?)",
                    id, testCase.project().value(), ManualFindingFingerprint.SCANNER, fingerprint,
                    ManualFindingFingerprint.SCANNER, testCase.key(), testCase.title(), severity.name(),
                    ManualFindingFingerprint.location(testCase.key()), executionId, release.id().value(), now,
                    now.plusDays(days), now);
            event(c, actor, id, "NEW", "NEW", SystemReason.manualTestFailed(testCase.key()), now);
            audit.record(actor, AuditEntry.success("finding.filed", "finding:" + id,
                    severity + " " + ManualFindingFingerprint.location(testCase.key()) + ": " + testCase.title()));
            return new FindingChange(id, FindingChange.Kind.FILED, "NEW");
        }
        UUID id = (UUID) found.get(0)[0];
        String state = (String) found.get(0)[1];
        if (!release.id().value().equals(found.get(0)[2])) {
            Jdbc.update(c, "INSERT INTO finding_release (release_id, finding_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    release.id().value(), id);
        }
        if (state.equals("FIXED_UNVERIFIED") || state.equals("VERIFIED")) {
            Jdbc.update(c, "UPDATE finding SET state = 'REOPENED', state_changed_at = ?, fixed_import = NULL,"
                    + " row_version = row_version + 1 WHERE id = ?", now, id);
            SystemReason reason = SystemReason.manualTestFailedAgain(testCase.key());
            event(c, actor, id, state, "REOPENED", reason, now);
            audit.record(actor, AuditEntry.success("finding.reopened", "finding:" + id,
                    state + " -> REOPENED: " + reason.text()));
            return new FindingChange(id, FindingChange.Kind.REOPENED, "REOPENED");
        }
        return new FindingChange(id, FindingChange.Kind.UNCHANGED, state);
    }

    private Optional<FindingChange> retest(Connection c, Actor actor, TestCase testCase, OffsetDateTime now)
            throws SQLException {
        List<Object[]> found = ManualTestRecords.query(c, "SELECT id, state FROM finding"
                + " WHERE project_key = ? AND scanner = ? AND fingerprint = ? FOR UPDATE",
                r -> new Object[] {r.getObject(1, UUID.class), r.getString(2)}, testCase.project().value(),
                ManualFindingFingerprint.SCANNER, ManualFindingFingerprint.of(testCase.project(), testCase.key(), testCase.title()));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        UUID id = (UUID) found.get(0)[0];
        String state = (String) found.get(0)[1];
        if (!state.equals("FIXED_UNVERIFIED")) {
            return Optional.of(new FindingChange(id, FindingChange.Kind.UNCHANGED, state));
        }
        SystemReason reason = SystemReason.manualTestPassed(testCase.key());
        Jdbc.update(c, "UPDATE finding SET state = 'VERIFIED', state_changed_at = ?, row_version = row_version + 1"
                + " WHERE id = ?", now, id);
        event(c, actor, id, state, "VERIFIED", reason, now);
        audit.record(actor, AuditEntry.success("finding.retested", "finding:" + id,
                state + " -> VERIFIED: " + reason.text()));
        return Optional.of(new FindingChange(id, FindingChange.Kind.VERIFIED, "VERIFIED"));
    }

    /** A history entry whose reason is Gatehouse's: the English text, its key and the test case's key (V34). */
    private static void event(Connection c, Actor actor, UUID finding, String from, String to, SystemReason reason,
            OffsetDateTime now) throws SQLException {
        Jdbc.update(c, "INSERT INTO finding_event (finding_id, occurred_at, actor, from_state, to_state, reason,"
                + " reason_key, reason_args) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", finding, now, actor.name(), from, to,
                reason.text(), reason.key(), c.createArrayOf("text", reason.args().toArray()));
    }

    private void insertCase(Connection c, UUID id, Release release, String key, String title, String steps,
            String expected, List<String> requirements, TestOrigin origin, String checklistItem, Actor actor)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO manual_test_case (id, release_id, project_key,"
                + " case_key, title, steps, expected_result, requirement_refs, origin, checklist_item, created_by,"
                + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            Jdbc.bind(s, id, release.id().value(), release.project().value(), key, title, steps, expected,
                    c.createArrayOf("text", requirements.toArray()), origin.name(), checklistItem, actor.name(),
                    UtcTime.now(clock));
            s.executeUpdate();
        }
    }

    /** The next {@code MT-nnn} after the highest one in use. */
    static String nextKey(List<String> keys) {
        int highest = keys.stream().filter(k -> k.startsWith(MANUAL_PREFIX)).mapToInt(k -> Integer.parseInt(
                k.substring(MANUAL_PREFIX.length()))).max().orElse(0);
        return MANUAL_PREFIX + String.format(Locale.ROOT, "%03d", highest + 1);
    }

    private Release writable(Actor actor, String releaseId) {
        Release release = releases.get(actor, releaseId);
        if (!actor.may(Permission.FINDING_VERIFY, release.project())) {
            throw new AccessDenied(Permission.FINDING_VERIFY);
        }
        if (release.status() == ReleaseStatus.CLOSED) {
            throw new ReleaseClosedForTesting(release.id().toString());
        }
        return release;
    }

    private TestCase find(Actor actor, Permission permission, String id) {
        Optional<TestCase> testCase = ReleaseId.parse(id).flatMap(parsed -> records.find(parsed.value()));
        boolean allowed = testCase.isPresent() ? actor.may(permission, testCase.get().project())
                : actor.mayInSomeProject(permission);
        if (!allowed) {
            throw new AccessDenied(permission);
        }
        return testCase.orElseThrow(() -> new TestCaseNotFound(id));
    }

    private static void lockRelease(Connection c, ReleaseId release) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 10))")) {
            lock.setString(1, "manual-tests/" + release);
            lock.execute();
        }
    }

    private interface Write<T> {
        Optional<T> on(Connection connection) throws SQLException;
    }

    private <T> Optional<T> write(Write<T> write) {
        try {
            return write.on(Jdbc.enlisted(em.unwrap(Connection.class)));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the manual test", e);
        }
    }
}
