package org.gatehouse.findings.manual;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.gatehouse.workflow.lifecycle.GateResult;
import org.gatehouse.workflow.lifecycle.Reason;

/**
 * The decision of {@code manual-tests.executed} over the latest execution of each case (pure):
 * it passes when the release has test cases, each one's latest execution passed or was not
 * applicable, and at least one passed. A failed case blocks until it is executed again and passes;
 * blocked and never-executed cases block. Each reason names how many and up to five case keys.
 */
public final class ManualTestVerdict {
    /** How many case keys a reason names before it says "…". */
    public static final int KEYS_SHOWN = 5;

    /** A case and its latest result (empty: never executed). */
    public record CaseStatus(String key, Optional<TestResult> latest) {
    }

    private ManualTestVerdict() {
    }

    public static GateResult decide(List<CaseStatus> cases) {
        if (cases.isEmpty()) {
            return GateResult.blocked("gate.manual-tests.none");
        }
        List<Reason> reasons = new ArrayList<>();
        add(reasons, "gate.manual-tests.failed", keys(cases, Optional.of(TestResult.FAILED)));
        add(reasons, "gate.manual-tests.blocked", keys(cases, Optional.of(TestResult.BLOCKED)));
        add(reasons, "gate.manual-tests.not-executed", keys(cases, Optional.empty()));
        if (reasons.isEmpty() && cases.stream().noneMatch(c -> c.latest().equals(Optional.of(TestResult.PASSED)))) {
            reasons.add(Reason.of("gate.manual-tests.nothing-passed", cases.size()));
        }
        return reasons.isEmpty() ? GateResult.passed() : new GateResult.Blocked(reasons);
    }

    private static List<String> keys(List<CaseStatus> cases, Optional<TestResult> latest) {
        return cases.stream().filter(c -> c.latest().equals(latest)).map(CaseStatus::key)
                .sorted(Comparator.naturalOrder()).toList();
    }

    private static void add(List<Reason> reasons, String key, List<String> caseKeys) {
        if (!caseKeys.isEmpty()) {
            reasons.add(Reason.of(key, caseKeys.size(), shown(caseKeys)));
        }
    }

    /** "MT-001, MT-002" or, beyond {@link #KEYS_SHOWN}, the first five and "…". */
    static String shown(List<String> keys) {
        String listed = String.join(", ", keys.subList(0, Math.min(KEYS_SHOWN, keys.size())));
        return keys.size() > KEYS_SHOWN ? listed + ", …" : listed;
    }
}
