package org.gatehouse.compliance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.gatehouse.compliance.catalog.Clause;
import org.gatehouse.compliance.catalog.ClauseCatalog;
import org.gatehouse.compliance.report.ComplianceReport;
import org.gatehouse.documents.DocumentLanguage;
import org.gatehouse.documents.generation.DocumentFont;
import org.gatehouse.documents.generation.PdfRenderer;
import org.junit.jupiter.api.Test;

/** The report is well-formed XHTML in both languages, escapes its data, lists the manual clauses, and renders as PDF. */
class ComplianceReportTest {

    static Matrix matrix() {
        List<ClauseRow> rows = new ArrayList<>();
        for (Clause clause : ClauseCatalog.standard().all()) {
            if (clause.id().equals("B.1.3.1-if")) {
                rows.add(ClauseRow.merge(clause, List.of(ClauseAnswer.of(clause.id())
                        .met(Evidence.of(Evidence.Kind.GATE, "white-box.no-open-findings",
                                new Text("k", "<script>alert(1)</script> passes", "<script>alert(1)</script> 通过")))
                        .missing(new Text("m", "the Code Scan Report & more", "代码扫描报告")).build()), List.of("GateClauseCheck")));
            } else {
                rows.add(ClauseRow.merge(clause, List.of(), List.of()));
            }
        }
        return new Matrix("SHOP", "Shop <b>", 2, 3, Optional.of(new Matrix.ReleaseRef("id", "2.4.0", "TESTING")),
                Optional.empty(), Instant.parse("2026-12-02T22:00:00Z"), 12, rows);
    }

    @Test
    void theReportIsWellFormedEscapedAndBilingual() throws Exception {
        for (DocumentLanguage language : DocumentLanguage.values()) {
            String html = ComplianceReport.render(matrix(), language);
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
            factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
            assertFalse(html.contains("<script>"), "data is escaped");
            assertTrue(html.contains("&lt;script&gt;"));
            assertTrue(html.contains("B.1.3.1-if") && html.contains("C.1") && html.contains("7.8.3-dl..ds"));
            assertTrue(html.contains(language == DocumentLanguage.ZH_CN ? "合规矩阵" : "Compliance matrix"));
            assertTrue(html.contains(language == DocumentLanguage.ZH_CN ? "部分满足" : "partial"));
        }
    }

    @Test
    void theReportRendersAsPdfWithTheDocumentsFont() {
        String html = ComplianceReport.render(matrix(), DocumentLanguage.ZH_CN);
        byte[] pdf = PdfRenderer.render(html, DocumentFont.locate().orElseThrow(), ComplianceReport.title(DocumentLanguage.ZH_CN));
        assertTrue(new String(pdf, 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF-"));
        assertTrue(pdf.length > 10_000);
        try {
            // kept for a look (pdftoppm): target/compliance-report-sample.pdf
            java.nio.file.Files.write(java.nio.file.Path.of("target", "compliance-report-sample.pdf"), pdf);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
