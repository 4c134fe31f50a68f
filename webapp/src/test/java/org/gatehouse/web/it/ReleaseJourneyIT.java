package org.gatehouse.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One release driven from requirements to released on the real runtime (issue 6; B.1.3.1-ia..ii,
 * 8.1–8.7): every gate met by the work it asks for, a blocked advance, a waiver, the four-eyes rule,
 * and every decision signed and time-stamped.
 */
@ExtendWith(GatehouseServer.class)
class ReleaseJourneyIT {
    private Api owner;
    private Api developer;
    private Api tester;
    private Api reviewer;
    private String release;

    private ReleaseDriver driver;

    private String at(String rest) {
        return driver.at(rest);
    }

    private void sign(Api api, String subject, String role) {
        driver.sign(api, subject, role);
    }

    private long version() {
        return driver.version();
    }

    private Api.Reply fire(Api api, String trigger) {
        return driver.fire(api, trigger);
    }

    private void advanceTo(Api api, String phase) {
        driver.advanceTo(api, phase);
    }

    private void complete(Api api, String activity) {
        driver.complete(api, activity);
    }

    @Test
    void aReleaseGoesFromRequirementsToReleasedThroughEveryGate(Api admin, Users users) {
        String project = Fixtures.uniqueKey("JNY");
        assertEquals(201, admin.post("/api/v1/projects", Fixtures.project(project, "Shop " + project, 1)).status());
        owner = users.withProjectRole("PROJECT_OWNER", project);
        developer = users.withProjectRole("DEVELOPER", project);
        tester = users.withProjectRole("TESTER", project);
        reviewer = users.withProjectRole("SECURITY_REVIEWER", project);
        Api securityAdmin = users.withGlobalRole("SECURITY_ADMINISTRATOR");
        release = owner.post("/api/v1/projects/" + project + "/releases", "{\"version\":\"2026.12\"}").json().get("id")
                .asText();
        driver = new ReleaseDriver(owner, release);

        // requirements (B.1.3.1-ib, 8.2): a ticket's requirement, the risk assessment, three agreements
        assertEquals(201, developer.post(at("/requirements"), "{\"title\":\"A coupon is redeemed at most once\","
                + "\"ticket\":\"SHOP-42\",\"testPoint\":\"Redeem one coupon in two parallel requests\"}").status());
        assertEquals(200, owner.put(at("/risk-assessment"), "{\"assetValue\":1,\"likelihood\":2,\"impact\":2,"
                + "\"threats\":\"coupon abuse\",\"businessLoss\":\"discount fraud\"}").status());
        Api.Reply early = fire(developer, "advance");
        assertEquals(409, early.status(), early::toString);
        sign(owner, "risk-assessment", "PROJECT_OWNER");
        sign(reviewer, "risk-assessment", "SECURITY_REVIEWER");
        sign(owner, "security-requirements", "PROJECT_OWNER");
        sign(developer, "security-requirements", "DEVELOPER");
        sign(reviewer, "security-requirements", "SECURITY_REVIEWER");
        sign(tester, "test-recommendations", "TESTER");
        sign(reviewer, "test-recommendations", "SECURITY_REVIEWER");
        advanceTo(developer, "DESIGN");

        // design (B.1.3.1-ic): one recommendation, accepted and agreed
        assertEquals(200, developer.post(at("/reviews/design-recommendations"), "{\"topic\":\"threat\",\"subject\":"
                + "\"Coupon replay\",\"recommendation\":\"One transaction and a unique constraint per coupon\","
                + "\"requirements\":[\"SR-P-1\"],\"decision\":\"accepted\"}").status());
        sign(developer, "design-recommendations", "DEVELOPER");
        sign(reviewer, "design-recommendations", "SECURITY_REVIEWER");
        advanceTo(developer, "DEVELOPMENT");
        advanceTo(developer, "TESTING");

        // testing (B.1.3.1-ie..ih): a white-box report with a high finding, a manual test of the ticket
        assertEquals(201, developer.upload(release, "scan.sarif", FindingsIT.sarif("", 0, FindingsIT.A), "scanner", "sarif")
                .status());
        Api.Reply testCase = tester.post(at("/test-cases"), "{\"title\":\"Coupon replay\",\"steps\":\"Redeem twice in"
                + " parallel\",\"expectedResult\":\"One redemption\",\"requirements\":[\"SR-P-1\"]}");
        assertEquals(201, testCase.status(), testCase::toString);
        String caseId = testCase.json().get("id").asText();
        assertEquals(201, tester.post("/api/v1/test-cases/" + caseId + "/executions", "{\"result\":\"PASSED\"}").status());
        // the ticket moves through its own lifecycle (issue 6, ADR 0018): the developer who implemented it
        // cannot verify it; the tester does, now that the manual test of its requirement passed
        driver.ticketTo(developer, "SHOP-42", "DESIGN_REVIEWED");
        driver.ticketTo(developer, "SHOP-42", "IMPLEMENTED");
        assertEquals(403, driver.moveTicket(developer, "SHOP-42", "VERIFIED").status());
        driver.ticketTo(tester, "SHOP-42", "VERIFIED");
        complete(developer, "white-box-scan");
        complete(tester, "manual-security-test");
        Api.Reply blocked = fire(developer, "advance");
        assertEquals(409, blocked.status(), blocked::toString);
        List<String> fields = new ArrayList<>();
        blocked.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertEquals(List.of("gate.white-box.no-open-findings"), fields, "only the open high finding blocks");
        // the security administrator waives the scan gate for this release; the finding itself still has to be fixed
        assertEquals(200, securityAdmin.post(at("/lifecycle/waivers"), "{\"gate\":\"white-box.no-open-findings\","
                + "\"justification\":\"fixed in the audit phase before release\",\"expiresAt\":\""
                + Instant.now().plus(Duration.ofDays(7)) + "\"}", "If-Match", "\"" + version() + "\"").status());
        advanceTo(developer, "SECURITY_AUDIT");

        // security audit (B.1.3.1-ih): fixed and re-tested by someone else, then the report
        String finding = owner.get("/api/v1/findings?project=" + project).json().get("items").get(0).get("id").asText();
        assertEquals(200, developer.post("/api/v1/findings/" + finding + "/triage", "{\"action\":\"mark-fixed\","
                + "\"reason\":\"parameterised query\"}", "If-Match", "*").status());
        assertEquals(403, developer.post("/api/v1/findings/" + finding + "/retest", "{\"passed\":true}", "If-Match", "*")
                .status(), "developers do not verify their own fixes");
        assertEquals(200, tester.post("/api/v1/findings/" + finding + "/retest", "{\"passed\":true,\"reason\":\"re-tested\"}",
                "If-Match", "*").status());
        assertEquals(200, reviewer.put(at("/reviews/audit-conclusion"), "{\"verdict\":\"APPROVE\",\"conclusion\":\"The"
                + " SQL injection is fixed and verified; no open finding at or above high.\"}").status());
        sign(reviewer, "security-audit-report", "SECURITY_REVIEWER");
        // the report as a document (B.1.3.1-ih): its version is a signed decision and the certificate names its bytes
        Api.Reply auditReport = reviewer.post("/api/v1/releases/" + release + "/documents/security-audit-report",
                "{\"language\":\"zh-CN\",\"changeNote\":\"audit concluded\"}");
        assertEquals(201, auditReport.status(), auditReport::toString);
        advanceTo(developer, "PRE_PRODUCTION_REVIEW");

        // pre-production review (8.6, 8.7), then the release by the owner (B.1.3.1-ii)
        for (String item : List.of("design-security-functions", "security-function-tests", "installation-configuration",
                "temporary-data-cleared", "administrative-handover")) {
            assertEquals(200, owner.put(at("/reviews/pre-production/" + item), "{\"checked\":true}").status());
        }
        sign(owner, "pre-production-review", "PROJECT_OWNER");
        sign(reviewer, "pre-production-review", "SECURITY_REVIEWER");
        assertEquals(403, fire(developer, "advance").status(), "releasing needs the owner or the reviewer");
        advanceTo(owner, "RELEASED");

        JsonNode gate = owner.get(at("/gate")).json();
        assertEquals("pass", gate.get("verdict").asText());
        assertEquals("CLOSED", owner.get(at("")).json().get("status").asText());
        JsonNode log = owner.get(at("/lifecycle/transitions")).json();
        assertEquals(List.of("DESIGN", "DEVELOPMENT", "TESTING", "SECURITY_AUDIT", "PRE_PRODUCTION_REVIEW", "RELEASED"),
                texts(log, "to"));
        JsonNode waived = log.get(3).get("gates").get(0);
        assertEquals("WAIVED", waived.get("outcome").asText(), waived::toString);
        JsonNode signatures = owner.get(at("/lifecycle/signatures")).json();
        List<String> subjects = texts(signatures, "subject");
        for (String expected : List.of("sign-off:SECURITY_REQUIREMENTS:DEVELOPER", "waiver:white-box.no-open-findings:6",
                "sign-off:SECURITY_AUDIT_REPORT:SECURITY_REVIEWER", "transition:9", "document:security-audit-report:zh-CN:v1",
                "ticket:SHOP-42:4")) {
            assertTrue(subjects.contains(expected), () -> expected + " in " + subjects);
        }
        assertEquals(12 + 6 + 1 + 1 + 3, subjects.size(), "12 sign-offs, 6 moves, 1 waiver, 1 document and 3 ticket moves"
                + " are signed: " + subjects);
        signatures.forEach(s -> assertTrue(s.get("valid").asBoolean(), () -> "invalid: " + s.get("subject")));

        // the release certificate (7.8.4): verifies against the pinned CA, online and offline; one byte changed fails
        Api.Reply certificate = owner.get(at("/certificate"));
        assertEquals(200, certificate.status(), certificate::toString);
        byte[] document = certificate.body().getBytes(StandardCharsets.UTF_8);
        JsonNode content = certificate.json();
        assertEquals(release, content.get("release").get("id").asText());
        assertEquals(23, content.get("decisions").size(), "the ticket's moves are decisions of the release too");
        // 7.8.4: the documents the release rests on, by the digests of the bytes that were distributed
        Map<String, String> documents = new java.util.HashMap<>();
        content.get("documents").forEach(d -> documents.put(d.get("kind").asText() + " " + d.get("version").asText(),
                d.get("sha256").asText()));
        assertEquals(auditReport.json().get("pdfSha256").asText(), documents.get("security-audit-report.zh-CN.pdf v1"),
                documents::toString);
        assertEquals(auditReport.json().get("htmlSha256").asText(), documents.get("security-audit-report.zh-CN.html v1"));
        Api anyone = new Api(owner.base());
        JsonNode report = anyone.send("POST", "/api/v1/certificates/verification", certificate.body(), "application/json")
                .json();
        assertEquals("VALID", report.get("verdict").asText(), report::toString);
        String tampered = certificate.body().replace("\"2026.12\"", "\"2026.13\"");
        assertEquals("INVALID", anyone.send("POST", "/api/v1/certificates/verification", tampered, "application/json").json()
                .get("verdict").asText());
        String pin = anyone.get("/api/v1/certificates/authority").json().get("sha256").asText();
        assertEquals(0, offline(document, pin), "the CLI check passes offline with the pinned CA");
        assertEquals(1, offline(tampered.getBytes(StandardCharsets.UTF_8), pin));
        assertEquals(1, offline(document, "0".repeat(64)), "another CA pinned: refused");
    }

    private static int offline(byte[] document, String caSha256) {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("certificate", ".json");
            java.nio.file.Files.write(file, document);
            java.io.PrintStream quiet = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
            int code = org.gatehouse.evidence.certificate.VerifyCertificate.run(new String[] {file.toString(), "--ca-sha256",
                    caSha256}, quiet, quiet);
            java.nio.file.Files.delete(file);
            return code;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.get(field).asText()));
        return texts;
    }
}
