package org.gatehouse.compliance.report;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.gatehouse.compliance.ClauseRow;
import org.gatehouse.compliance.ClauseStatus;
import org.gatehouse.compliance.Evidence;
import org.gatehouse.compliance.Matrix;
import org.gatehouse.compliance.Text;
import org.gatehouse.documents.DocumentLanguage;
import org.gatehouse.documents.generation.Html;
import org.gatehouse.documents.generation.HtmlRenderer;

/**
 * The compliance matrix as a complete XHTML page in zh-CN or English, built like the six generated
 * documents (ADR 0013): every datum escaped, the documents' one fixed style block (so the same sandbox
 * Content-Security-Policy serves it), and the same PDF renderer with the embedded CJK font.
 */
public final class ComplianceReport {
    private static final Map<String, String[]> LABELS = Map.ofEntries(
            Map.entry("title", new String[] {"Compliance matrix", "合规矩阵"}),
            Map.entry("project", new String[] {"Project", "项目"}),
            Map.entry("level", new String[] {"protection level", "防护等级"}),
            Map.entry("releases", new String[] {"releases", "发布版本数"}),
            Map.entry("latest", new String[] {"latest release", "最新版本"}),
            Map.entry("released", new String[] {"latest released", "最新已发布版本"}),
            Map.entry("none", new String[] {"none", "无"}),
            Map.entry("evaluated", new String[] {"evaluated at", "评估时间"}),
            Map.entry("summary", new String[] {"Summary", "概览"}),
            Map.entry("status", new String[] {"Status", "状态"}),
            Map.entry("count", new String[] {"Clauses", "条款数"}),
            Map.entry("clause", new String[] {"Clause", "条款"}),
            Map.entry("clause.title", new String[] {"Title", "标题"}),
            Map.entry("evidence", new String[] {"Evidence", "证据"}),
            Map.entry("missing", new String[] {"Missing", "缺失"}),
            Map.entry("auditor", new String[] {"The auditor checks", "审核员核查"}),
            Map.entry("section.1", new String[] {"1. The secure development lifecycle (B.1.3.1, 8.1–8.7)",
                    "1. 安全开发生命周期（B.1.3.1、8.1–8.7）"}),
            Map.entry("section.2", new String[] {"2. Development-process security management (Appendix C)",
                    "2. 开发过程安全管理（附录 C）"}),
            Map.entry("section.3", new String[] {"3. Identity, access control and audit of the platform",
                    "3. 平台自身的身份鉴别、访问控制与审计"}),
            Map.entry("section.4", new String[] {"4. Non-repudiation, data services and files", "4. 抗抵赖、数据服务与文件"}),
            Map.entry("manual.list", new String[] {"Clauses the platform does not verify (manual)", "平台不验证、需人工核查的条款"}),
            Map.entry("SATISFIED", new String[] {"satisfied", "满足"}),
            Map.entry("PARTIAL", new String[] {"partial", "部分满足"}),
            Map.entry("MISSING", new String[] {"missing", "缺失"}),
            Map.entry("MANUAL", new String[] {"manual", "人工核查"}),
            Map.entry("NOT_APPLICABLE", new String[] {"not applicable", "不适用"}));

    private ComplianceReport() {
    }

    public static String title(DocumentLanguage language) {
        return label("title", language);
    }

    public static String render(Matrix matrix, DocumentLanguage language) {
        Locale locale = language == DocumentLanguage.ZH_CN ? Text.ZH : Locale.ENGLISH;
        Html html = new Html();
        String title = title(language) + " — " + matrix.project();
        html.raw("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"" + language.tag() + "\"><head>"
                + "<meta charset=\"UTF-8\"/>").element("title", title).raw("<style>" + HtmlRenderer.STYLE
                        + "</style></head><body>");
        html.element("h1", title);
        html.element("p", "meta", label("project", language) + " " + matrix.project() + " (" + matrix.projectName() + ") · "
                + label("level", language) + " " + matrix.protectionLevel() + " · " + label("releases", language) + " "
                + matrix.releases() + " · " + label("latest", language) + " " + matrix.latestRelease()
                        .map(r -> r.version() + " (" + r.phase() + ")").orElse(label("none", language)) + " · "
                + label("released", language) + " " + matrix.latestReleased().map(Matrix.ReleaseRef::version)
                        .orElse(label("none", language)) + " · " + label("evaluated", language) + " "
                + matrix.evaluatedAt().truncatedTo(ChronoUnit.SECONDS));
        html.element("h2", label("summary", language)).open("table").head(label("status", language), label("count", language));
        matrix.counts().forEach((status, count) -> html.row(label(status.name(), language), String.valueOf(count)));
        html.close("table");
        for (int section = 1; section <= 4; section++) {
            int current = section;
            html.element("h2", label("section." + section, language)).open("table");
            html.head(label("clause", language) + " / " + label("status", language), label("evidence", language),
                    label("missing", language) + " / " + label("auditor", language));
            for (ClauseRow row : matrix.clauses().stream().filter(r -> r.clause().section() == current).toList()) {
                // three columns: the ID, title and status share the first, so no column is squeezed to a letter
                html.open("tr").open("td").element("p", "digest", row.clause().id()).element("p", row.clause().title(locale))
                        .element("p", row.status() == ClauseStatus.MISSING ? "mark" : "meta",
                                "[" + label(row.status().name(), language) + "]").close("td");
                cell(html, row.evidence().stream().map(e -> e.summary().in(locale) + reference(e)).toList());
                List<String> open = new java.util.ArrayList<>();
                row.missing().forEach(t -> open.add("× " + t.in(locale)));
                row.auditorChecks().forEach(t -> open.add("□ " + t.in(locale)));
                cell(html, open);
                html.close("tr");
            }
            html.close("table");
        }
        html.element("h2", label("manual.list", language));
        html.element("p", matrix.clauses().stream().filter(r -> r.status() == ClauseStatus.MANUAL)
                .map(r -> r.clause().id()).collect(Collectors.joining("; ")));
        return html.raw("</body></html>\n").toString();
    }

    private static String reference(Evidence evidence) {
        return evidence.kind() == Evidence.Kind.DOCUMENT ? " [" + evidence.reference() + "]" : "";
    }

    /** A cell with one paragraph per line (the style block has no other way to break lines). */
    private static void cell(Html html, List<String> lines) {
        html.open("td");
        lines.forEach(line -> html.element("p", line));
        html.close("td");
    }

    private static String label(String key, DocumentLanguage language) {
        String[] pair = LABELS.get(key);
        return language == DocumentLanguage.ZH_CN ? pair[1] : pair[0];
    }
}
