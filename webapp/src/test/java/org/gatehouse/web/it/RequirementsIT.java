package org.gatehouse.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The requirements phase on the real runtime (issue 6; B.1.3.1-ib, 8.2, 8.3): baseline requirements,
 * project requirements with tickets and test points, the risk assessment, and consensus sign-offs
 * over the exact content, signed and time-stamped, with separation of duties — until the release
 * leaves the requirements phase through its gates.
 */
@ExtendWith(GatehouseServer.class)
class RequirementsIT {

    private record Team(String project, String release, Api owner, Api developer, Api tester, Api reviewer) {
    }

    private static Team team(Api admin, Users users, int level) {
        String key = Fixtures.uniqueKey("REQ");
        assertEquals(201, admin.post("/api/v1/projects", Fixtures.project(key, "Shop " + key, level)).status());
        Api owner = users.withProjectRole("PROJECT_OWNER", key);
        Api.Reply release = owner.post("/api/v1/projects/" + key + "/releases", "{\"version\":\"3.0\"}");
        assertEquals(201, release.status(), release::toString);
        return new Team(key, release.json().get("id").asText(), owner, users.withProjectRole("DEVELOPER", key),
                users.withProjectRole("TESTER", key), users.withProjectRole("SECURITY_REVIEWER", key));
    }

    private static String path(Team team, String rest) {
        return "/api/v1/releases/" + team.release() + rest;
    }

    private static JsonNode subject(Api api, Team team, String subject) {
        for (JsonNode node : api.get(path(team, "/sign-offs")).json()) {
            if (node.get("subject").asText().equals(subject)) {
                return node;
            }
        }
        throw new AssertionError("no subject " + subject);
    }

    private static Api.Reply sign(Api api, Team team, String subject, String role) {
        String digest = subject(api, team, subject).get("contentSha256").asText();
        return api.post(path(team, "/sign-offs"), "{\"subject\":\"" + subject + "\",\"role\":\"" + role
                + "\",\"contentSha256\":\"" + digest + "\",\"comment\":\"agreed in review\"}");
    }

    private static JsonNode gate(Api api, Team team, String id) {
        for (JsonNode route : api.get(path(team, "/lifecycle/gates")).json()) {
            for (JsonNode gate : route.get("gates")) {
                if (gate.get("gate").asText().equals(id)) {
                    return gate;
                }
            }
        }
        throw new AssertionError("no gate " + id);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    @Test
    void theNamedPartiesAgreeToTheExactContentAndTheReleaseLeavesTheRequirementsPhase(Api admin, Users users) {
        Team team = team(admin, users, 1);
        JsonNode listing = team.developer().get(path(team, "/requirements")).json();
        int baseline = listing.get("items").size();
        assertTrue(baseline >= 10, "a release starts from the baseline catalog: " + listing);
        assertEquals("SR-7.8.3-1", listing.get("items").get(0).get("key").asText(), "sorted by key");
        assertTrue(listing.get("items").get(0).get("titleZh").asText().matches(".*[\\u4e00-\\u9fff].*"));
        assertEquals(0, team.owner().post(path(team, "/requirements/baseline"), null).json().get("added").asInt(),
                "adding the baseline again adds nothing");
        assertEquals("BLOCKED", gate(team.owner(), team, "requirements.agreed").get("outcome").asText());
        assertEquals("gate.agreement.risk-assessment.nothing",
                gate(team.owner(), team, "risk-assessment.complete").get("reasons").get(0).get("key").asText());

        // a project requirement for a ticket, without a test point yet
        Api.Reply added = team.developer().post(path(team, "/requirements"),
                "{\"title\":\"Coupons cannot be redeemed twice\",\"ticket\":\"SHOP-123\"}");
        assertEquals(201, added.status(), added::toString);
        assertEquals("SR-P-1", added.json().get("key").asText());
        assertEquals(400, team.developer().post(path(team, "/requirements"), "{\"title\":\"x\",\"ticket\":\"shop 1\"}")
                .status());
        JsonNode tests = subject(team.tester(), team, "test-recommendations");
        assertEquals(List.of("SR-P-1"), texts(tests.get("lacking")));

        // the requirements: owner, developer and reviewer, each once
        assertEquals(200, sign(team.owner(), team, "security-requirements", "PROJECT_OWNER").status());
        Api.Reply wrongRole = sign(team.developer(), team, "security-requirements", "SECURITY_REVIEWER");
        assertEquals(403, wrongRole.status(), wrongRole::toString);
        assertEquals(200, sign(team.developer(), team, "security-requirements", "DEVELOPER").status());
        // the reviewer read an older version: the developer changed the text in between
        String seen = subject(team.reviewer(), team, "security-requirements").get("contentSha256").asText();
        assertEquals(200, team.developer().put(path(team, "/requirements/SR-P-1"), "{\"title\":\"Coupons cannot be"
                + " redeemed twice, also not in parallel\",\"ticket\":\"SHOP-123\",\"testPoint\":\"Redeem one coupon in"
                + " two parallel requests\"}").status());
        Api.Reply stale = team.reviewer().post(path(team, "/sign-offs"), "{\"subject\":\"security-requirements\","
                + "\"role\":\"SECURITY_REVIEWER\",\"contentSha256\":\"" + seen + "\"}");
        assertEquals(409, stale.status(), stale::toString);
        JsonNode requirements = subject(team.reviewer(), team, "security-requirements");
        assertEquals(List.of("PROJECT_OWNER", "DEVELOPER", "SECURITY_REVIEWER"), texts(requirements.get("missing")),
                "sign-offs of the old text no longer count");
        for (Api party : List.of(team.owner(), team.developer(), team.reviewer())) {
            String role = party == team.owner() ? "PROJECT_OWNER" : party == team.developer() ? "DEVELOPER"
                    : "SECURITY_REVIEWER";
            Api.Reply signed = sign(party, team, "security-requirements", role);
            assertEquals(200, signed.status(), signed::toString);
        }
        assertTrue(subject(team.owner(), team, "security-requirements").get("agreed").asBoolean());

        // the test recommendations: a person holding tester and reviewer roles signs only one of them
        Api both = users.withProjectRole("TESTER", team.project());
        users.grant(both.loginName(), "SECURITY_REVIEWER", Optional.of(team.project()));
        assertEquals(200, sign(both, team, "test-recommendations", "TESTER").status());
        Api.Reply second = sign(both, team, "test-recommendations", "SECURITY_REVIEWER");
        assertEquals(409, second.status(), second::toString);
        Api.Reply taken = sign(team.tester(), team, "test-recommendations", "TESTER");
        assertEquals(409, taken.status(), taken::toString);
        assertEquals(200, sign(team.reviewer(), team, "test-recommendations", "SECURITY_REVIEWER").status());

        // the risk assessment: level 1 (1 x 2 x 2), agreed by owner and reviewer
        Api.Reply assessed = team.owner().put(path(team, "/risk-assessment"), "{\"assetValue\":1,\"likelihood\":2,"
                + "\"impact\":2,\"threats\":\"coupon abuse, account takeover\",\"businessLoss\":\"lost revenue\"}");
        assertEquals(200, assessed.status(), assessed::toString);
        assertEquals(1, assessed.json().get("level").asInt());
        assertEquals(200, sign(team.owner(), team, "risk-assessment", "PROJECT_OWNER").status());
        assertEquals(200, sign(team.reviewer(), team, "risk-assessment", "SECURITY_REVIEWER").status());

        for (String id : List.of("risk-assessment.complete", "requirements.agreed", "test-recommendations.agreed")) {
            assertEquals("PASSED", gate(team.owner(), team, id).get("outcome").asText(), id);
        }
        Api.Reply advanced = team.developer().post(path(team, "/lifecycle/transitions"), "{\"trigger\":\"advance\"}",
                "If-Match", "\"0\"");
        assertEquals(200, advanced.status(), advanced::toString);
        assertEquals("DESIGN", advanced.json().get("phase").asText());

        // every sign-off and the move are signed, time-stamped and verify
        JsonNode signatures = team.owner().get(path(team, "/lifecycle/signatures")).json();
        assertTrue(signatures.size() >= 10, signatures::toString);
        signatures.forEach(s -> assertTrue(s.get("valid").asBoolean(), s::toString));
        JsonNode audit = users.withGlobalRole("AUDITOR").get("/api/v1/audit/events?type=sign-off.given&target=release:"
                + team.release()).json();
        assertTrue(audit.get("items").size() >= 9, audit::toString);
    }

    @Test
    void anAssessmentAboveTheReleasesLevelBlocksEvenWhenSigned(Api admin, Users users) {
        Team team = team(admin, users, 1);
        assertEquals(400, team.owner().put(path(team, "/risk-assessment"), "{\"assetValue\":4,\"likelihood\":2,"
                + "\"impact\":2,\"threats\":\"t\",\"businessLoss\":\"l\"}").status());
        assertEquals(404, team.owner().get(path(team, "/risk-assessment")).status());
        Api.Reply assessed = team.owner().put(path(team, "/risk-assessment"), "{\"assetValue\":3,\"likelihood\":3,"
                + "\"impact\":2,\"threats\":\"payment fraud\",\"businessLoss\":\"card data breach\"}");
        assertEquals(3, assessed.json().get("level").asInt(), assessed::toString);
        assertEquals(200, sign(team.owner(), team, "risk-assessment", "PROJECT_OWNER").status());
        assertEquals(200, sign(team.reviewer(), team, "risk-assessment", "SECURITY_REVIEWER").status());
        JsonNode gate = gate(team.owner(), team, "risk-assessment.complete");
        assertEquals("BLOCKED", gate.get("outcome").asText(), gate::toString);
        assertEquals("gate.risk.level-above", gate.get("reasons").get(0).get("key").asText());
        assertFalse(subject(team.owner(), team, "risk-assessment").get("missing").size() > 0);
        // the tester may edit requirements but not sign the risk assessment
        Api.Reply refused = sign(team.tester(), team, "risk-assessment", "PROJECT_OWNER");
        assertEquals(403, refused.status(), refused::toString);
    }
}
