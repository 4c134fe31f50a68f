package org.gatehouse.documents.generation;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gatehouse.documents.DocumentLanguage;
import org.gatehouse.findings.manual.TestCase;
import org.gatehouse.workflow.lifecycle.Waiver;
import org.gatehouse.workflow.requirement.AuditConclusion;
import org.gatehouse.workflow.requirement.RiskAssessment;

/** The sections about testing and auditing: findings, manual tests, the audit conclusion, gates and waivers. */
final class FindingSections {
    private FindingSections() {
    }

    static void assessment(Html html, DocumentData data, DocumentLanguage language) {
        html.element("h2", Labels.of("risk", language));
        if (data.assessment().isEmpty()) {
            html.element("p", Labels.of("risk.none", language));
            return;
        }
        RiskAssessment a = data.assessment().get();
        html.open("table").head(Labels.of("asset", language), Labels.of("likelihood", language),
                Labels.of("impact", language), Labels.of("score", language), Labels.of("level", language));
        html.row(Integer.toString(a.rating().assetValue()), Integer.toString(a.rating().likelihood()),
                Integer.toString(a.rating().impact()), Integer.toString(a.rating().score()),
                Integer.toString(a.rating().level().number())).close("table");
        html.open("table").row(Labels.of("threats", language), a.threats()).row(Labels.of("loss", language),
                a.businessLoss()).row(Labels.of("by", language), a.assessedBy() + " · " + HtmlRenderer.time(a.assessedAt()))
                .close("table");
    }

    static void findings(Html html, String heading, DocumentData.Findings findings, DocumentLanguage language) {
        html.element("h2", heading);
        if (findings.total() == 0) {
            html.element("p", Labels.of("findings.none", language));
            return;
        }
        html.open("table").head(Labels.of("state", language), Labels.of("severity", language), Labels.of("count", language));
        for (Map.Entry<String, Integer> count : new TreeMap<>(findings.counts()).entrySet()) {
            String[] parts = count.getKey().split("/", 2);
            html.row(parts[0], parts.length > 1 ? parts[1] : "", Integer.toString(count.getValue()));
        }
        html.row(Labels.of("findings.total", language), "", Integer.toString(findings.total())).close("table");
        html.open("table").head(Labels.of("severity", language), Labels.of("state", language), Labels.of("scanner", language),
                Labels.of("rule", language), Labels.of("title", language), Labels.of("location", language));
        for (DocumentData.FindingLine f : findings.listed()) {
            html.row(f.severity(), f.state(), f.scanner(), f.ruleId(), f.title(), f.location());
        }
        html.close("table");
        int more = findings.total() - findings.listed().size();
        if (more > 0) {
            html.element("p", "meta", String.format(Labels.of("findings.more", language), more));
        }
    }

    static void testCases(Html html, List<TestCase> cases, DocumentLanguage language) {
        html.element("h2", Labels.of("manual", language));
        if (cases.isEmpty()) {
            html.element("p", Labels.of("manual.none", language));
            return;
        }
        html.open("table").head(Labels.of("key", language), Labels.of("title", language),
                Labels.of("requirements", language), Labels.of("result", language), Labels.of("tester", language),
                Labels.of("at", language));
        for (TestCase c : cases) {
            html.row(c.key(), c.title(), String.join(", ", c.requirements()),
                    c.latest().map(l -> l.result().name()).orElse(Labels.of("not.executed", language)),
                    c.latest().map(TestCase.Latest::tester).orElse(""),
                    c.latest().map(l -> HtmlRenderer.time(l.at().toInstant())).orElse(""));
        }
        html.close("table");
    }

    static void conclusion(Html html, DocumentData data, DocumentLanguage language) {
        html.element("h2", Labels.of("conclusion", language));
        if (data.audit().isEmpty()) {
            html.element("p", Labels.of("conclusion.none", language));
            return;
        }
        AuditConclusion a = data.audit().get();
        html.open("table").row(Labels.of("verdict", language), a.verdict().name())
                .row(Labels.of("conclusion", language), a.conclusion())
                .row(Labels.of("by", language), a.writtenBy() + " · " + HtmlRenderer.time(a.writtenAt())).close("table");
    }

    static void gates(Html html, List<DocumentData.GateLine> gates, DocumentLanguage language) {
        html.element("h2", Labels.of("gates", language)).open("table");
        html.head(Labels.of("move", language), Labels.of("gate", language), Labels.of("answer", language),
                Labels.of("reasons", language));
        for (DocumentData.GateLine g : gates) {
            html.row(g.route(), g.gate(), g.answer(), g.reasons(language));
        }
        html.close("table");
    }

    static void waivers(Html html, List<Waiver> waivers, DocumentLanguage language) {
        html.element("h2", Labels.of("waivers", language));
        if (waivers.isEmpty()) {
            html.element("p", Labels.of("none", language));
            return;
        }
        html.open("table").head(Labels.of("gate", language), Labels.of("by", language),
                Labels.of("justification", language), Labels.of("at", language), Labels.of("expires", language));
        for (Waiver w : waivers) {
            html.row(w.gate().value(), w.grantedBy().name(), w.justification(), HtmlRenderer.time(w.grantedAt()),
                    HtmlRenderer.time(w.expiresAt()));
        }
        html.close("table");
    }
}
