package org.gatehouse.documents.generation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.gatehouse.documents.Classification;
import org.gatehouse.documents.DocumentKind;
import org.gatehouse.documents.DocumentLanguage;
import org.gatehouse.workflow.requirement.DesignRecommendation;
import org.gatehouse.workflow.requirement.Requirement;
import org.gatehouse.workflow.requirement.SignOff;
import org.gatehouse.workflow.requirement.SignOffSubject;
import org.gatehouse.workflow.requirement.SubjectStatus;

/**
 * Renders a document as a complete XHTML page: pure, deterministic (the same data gives the same
 * bytes, so an unchanged document is recognised by its digest), and every datum escaped. The one
 * style block is fixed; its hash is what the page's Content-Security-Policy allows.
 */
public final class HtmlRenderer {
    /** The documents' only styling; the font family is the CJK font the PDF renderer registers. */
    public static final String STYLE = "body{font-family:'gatehouse-cjk',sans-serif;font-size:10pt;color:#111;margin:2em}"
            + "h1{font-size:18pt;margin:0 0 .3em}h2{font-size:13pt;margin:1.2em 0 .4em;border-bottom:1px solid #999}"
            + "table{border-collapse:collapse;width:100%;margin:.4em 0;-fs-table-paginate:paginate}"
            + "th,td{border:1px solid #999;padding:2pt 4pt;text-align:left;vertical-align:top;word-wrap:break-word}"
            + "th{background:#eee}.meta{color:#444}.mark{font-weight:bold;color:#a00}.digest{font-family:monospace;font-size:8pt}";

    private HtmlRenderer() {
    }

    /** The CSP source that allows exactly {@link #STYLE}: {@code 'sha256-…'}. */
    public static String styleSource() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(STYLE.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String render(DocumentKind kind, DocumentLanguage language, Classification classification,
            DocumentData data) {
        Html html = new Html();
        String title = kind.title(language);
        html.raw("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"" + language.tag() + "\"><head>"
                + "<meta charset=\"UTF-8\"/>").element("title", title).raw("<style>" + STYLE + "</style></head><body>");
        html.element("h1", title);
        html.element("p", "mark", Labels.of("classification", language) + ": " + classification.label(language));
        DocumentData.Release release = data.release();
        html.element("p", "meta", Labels.of("project", language) + " " + release.project() + " · "
                + Labels.of("release", language) + " " + release.version() + " · " + Labels.of("phase", language) + " "
                + release.phase() + " · " + Labels.of("level", language) + " " + release.protectionLevel());
        switch (kind) {
            case SECURITY_REQUIREMENTS -> {
                requirements(html, data.requirements(), language);
                FindingSections.assessment(html, data, language);
                signOffs(html, data.signOffs(), Set.of(SignOffSubject.RISK_ASSESSMENT, SignOffSubject.SECURITY_REQUIREMENTS),
                        language);
            }
            case TEST_RECOMMENDATIONS -> {
                testPoints(html, data.requirements(), language);
                signOffs(html, data.signOffs(), Set.of(SignOffSubject.TEST_RECOMMENDATIONS), language);
            }
            case DESIGN_RECOMMENDATIONS -> {
                designs(html, data, language);
                signOffs(html, data.signOffs(), Set.of(SignOffSubject.DESIGN_RECOMMENDATIONS), language);
            }
            case CODE_SCAN_REPORT -> FindingSections.findings(html, Labels.of("findings.white", language), data.whiteBox(),
                    language);
            case SECURITY_TEST_REPORT -> {
                FindingSections.findings(html, Labels.of("findings.black", language), data.blackBox(), language);
                FindingSections.testCases(html, data.testCases(), language);
            }
            case SECURITY_AUDIT_REPORT -> {
                FindingSections.conclusion(html, data, language);
                FindingSections.findings(html, Labels.of("findings.all", language), data.all(), language);
                FindingSections.gates(html, data.gates(), language);
                FindingSections.waivers(html, data.waivers(), language);
                signOffs(html, data.signOffs(), Set.of(SignOffSubject.values()), language);
            }
            default -> throw new IllegalArgumentException(kind.name());
        }
        return html.raw("</body></html>\n").toString();
    }

    private static void requirements(Html html, List<Requirement> requirements, DocumentLanguage language) {
        html.element("h2", Labels.of("requirements", language)).open("table");
        html.head(Labels.of("key", language), Labels.of("clause", language), Labels.of("title", language),
                Labels.of("ticket", language), Labels.of("status", language));
        for (Requirement r : requirements) {
            html.row(r.key(), r.clause().orElse(""), title(r, language) + r.description().map(d -> " — " + d).orElse(""),
                    r.ticket().orElse(""), Labels.of(r.active() ? "active" : "withdrawn", language));
        }
        html.close("table");
    }

    private static void testPoints(Html html, List<Requirement> requirements, DocumentLanguage language) {
        html.element("h2", Labels.of("testpoints", language)).open("table");
        html.head(Labels.of("key", language), Labels.of("title", language), Labels.of("testpoint", language));
        for (Requirement r : requirements) {
            if (r.active()) {
                html.row(r.key(), title(r, language), r.testPoint().orElse(Labels.of("testpoint.missing", language)));
            }
        }
        html.close("table");
    }

    private static void designs(Html html, DocumentData data, DocumentLanguage language) {
        html.element("h2", Labels.of("designs", language)).open("table");
        html.head(Labels.of("key", language), Labels.of("topic", language), Labels.of("subject", language),
                Labels.of("recommendation", language), Labels.of("requirements", language), Labels.of("decision", language));
        for (DesignRecommendation d : data.designs()) {
            html.row(d.key(), d.topic().name(), d.subject(), d.recommendation(), String.join(", ", d.requirements()),
                    d.decision().name() + d.decisionNote().map(n -> ": " + n).orElse(""));
        }
        html.close("table");
        html.element("h2", Labels.of("traceability", language)).open("table");
        html.head(Labels.of("key", language), Labels.of("title", language), Labels.of("served.by", language));
        for (Requirement r : data.requirements()) {
            if (r.active()) {
                html.row(r.key(), title(r, language), data.designs().stream()
                        .filter(d -> d.requirements().contains(r.key())).map(DesignRecommendation::key)
                        .collect(Collectors.joining(", ")));
            }
        }
        html.close("table");
        html.element("p", Labels.of("untraced", language) + ": "
                + (data.untraced().isEmpty() ? Labels.of("none", language) : String.join(", ", data.untraced())));
    }

    static void signOffs(Html html, List<SubjectStatus> statuses, Set<SignOffSubject> subjects, DocumentLanguage language) {
        html.element("h2", Labels.of("signoffs", language)).open("table");
        html.head(Labels.of("subject", language), Labels.of("digest", language), Labels.of("role", language),
                Labels.of("signer", language), Labels.of("at", language), Labels.of("comment", language));
        for (SubjectStatus status : statuses) {
            if (!subjects.contains(status.subject())) {
                continue;
            }
            String subject = status.subject().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            String digest = status.contentSha256().orElse("—");
            for (SignOff s : status.signOffs()) {
                html.row(subject, digest, s.role().name(), s.signer(), time(s.signedAt()), s.comment().orElse(""));
            }
            if (!status.missing().isEmpty() || !status.lacking().isEmpty()) {
                html.row(subject, digest, Labels.of("missing", language) + ": " + status.missing().stream()
                        .map(Enum::name).collect(Collectors.joining(", ")), "", "", status.lacking().isEmpty() ? ""
                                : Labels.of("lacking", language) + ": " + String.join(", ", status.lacking()));
            }
        }
        html.close("table");
    }

    static String title(Requirement r, DocumentLanguage language) {
        return language == DocumentLanguage.ZH_CN ? r.titleZh().orElse(r.title()) : r.title();
    }

    static String time(Instant instant) {
        return instant == null ? "" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
