package org.gatehouse.findings.manual;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gatehouse.workflow.requirement.Requirement;

/**
 * Which tickets of a release are not verified yet (issue 6: tickets move through gates too). A ticket
 * is the set of active security requirements carrying its key; a requirement is verified when at
 * least one manual test case referencing it passed last and none referencing it failed or is blocked
 * last; a ticket is verified when all its requirements are. Pure.
 */
public final class TicketVerification {

    /** A ticket with the requirements still unverified. */
    public record Open(String ticket, List<String> requirements) {
        public Open {
            requirements = List.copyOf(requirements);
        }
    }

    private TicketVerification() {
    }

    public static List<Open> open(List<Requirement> requirements, List<TestCase> cases) {
        Map<String, List<String>> unverified = new TreeMap<>();
        for (Requirement requirement : requirements) {
            if (!requirement.active() || requirement.ticket().isEmpty()) {
                continue;
            }
            List<String> ticket = unverified.computeIfAbsent(requirement.ticket().get(), t -> new ArrayList<>());
            if (!verified(requirement.key(), cases)) {
                ticket.add(requirement.key());
            }
        }
        return unverified.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> new Open(e.getKey(), e.getValue())).toList();
    }

    static boolean verified(String requirement, List<TestCase> cases) {
        List<TestResult> latest = cases.stream().filter(c -> c.requirements().contains(requirement))
                .map(c -> c.latest().map(TestCase.Latest::result).orElse(null)).toList();
        return latest.contains(TestResult.PASSED) && !latest.contains(TestResult.FAILED)
                && !latest.contains(TestResult.BLOCKED) && !latest.contains(null);
    }
}
