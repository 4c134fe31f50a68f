package org.gatehouse.documents.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.gatehouse.documents.Classification;
import org.gatehouse.documents.DocumentKind;
import org.gatehouse.documents.DocumentLanguage;
import org.junit.jupiter.api.Test;
import org.gatehouse.workflow.requirement.Requirement;

class HtmlRendererTest {
    private static final String HOSTILE = "<script>alert('x')</script> & \"quoted\"\u0000";

    private static DocumentData data() {
        Requirement requirement = new Requirement(UUID.randomUUID(), "SR-P-1", Optional.empty(), HOSTILE,
                Optional.of("中文标题"), Optional.empty(), Optional.empty(), Optional.of("try <b>it</b>"),
                Requirement.Origin.PROJECT, "dev", Instant.EPOCH, Instant.EPOCH, Optional.empty(), List.of());
        DocumentData.FindingLine line = new DocumentData.FindingLine("HIGH", "NEW", "sarif", "R1", HOSTILE, "a.java:1");
        DocumentData.Findings findings = new DocumentData.Findings(Map.of("NEW/HIGH", 3), 3, List.of(line));
        return new DocumentData(new DocumentData.Release("r", "SHOP", "1.0", "TESTING", 2), List.of(requirement),
                Optional.empty(), List.of(), List.of(), List.of(), Optional.empty(), findings, DocumentData.Findings.none(),
                findings, List.of(), List.of(), List.of());
    }

    @Test
    void escapesEveryDatumSoHostileTextStaysText() {
        for (DocumentKind kind : DocumentKind.values()) {
            String html = HtmlRenderer.render(kind, DocumentLanguage.EN, kind.defaultClassification(), data());
            assertFalse(html.contains("<script>"), kind + " must not carry markup from data");
            assertFalse(html.contains("<b>"), kind.name());
            assertFalse(html.contains("\u0000"), kind.name());
        }
        String report = HtmlRenderer.render(DocumentKind.CODE_SCAN_REPORT, DocumentLanguage.EN, Classification.INTERNAL,
                data());
        assertTrue(report.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;"), report);
    }

    @Test
    void writesTheChineseTitleAndClassificationInChinese() {
        String html = HtmlRenderer.render(DocumentKind.SECURITY_AUDIT_REPORT, DocumentLanguage.ZH_CN,
                Classification.CONFIDENTIAL, data());
        assertTrue(html.contains("<title>安全审核报告</title>"), html);
        assertTrue(html.contains("lang=\"zh-CN\""));
        assertTrue(html.contains("密级: 机密"));
        String requirements = HtmlRenderer.render(DocumentKind.SECURITY_REQUIREMENTS, DocumentLanguage.ZH_CN,
                Classification.INTERNAL, data());
        assertTrue(requirements.contains("中文标题"), "a requirement's Chinese title in the Chinese document");
    }

    @Test
    void capsTheFindingsListAndSaysHowManyMore() {
        String html = HtmlRenderer.render(DocumentKind.CODE_SCAN_REPORT, DocumentLanguage.EN, Classification.INTERNAL,
                data());
        assertTrue(html.contains("and 2 more not listed."), html);
    }

    @Test
    void rendersTheSameBytesForTheSameData() {
        assertEquals(HtmlRenderer.render(DocumentKind.SECURITY_TEST_REPORT, DocumentLanguage.EN, Classification.INTERNAL,
                data()), HtmlRenderer.render(DocumentKind.SECURITY_TEST_REPORT, DocumentLanguage.EN,
                        Classification.INTERNAL, data()));
        assertTrue(HtmlRenderer.styleSource().startsWith("'sha256-"));
    }

    @Test
    void rendersAPdfWithTheCjkFontEmbedded() throws java.io.IOException {
        Optional<java.nio.file.Path> font = DocumentFont.locate(Optional.empty());
        assertTrue(font.isPresent(), "the build bundles Noto Sans SC");
        try (org.apache.fontbox.ttf.TrueTypeFont parsed = new org.apache.fontbox.ttf.TTFParser()
                .parse(new org.apache.pdfbox.io.RandomAccessReadBufferedFile(font.get().toFile()))) {
            for (char c : "安全审核报告".toCharArray()) {
                assertTrue(parsed.getUnicodeCmapLookup().getGlyphId(c) > 0, "a glyph for " + c);
            }
        }
        String html = HtmlRenderer.render(DocumentKind.SECURITY_AUDIT_REPORT, DocumentLanguage.ZH_CN,
                Classification.CONFIDENTIAL, data());
        byte[] pdf = PdfRenderer.render(html, font.get(), "安全审核报告");
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        assertTrue(text.startsWith("%PDF"));
        assertTrue(text.contains("/FontFile2"), "the font program is embedded");
        assertTrue(pdf.length < 2_000_000, "a subset, not the whole font: " + pdf.length);
    }
}
