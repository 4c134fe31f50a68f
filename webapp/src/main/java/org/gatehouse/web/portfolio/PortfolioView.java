package org.gatehouse.web.portfolio;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gatehouse.findings.portfolio.Portfolio;
import org.gatehouse.scanner.api.Severity;

/** The portfolio as the API shows it; {@code findings} is null where the caller may not read findings. */
public record PortfolioView(List<ProjectView> projects, boolean truncated, OffsetDateTime at) {

    /** A project with its releases in flight and its open findings. */
    public record ProjectView(String key, String name, int protectionLevel, List<ReleaseView> releases, FindingsView findings) {
    }

    /** A release in flight. */
    public record ReleaseView(String id, String version, String phase, OffsetDateTime createdAt) {
    }

    /** Open findings by severity (CRITICAL first) and those past their SLA due date. */
    public record FindingsView(long open, long breached, Map<String, Long> openBySeverity, Map<String, Long> breachedBySeverity) {
    }

    static PortfolioView of(Portfolio.Overview overview) {
        return new PortfolioView(overview.projects().stream().map(p -> new ProjectView(p.key(), p.name(), p.protectionLevel(),
                p.releases().stream().map(r -> new ReleaseView(r.id().toString(), r.version(), r.phase(), r.createdAt())).toList(),
                p.findings().map(PortfolioView::findings).orElse(null))).toList(), overview.truncated(), overview.at());
    }

    private static FindingsView findings(Portfolio.FindingTally tally) {
        return new FindingsView(tally.total(), tally.totalBreached(), named(tally.open()), named(tally.breached()));
    }

    private static Map<String, Long> named(Map<Severity, Long> counts) {
        Map<String, Long> named = new LinkedHashMap<>();
        for (Severity s : Severity.values()) {
            named.put(s.name(), counts.getOrDefault(s, 0L));
        }
        return named;
    }
}
