package org.gatehouse.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The design review, the Security Audit Report and the pre-production review on the real runtime
 * (issue 6; B.1.3.1-ic/ih/ii, 8.4, 8.6): decisions, traceability, a report whose signature follows the
 * findings, and a checklist, each gating its move.
 */
@ExtendWith(GatehouseServer.class)
class ReviewsIT {

    private static JsonNode gate(Api api, String release, String id) {
        for (JsonNode route : api.get("/api/v1/releases/" + release + "/lifecycle/gates").json()) {
            for (JsonNode gate : route.get("gates")) {
                if (gate.get("gate").asText().equals(id)) {
                    return gate;
                }
            }
        }
        throw new AssertionError("no gate " + id);
    }

    private static String digest(Api api, String release, String subject) {
        for (JsonNode node : api.get("/api/v1/releases/" + release + "/sign-offs").json()) {
            if (node.get("subject").asText().equals(subject)) {
                return node.get("contentSha256").asText();
            }
        }
        throw new AssertionError(subject);
    }

    private static Api.Reply sign(Api api, String release, String subject, String role) {
        return api.post("/api/v1/releases/" + release + "/sign-offs", "{\"subject\":\"" + subject + "\",\"role\":\"" + role
                + "\",\"contentSha256\":\"" + digest(api, release, subject) + "\"}");
    }

    @Test
    void designAuditAndPreProductionReviewsGateTheirMoves(Api admin, Users users) {
        String project = Fixtures.uniqueKey("REV");
        assertEquals(201, admin.post("/api/v1/projects", Fixtures.project(project, "Shop " + project, 2)).status());
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        Api developer = users.withProjectRole("DEVELOPER", project);
        Api reviewer = users.withProjectRole("SECURITY_REVIEWER", project);
        String release = owner.post("/api/v1/projects/" + project + "/releases", "{\"version\":\"5.0\"}").json().get("id")
                .asText();
        String reviews = "/api/v1/releases/" + release + "/reviews";

        // design: one recommendation serving one requirement; the rest is untraced (level 2 checks traceability)
        assertEquals("gate.agreement.design-recommendations.nothing", gate(owner, release,
                "design-recommendations.agreed").get("reasons").get(0).get("key").asText());
        Api.Reply dr = developer.post(reviews + "/design-recommendations", "{\"topic\":\"threat\",\"subject\":\"Coupon"
                + " replay\",\"recommendation\":\"Redeem in one transaction with a unique constraint\",\"requirements\":"
                + "[\"SR-8.3-em-1\"]}");
        assertEquals(200, dr.status(), dr::toString);
        assertEquals("DR-1", dr.json().get("key").asText());
        assertEquals("PROPOSED", dr.json().get("decision").asText());
        assertEquals(400, developer.post(reviews + "/design-recommendations", "{\"key\":\"DR-1\",\"topic\":\"threat\","
                + "\"subject\":\"x\",\"recommendation\":\"y\",\"decision\":\"disputed\"}").status(), "a dispute says why");
        JsonNode designGate = gate(owner, release, "design-recommendations.agreed");
        assertEquals("gate.agreement.design-recommendations.lacking", designGate.get("reasons").get(0).get("key").asText());
        JsonNode trace = gate(owner, release, "design.traceability-complete");
        assertEquals("BLOCKED", trace.get("outcome").asText());
        JsonNode untraced = owner.get(reviews).json().get("untracedRequirements");
        assertTrue(untraced.size() >= 10 && !untraced.toString().contains("SR-8.3-em-1"), untraced::toString);
        assertEquals(200, developer.post(reviews + "/design-recommendations", "{\"key\":\"DR-1\",\"topic\":\"threat\","
                + "\"subject\":\"Coupon replay\",\"recommendation\":\"Redeem in one transaction with a unique constraint\","
                + "\"requirements\":[\"SR-8.3-em-1\"],\"decision\":\"accepted\"}").status());
        assertEquals(200, sign(developer, release, "design-recommendations", "DEVELOPER").status());
        assertEquals(200, sign(reviewer, release, "design-recommendations", "SECURITY_REVIEWER").status());
        assertEquals("PASSED", gate(owner, release, "design-recommendations.agreed").get("outcome").asText());

        // the audit report: only a security reviewer concludes; REJECT blocks even when signed
        assertEquals(403, owner.put(reviews + "/audit-conclusion", "{\"verdict\":\"APPROVE\",\"conclusion\":\"fine\"}")
                .status());
        assertEquals(200, reviewer.put(reviews + "/audit-conclusion", "{\"verdict\":\"REJECT\",\"conclusion\":\"SQL"
                + " injection open\"}").status());
        assertEquals(200, sign(reviewer, release, "security-audit-report", "SECURITY_REVIEWER").status());
        JsonNode audit = gate(owner, release, "security-audit-report.signed");
        assertEquals("gate.agreement.security-audit-report.lacking", audit.get("reasons").get(0).get("key").asText());
        assertEquals(200, reviewer.put(reviews + "/audit-conclusion", "{\"verdict\":\"APPROVE\",\"conclusion\":\"All"
                + " findings fixed and verified\"}").status());
        assertEquals("gate.agreement.unsigned", gate(owner, release, "security-audit-report.signed").get("reasons").get(0)
                .get("key").asText(), "a new conclusion needs a new signature");
        assertEquals(200, sign(reviewer, release, "security-audit-report", "SECURITY_REVIEWER").status());
        assertEquals("PASSED", gate(owner, release, "security-audit-report.signed").get("outcome").asText());
        // a finding that appears after signing changes the report: the signature no longer covers it
        assertEquals(201, owner.upload(release, "scan.sarif", FindingsIT.sarif("", 0, FindingsIT.A), "scanner", "sarif")
                .status());
        assertEquals("BLOCKED", gate(owner, release, "security-audit-report.signed").get("outcome").asText());
        assertEquals(1, owner.get(reviews).json().get("audit").get("findings").get("NEW/HIGH").asInt());

        // pre-production review: every item checked, owner and reviewer agree
        assertEquals(403, developer.put(reviews + "/pre-production/temporary-data-cleared", "{\"checked\":true}").status());
        List<String> items = List.of("design-security-functions", "security-function-tests", "installation-configuration",
                "temporary-data-cleared", "administrative-handover");
        for (String item : items.subList(0, 4)) {
            assertEquals(200, owner.put(reviews + "/pre-production/" + item, "{\"checked\":true,\"note\":\"done\"}")
                    .status());
        }
        JsonNode checklist = gate(owner, release, "pre-production-checklist.complete");
        assertTrue(checklist.get("reasons").get(0).get("message").asText().contains("administrative-handover"),
                checklist::toString);
        assertEquals(200, reviewer.put(reviews + "/pre-production/administrative-handover", "{\"checked\":true}").status());
        assertEquals(200, sign(owner, release, "pre-production-review", "PROJECT_OWNER").status());
        assertEquals(200, sign(reviewer, release, "pre-production-review", "SECURITY_REVIEWER").status());
        assertEquals("PASSED", gate(owner, release, "pre-production-checklist.complete").get("outcome").asText());
    }

    @Test
    void levelThreeAsksForTheCodingStandardAndTheScannedArtifactToBeTheReleasedOne(Api admin, Users users) throws Exception {
        String project = Fixtures.uniqueKey("PRV");
        assertEquals(201, admin.post("/api/v1/projects", Fixtures.project(project, "Shop " + project, 3)).status());
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        Api developer = users.withProjectRole("DEVELOPER", project);
        String release = owner.post("/api/v1/projects/" + project + "/releases", "{\"version\":\"6.0\"}").json().get("id")
                .asText();
        String reviews = "/api/v1/releases/" + release + "/reviews";

        // B.1.3.1-id: the secure development standard, adopted by the owner and acknowledged by a developer
        assertEquals("gate.agreement.coding-standard.nothing", gate(owner, release, "coding-standard.attached")
                .get("reasons").get(0).get("key").asText());
        assertEquals(400, owner.put(reviews + "/coding-standard", "{\"name\":\"Shop secure coding\",\"version\":\"3\","
                + "\"documentSha256\":\"abc\"}").status());
        assertEquals(200, owner.put(reviews + "/coding-standard", "{\"name\":\"Shop secure coding\",\"version\":\"3\","
                + "\"location\":\"https://wiki.example/secure-coding\"}").status());
        assertEquals(200, sign(owner, release, "coding-standard", "PROJECT_OWNER").status());
        assertEquals(200, sign(developer, release, "coding-standard", "DEVELOPER").status());
        assertEquals("PASSED", gate(owner, release, "coding-standard.attached").get("outcome").asText());

        // C.4: the released artifact must be the scanned one
        String build = "/api/v1/releases/" + release + "/build";
        assertEquals(404, owner.get(build).status());
        assertEquals("gate.build.not-recorded", gate(owner, release, "build.provenance-recorded").get("reasons").get(0)
                .get("key").asText());
        byte[] jar = Artifacts.vulnerableJar();
        String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(jar));
        String body = "{\"commit\":\"0123abcd\",\"build\":\"ci-77\",\"pipelineUrl\":\"https://ci.example/77\","
                + "\"artifacts\":[{\"name\":\"shop.jar\",\"sha256\":\"%s\"}]}";
        assertEquals(400, developer.put(build, body.formatted("XYZ")).status());
        assertEquals(200, developer.put(build, body.formatted(sha256)).status());
        JsonNode unscanned = gate(owner, release, "build.provenance-recorded");
        assertEquals("gate.build.unscanned", unscanned.get("reasons").get(0).get("key").asText(), unscanned::toString);
        JsonNode scan = ScansIT.awaitEnd(developer, developer.scan(release, "shop.jar", jar).json().get("id").asText());
        assertEquals("SUCCEEDED", scan.get("state").asText(), scan::toString);
        assertEquals("PASSED", gate(owner, release, "build.provenance-recorded").get("outcome").asText());
        // another build of other bytes is not what was scanned
        assertEquals(200, developer.put(build, body.formatted("1".repeat(64))).status());
        assertEquals("BLOCKED", gate(owner, release, "build.provenance-recorded").get("outcome").asText());
        assertEquals("1".repeat(64), owner.get(build).json().get("artifacts").get(0).get("sha256").asText());
    }
}
