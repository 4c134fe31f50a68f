package org.gatehouse.web.scan;

import jakarta.json.bind.annotation.JsonbProperty;
import java.time.OffsetDateTime;
import java.util.List;
import org.gatehouse.scans.ScanRules;
import org.gatehouse.scans.ScanStatus;

/** A scan as the API shows it. */
public record ScanView(String id, String project, String release, String kind, String state, String artifactName,
        long artifactBytes, String artifactSha256, String requestedBy, String createdAt, String startedAt,
        String finishedAt, Integer classesAnalysed, Integer bugCount, String importId, String error,
        ScanStatus.Progress progress, String artifactPath, Integer dependencyCount, RulesView rules) {

    /** The rules a white-box scan reported by. */
    public record RulesView(List<String> categories, List<MatchView> include, List<MatchView> exclude,
            String confidence) {
        static RulesView of(ScanRules rules) {
            return new RulesView(rules.categories().stream().sorted().toList(),
                    rules.include().stream().map(MatchView::of).toList(),
                    rules.exclude().stream().map(MatchView::of).toList(), rules.confidence());
        }
    }

    /** One include or exclude rule; absent parts are left out. */
    public record MatchView(String bugPattern, String category, @JsonbProperty("package") String packageName,
            @JsonbProperty("class") String className) {
        static MatchView of(ScanRules.Match match) {
            return new MatchView(match.bugPattern().orElse(null), match.category().orElse(null),
                    match.packageName().orElse(null), match.className().orElse(null));
        }
    }

    static ScanView of(ScanStatus s) {
        return new ScanView(s.id().toString(), s.project(), s.release().toString(), s.kind(), s.state(),
                s.artifactName(), s.artifactBytes(), s.artifactSha256(), s.requestedBy(), instant(s.createdAt()),
                s.startedAt().map(ScanView::instant).orElse(null), s.finishedAt().map(ScanView::instant).orElse(null),
                s.classesAnalysed().isPresent() ? s.classesAnalysed().getAsInt() : null,
                s.bugCount().isPresent() ? s.bugCount().getAsInt() : null, s.importId().map(Object::toString).orElse(null),
                s.error().orElse(null), s.progress().orElse(null), s.artifactPath().orElse(null),
                s.dependencyCount().isPresent() ? s.dependencyCount().getAsInt() : null,
                s.rules().map(RulesView::of).orElse(null));
    }

    private static String instant(OffsetDateTime time) {
        return time.toInstant().toString();
    }
}
