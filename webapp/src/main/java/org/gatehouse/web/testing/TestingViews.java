package org.gatehouse.web.testing;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.gatehouse.findings.manual.Execution;
import org.gatehouse.findings.manual.FindingChange;
import org.gatehouse.findings.manual.ManualTests;
import org.gatehouse.findings.manual.SecurityFunctionChecklist;
import org.gatehouse.findings.manual.TestCase;
import org.gatehouse.findings.manual.TestOrigin;

/**
 * How the API shows manual tests. Checklist cases show their texts in the client's language
 * (zh-CN or English); hand-written ones as they were written.
 */
final class TestingViews {
    private final Locale locale;

    TestingViews(Locale locale) {
        this.locale = locale;
    }

    /** A case with the execution that counts (absent: never executed). */
    public record TestCaseView(String id, String release, String project, String key, String title, String steps,
            String expectedResult, List<String> requirements, String origin, String checklistItem, String createdBy,
            OffsetDateTime createdAt, String latestResult, OffsetDateTime latestExecutedAt, String latestTester) {
    }

    /** A case with its executions, newest first. */
    public record TestCaseDetailView(TestCaseView testCase, List<ExecutionView> executions) {
    }

    public record ExecutionView(String id, String testCase, String result, String tester, OffsetDateTime executedAt,
            String notes, String evidence, String evidenceUrl, String severity, String finding) {
    }

    /** An execution just recorded, with what it did to the case's finding. */
    public record ExecutedView(ExecutionView execution, FindingChangeView finding) {
    }

    /** FILED, REOPENED, VERIFIED or UNCHANGED, and the finding's state now. */
    public record FindingChangeView(String id, String change, String state) {
    }

    public record ChecklistView(int added, List<TestCaseView> testCases) {
    }

    TestCaseView of(TestCase c) {
        boolean localised = c.origin() == TestOrigin.CHECKLIST && c.checklistItem().isPresent();
        SecurityFunctionChecklist.Item item = localised
                ? SecurityFunctionChecklist.find(c.checklistItem().get()).orElse(null) : null;
        return new TestCaseView(c.id().toString(), c.release().toString(), c.project().value(), c.key(),
                item == null ? c.title() : item.title(locale), item == null ? c.steps() : item.steps(locale),
                item == null ? c.expectedResult() : item.expectedResult(locale), c.requirements(), c.origin().name(),
                c.checklistItem().orElse(null), c.createdBy(), c.createdAt(),
                c.latest().map(l -> l.result().name()).orElse(null), c.latest().map(TestCase.Latest::at).orElse(null),
                c.latest().map(TestCase.Latest::tester).orElse(null));
    }

    List<TestCaseView> of(List<TestCase> cases) {
        return cases.stream().map(this::of).toList();
    }

    TestCaseDetailView of(ManualTests.CaseDetail detail) {
        return new TestCaseDetailView(of(detail.testCase()), detail.executions().stream().map(TestingViews::of).toList());
    }

    static ExecutionView of(Execution e) {
        return new ExecutionView(e.id().toString(), e.testCase().toString(), e.result().name(), e.tester(),
                e.executedAt(), e.notes().orElse(null), e.evidence().orElse(null), e.evidenceUrl().orElse(null),
                e.severity().map(Enum::name).orElse(null), e.finding().map(Object::toString).orElse(null));
    }

    static ExecutedView of(ManualTests.Executed executed) {
        return new ExecutedView(of(executed.execution()), executed.finding().map(TestingViews::of).orElse(null));
    }

    static FindingChangeView of(FindingChange change) {
        return new FindingChangeView(change.finding().toString(), change.kind().name(), change.state());
    }

    ChecklistView of(ManualTests.ChecklistAdded added) {
        return new ChecklistView(added.added(), of(added.cases()));
    }
}
