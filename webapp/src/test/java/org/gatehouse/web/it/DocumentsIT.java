package org.gatehouse.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The six documents on the real runtime (B.1.3.1-ib..ih, C.3): generated from a release with
 * requirements, findings and tests, in zh-CN and English, as HTML and PDF with an embedded CJK
 * font; hostile finding text escaped; versions only on change; the confidential audit report kept
 * from a developer; every download in the audit trail.
 */
@ExtendWith(GatehouseServer.class)
class DocumentsIT {
    private static final String[] KINDS = {"security-requirements", "test-recommendations", "design-recommendations",
        "code-scan-report", "security-test-report", "security-audit-report"};

    @Test
    void generatesTheSixDocumentsVersionsThemAndKeepsThemWithinTheirScope(Api admin, Users users, TestDatabase database)
            throws Exception {
        String project = Fixtures.uniqueKey("DOC");
        assertEquals(201, admin.post("/api/v1/projects", Fixtures.project(project, "Shop " + project, 2)).status());
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        Api developer = users.withProjectRole("DEVELOPER", project);
        Api tester = users.withProjectRole("TESTER", project);
        Api reviewer = users.withProjectRole("SECURITY_REVIEWER", project);
        Api auditor = users.withGlobalRole("AUDITOR");
        String release = owner.post("/api/v1/projects/" + project + "/releases", "{\"version\":\"7.0\"}").json().get("id")
                .asText();
        assertEquals(201, developer.post("/api/v1/releases/" + release + "/requirements",
                "{\"title\":\"Coupons cannot be replayed\",\"testPoint\":\"Redeem one coupon twice\"}").status());
        Api.Reply upload = owner.upload(release, "docs.sarif", FindingsIT.sarif("", 0,
                new String[] {"R1", "src/<script>alert(1)</script>.java", "3", "x"}, FindingsIT.A), "scanner", "sarif");
        assertTrue(upload.status() == 201 || upload.status() == 202, upload::toString);
        assertEquals(200, tester.post("/api/v1/releases/" + release + "/test-cases/checklist", null).status());
        assertEquals(200, reviewer.put("/api/v1/releases/" + release + "/reviews/audit-conclusion",
                "{\"verdict\":\"REJECT\",\"conclusion\":\"Findings are still open\"}").status());

        Map<String, String> zh = new HashMap<>();
        for (String kind : KINDS) {
            Api generator = kind.equals("security-audit-report") ? reviewer : developer;
            for (String language : new String[] {"zh-CN", "en"}) {
                Api.Reply generated = generator.post("/api/v1/releases/" + release + "/documents/" + kind,
                        "{\"language\":\"" + language + "\",\"changeNote\":\"first issue\"}");
                assertEquals(201, generated.status(), generated::toString);
                assertEquals(1, generated.json().get("version").asInt());
                if (language.equals("zh-CN")) {
                    zh.put(kind, generated.json().get("id").asText());
                }
            }
        }
        assertEquals(403, developer.post("/api/v1/releases/" + release + "/documents/security-audit-report",
                "{\"changeNote\":\"x\"}").status(), "the audit report is the security reviewer's");
        // 7.4.2: each version is issued by a signed, time-stamped decision of the person who generated it
        JsonNode signatures = owner.get("/api/v1/releases/" + release + "/lifecycle/signatures").json();
        Map<String, JsonNode> bySubject = new HashMap<>();
        signatures.forEach(s -> bySubject.put(s.get("subject").asText(), s));
        for (String kind : KINDS) {
            for (String language : new String[] {"zh-CN", "en"}) {
                JsonNode signed = bySubject.get("document:" + kind + ":" + language + ":v1");
                assertNotNull(signed, () -> kind + " " + language + " in " + bySubject.keySet());
                assertTrue(signed.get("valid").asBoolean(), signed::toString);
            }
        }

        for (String kind : KINDS) {
            JsonNode meta = reviewer.get("/api/v1/documents/" + zh.get(kind)).json();
            Api.Reply html = reviewer.get("/api/v1/documents/" + zh.get(kind) + "/html");
            assertEquals(200, html.status(), html::toString);
            assertTrue(html.contentType().startsWith("text/html"));
            assertTrue(html.body().contains("<h1>" + meta.get("title").asText() + "</h1>"), html::body);
            String policy = html.header("Content-Security-Policy").orElse("");
            assertTrue(policy.startsWith("default-src 'none'; style-src 'sha256-") && policy.endsWith("sandbox"), policy);
            assertFalse(html.body().contains("<script>"), kind);
            Api.Reply pdf = reviewer.get("/api/v1/documents/" + zh.get(kind) + "/pdf");
            assertEquals(200, pdf.status());
            assertTrue(pdf.contentType().startsWith("application/pdf"));
            assertTrue(pdf.header("Content-Disposition").orElse("").startsWith("attachment"));
            assertTrue(pdf.body().startsWith("%PDF"), kind);
            assertTrue(pdf.body().contains("/FontFile2") || pdf.body().contains("/FontFile3"), kind + ": font embedded");
        }
        String codeScan = reviewer.get("/api/v1/documents/" + zh.get("code-scan-report") + "/html").body();
        assertTrue(codeScan.contains("代码扫描报告") && codeScan.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), codeScan);
        assertTrue(reviewer.get("/api/v1/documents/" + zh.get("security-test-report") + "/html").body().contains("SF-01"));

        // issue 6: a gate's reasons are written as text in the report's language, never as message keys
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (String bundle : new String[] {"/org/gatehouse/workflow/lifecycle/Messages.properties",
                "/org/gatehouse/workflow/requirement/Messages.properties", "/org/gatehouse/workflow/ticket/Messages.properties",
                "/org/gatehouse/findings/gate/Messages.properties"}) {
            java.util.Properties properties = new java.util.Properties();
            try (java.io.InputStream in = DocumentsIT.class.getResourceAsStream(bundle)) {
                properties.load(in);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            keys.addAll(properties.stringPropertyNames());
        }
        Api.Reply auditEn = generatedIn(reviewer, release, "security-audit-report", "en");
        for (String body : new String[] {reviewer.get("/api/v1/documents/" + zh.get("security-audit-report") + "/html").body(),
                auditEn.body()}) {
            assertTrue(body.contains("<h2>") && body.contains("</table>"), body);
            for (String key : keys) {
                assertFalse(body.contains(key), () -> "message key " + key + " in the audit report");
            }
        }

        // C.3: the confidential audit report circulates only within its scope
        String audit = zh.get("security-audit-report");
        // C.3, 7.8.6-ei: the confidential report is stored sealed (the public ones as they are), and reads back intact
        org.gatehouse.launcher.DatabaseCoordinates su = database.superuser();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(su.url(), su.user(), su.password());
                java.sql.PreparedStatement s = c.prepareStatement("SELECT html, key_id FROM document WHERE id = ?")) {
            for (String kind : new String[] {"security-audit-report", "security-requirements"}) {
                s.setObject(1, java.util.UUID.fromString(zh.get(kind)));
                try (java.sql.ResultSet row = s.executeQuery()) {
                    assertTrue(row.next());
                    boolean sealed = kind.equals("security-audit-report");
                    String stored = new String(row.getBytes(1), java.nio.charset.StandardCharsets.UTF_8);
                    assertEquals(!sealed, stored.contains("<h1>"), kind);
                    assertEquals(sealed, row.getString(2) != null, kind);
                }
            }
        }
        assertTrue(reviewer.get("/api/v1/documents/" + audit + "/html").body().contains("<h1>"));
        assertEquals("confidential", reviewer.get("/api/v1/documents/" + audit).json().get("classification").asText());
        assertEquals(403, developer.get("/api/v1/documents/" + audit + "/pdf").status());
        assertEquals(403, developer.get("/api/v1/documents/" + audit + "/html").status());
        assertEquals(403, tester.get("/api/v1/documents/" + audit).status());
        assertEquals(200, developer.get("/api/v1/documents/" + zh.get("code-scan-report") + "/pdf").status());
        assertEquals(200, owner.get("/api/v1/documents/" + audit + "/pdf").status());
        assertFalse(developer.get("/api/v1/releases/" + release + "/documents").body().contains(audit));
        assertTrue(reviewer.get("/api/v1/releases/" + release + "/documents").body().contains(audit));
        assertEquals(403, admin.get("/api/v1/documents/" + zh.get("code-scan-report")).status());

        // versions: unchanged content answers the latest, a change adds one with its note
        Api.Reply again = developer.post("/api/v1/releases/" + release + "/documents/security-requirements",
                "{\"language\":\"zh-CN\",\"changeNote\":\"again\"}");
        assertEquals(200, again.status(), again::toString);
        assertEquals(zh.get("security-requirements"), again.json().get("id").asText());
        assertEquals(1, again.json().get("version").asInt());
        assertEquals(201, developer.post("/api/v1/releases/" + release + "/requirements",
                "{\"title\":\"Refunds need a second person\",\"testPoint\":\"Refund alone\"}").status());
        Api.Reply changed = developer.post("/api/v1/releases/" + release + "/documents/security-requirements",
                "{\"language\":\"zh-CN\",\"changeNote\":\"added the refund requirement\"}");
        assertEquals(201, changed.status(), changed::toString);
        assertEquals(2, changed.json().get("version").asInt());
        assertEquals("added the refund requirement", changed.json().get("changeNote").asText());

        // C.3: every download is in the audit trail
        JsonNode reads = auditor.get("/api/v1/audit/events?type=document.read&target=document:" + audit + "&limit=50")
                .json().get("items");
        assertTrue(reads.size() >= 3, reads::toString);
        assertTrue(reads.toString().contains("pdf of security-audit-report"), reads::toString);
    }

    /** The HTML of the latest version of a release's document of that kind and language. */
    private static Api.Reply generatedIn(Api api, String release, String kind, String language) {
        for (JsonNode document : api.get("/api/v1/releases/" + release + "/documents").json()) {
            if (document.path("kind").asText().equals(kind) && document.path("language").asText().equals(language)) {
                return api.get("/api/v1/documents/" + document.get("id").asText() + "/html");
            }
        }
        throw new AssertionError("no " + kind + " in " + language);
    }
}
