package org.gatehouse.web.trend;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gatehouse.findings.trend.FindingTrends;
import org.gatehouse.scanner.api.Severity;

/** The trends as the API shows them: dates as ISO days in {@code zone}, series aligned with {@code days}. */
final class TrendViews {
    private TrendViews() {
    }

    /** Open findings at the end of each day, per severity (CRITICAL first). */
    public record OpenFindingsView(String zone, LocalDate from, LocalDate to, List<LocalDate> days,
            Map<String, List<Long>> open) {
    }

    /** One week's first fixes of one severity. */
    public record WeekView(LocalDate week, String severity, long fixed, double meanDays) {
    }

    /** Mean time to fix per week and severity. */
    public record TimeToFixView(String zone, LocalDate from, LocalDate to, List<WeekView> weeks) {
    }

    /** A release's open and SLA-breached findings at the end of each day. */
    public record BurnDownView(String releaseId, String zone, LocalDate from, LocalDate to, List<LocalDate> days,
            List<Long> open, List<Long> breached) {
    }

    static OpenFindingsView of(FindingTrends.OpenSeries series) {
        Map<String, List<Long>> open = new LinkedHashMap<>();
        for (Severity s : Severity.values()) {
            open.put(s.name(), List.copyOf(series.open().get(s)));
        }
        return new OpenFindingsView(series.range().zone().getId(), series.range().first(), series.range().last(),
                series.days(), open);
    }

    static TimeToFixView of(FindingTrends.TimeToFix fixes) {
        return new TimeToFixView(fixes.range().zone().getId(), fixes.range().first(), fixes.range().last(),
                fixes.weeks().stream().map(w -> new WeekView(w.week(), w.severity().name(), w.fixed(), w.meanDays())).toList());
    }

    static BurnDownView of(FindingTrends.BurnDown b) {
        return new BurnDownView(b.release(), b.range().zone().getId(), b.range().first(), b.range().last(), b.days(),
                b.open(), b.breached());
    }
}
