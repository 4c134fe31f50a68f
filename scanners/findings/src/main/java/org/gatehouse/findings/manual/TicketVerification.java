package org.gatehouse.findings.manual;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which security requirements a manual test verifies (issue 6: tickets move through gates too; ADR 0018):
 * a requirement is verified when at least one test case referencing it passed last and none referencing
 * it failed, is blocked or was not executed last. A ticket may become VERIFIED when all its requirements
 * are. Pure.
 */
public final class TicketVerification {

    private TicketVerification() {
    }

    /** The subset of {@code requirements} verified by the release's test cases. */
    public static Set<String> verified(Collection<String> requirements, List<TestCase> cases) {
        Set<String> verified = new TreeSet<>();
        for (String requirement : requirements) {
            if (verified(requirement, cases)) {
                verified.add(requirement);
            }
        }
        return verified;
    }

    static boolean verified(String requirement, List<TestCase> cases) {
        List<TestResult> latest = cases.stream().filter(c -> c.requirements().contains(requirement))
                .map(c -> c.latest().map(TestCase.Latest::result).orElse(null)).toList();
        return latest.contains(TestResult.PASSED) && !latest.contains(TestResult.FAILED)
                && !latest.contains(TestResult.BLOCKED) && !latest.contains(null);
    }
}
