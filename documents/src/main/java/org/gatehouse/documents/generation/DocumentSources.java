package org.gatehouse.documents.generation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.gatehouse.documents.DocumentLanguage;
import org.gatehouse.findings.finding.FindingState;
import org.gatehouse.findings.gate.ReleaseFindingCounts;
import org.gatehouse.findings.gate.ReleaseFindings;
import org.gatehouse.findings.listing.FindingFilter;
import org.gatehouse.findings.listing.FindingRow;
import org.gatehouse.findings.listing.FindingSearch;
import org.gatehouse.findings.listing.FindingSort;
import org.gatehouse.findings.manual.ManualTests;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.platform.paging.Page;
import org.gatehouse.scanner.api.AnalysisKind;
import org.gatehouse.workflow.lifecycle.GateEvaluation;
import org.gatehouse.workflow.lifecycle.GateId;
import org.gatehouse.workflow.lifecycle.Lifecycle;
import org.gatehouse.workflow.lifecycle.Reason;
import org.gatehouse.workflow.release.Release;
import org.gatehouse.workflow.release.ReleaseLifecycles;
import org.gatehouse.workflow.requirement.Agreements;
import org.gatehouse.workflow.requirement.ReleaseContent;
import org.gatehouse.workflow.requirement.Reviews;
import org.gatehouse.workflow.requirement.SignOffs;

/**
 * Reads what the documents are made of, through the boundaries that own it (each checks that the
 * generating person may read the release and its findings). The findings lists are capped at
 * {@link #LISTED}; the counts are complete.
 */
@ApplicationScoped
public class DocumentSources {
    /** How many findings a document lists; the rest is "and N more". */
    public static final int LISTED = 200;

    @Inject
    ReleaseLifecycles lifecycles;

    @Inject
    Reviews reviews;

    @Inject
    SignOffs signOffs;

    @Inject
    ReleaseFindings releaseFindings;

    @Inject
    ReleaseFindingCounts counts;

    @Inject
    FindingSearch search;

    @Inject
    ManualTests manualTests;

    public DocumentData read(Actor actor, String releaseId) {
        ReleaseLifecycles.Situation situation = lifecycles.situation(actor, releaseId);
        Release release = situation.release();
        ReleaseContent content = reviews.content(actor, releaseId);
        List<DocumentData.GateLine> gates = new ArrayList<>();
        for (Lifecycle.RouteGates route : situation.lifecycle().evaluateAll()) {
            String move = route.route().from() + " → " + route.route().to();
            for (GateEvaluation gate : route.gates()) {
                String answer = gate.waived() ? "WAIVED" : gate.result().passes() ? "PASSED"
                        : gate.result().getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT);
                Map<DocumentLanguage, String> reasons = new EnumMap<>(DocumentLanguage.class);
                for (DocumentLanguage language : DocumentLanguage.values()) {
                    reasons.put(language, gate.result().reasons().stream().map(r -> text(r, gate.gate(), language))
                            .collect(Collectors.joining("; ")));
                }
                gates.add(new DocumentData.GateLine(move, gate.gate().value(), answer, reasons));
            }
        }
        List<String> whiteBox = releaseFindings.scannersOf(AnalysisKind.WHITE_BOX);
        List<String> blackBox = releaseFindings.scannersOf(AnalysisKind.BLACK_BOX);
        String definition = release.definition().id();
        int level = definition.matches(".*-[0-9]+") ? Integer.parseInt(definition.substring(definition.lastIndexOf('-') + 1))
                : 0;
        return new DocumentData(new DocumentData.Release(release.id().value().toString(), release.project().value(),
                release.version(), release.phase().name(), level), content.requirements(), content.assessment(),
                signOffs.status(actor, releaseId), content.designs(), Agreements.untraced(content), content.audit(),
                findings(actor, release, Optional.of(whiteBox)), findings(actor, release, Optional.of(blackBox)),
                findings(actor, release, Optional.empty()), manualTests.casesOf(actor, releaseId), gates,
                situation.lifecycle().state().waivers());
    }

    private DocumentData.Findings findings(Actor actor, Release release, Optional<List<String>> scanners) {
        Map<String, Integer> counted = scanners.isPresent() ? counts.of(release.id(), scanners.get())
                : counts.of(release.id());
        int total = counted.values().stream().mapToInt(Integer::intValue).sum();
        if (total == 0 || scanners.isPresent() && scanners.get().isEmpty()) {
            return new DocumentData.Findings(counted, total, List.of());
        }
        FindingFilter filter = new FindingFilter(Optional.of(release.project().value()),
                Optional.of(release.id().value()), scanners.map(Set::copyOf).orElse(Set.of()), Set.of(), Set.of(),
                Set.<FindingState>of(), Optional.empty(), Optional.empty(), Optional.empty());
        Page<FindingRow> page = search.search(actor, filter, FindingSort.SEVERITY, Optional.empty(), LISTED);
        return new DocumentData.Findings(counted, total, page.items().stream().map(f -> new DocumentData.FindingLine(
                f.severity().name(), f.state().name(), f.scanner(), f.ruleId(), f.title(), f.location())).toList());
    }

    /** A gate's reason in the document's language, from the bundle of the module that provides the gate. */
    private String text(Reason reason, GateId gate, DocumentLanguage language) {
        Class<?> source = reason.key().startsWith("lifecycle.") ? Lifecycle.class : lifecycles.messageSource(Optional.of(gate));
        return reason.format(source, language == DocumentLanguage.ZH_CN ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH);
    }
}
