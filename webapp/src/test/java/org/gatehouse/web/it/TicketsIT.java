package org.gatehouse.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tickets move through gates too (issue 6, ADR 0018), on the real runtime: tickets created directly and
 * by the requirements naming them, the ticket lifecycle with its guards, optimistic versions (also
 * under a race),
 * separation of duties for verifying, signed moves, and the gate {@code tickets.verified} that reads
 * the ticket states (B.1.3.1-ih).
 */
@ExtendWith(GatehouseServer.class)
class TicketsIT {
    private static final String HOSTILE = "<img src=x onerror=alert(1)> \"Coupon\" & 'code'";

    private static JsonNode ticketsGate(Api api, String release) {
        for (JsonNode route : api.get("/api/v1/releases/" + release + "/lifecycle/gates").json()) {
            for (JsonNode gate : route.get("gates")) {
                if (gate.get("gate").asText().equals("tickets.verified")) {
                    return gate;
                }
            }
        }
        throw new AssertionError("no gate tickets.verified");
    }

    private static List<String> reasons(JsonNode gate) {
        List<String> keys = new ArrayList<>();
        gate.get("reasons").forEach(r -> keys.add(r.get("key").asText() + " " + r.get("message").asText()));
        return keys;
    }

    private static JsonNode card(Api api, ReleaseDriver d, String key) {
        for (JsonNode ticket : api.get(d.at("/tickets")).json()) {
            if (ticket.get("key").asText().equals(key)) {
                return ticket;
            }
        }
        throw new AssertionError("no ticket " + key);
    }

    @Test
    void aTicketMovesThroughItsLifecycleAndTheReleaseGateWaitsForEveryTicketWithRequirements(Api admin, Users users) {
        String project = Fixtures.createProject(admin, "TIX");
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        Api developer = users.withProjectRole("DEVELOPER", project);
        Api tester = users.withProjectRole("TESTER", project);
        Api reviewer = users.withProjectRole("SECURITY_REVIEWER", project);
        String release = owner.post("/api/v1/projects/" + project + "/releases", "{\"version\":\"1.0\"}").json().get("id")
                .asText();
        ReleaseDriver d = new ReleaseDriver(owner, release);

        // a ticket of the tracker, its title kept as written (the UI sets it as text)
        Api.Reply created = developer.post(d.at("/tickets"), "{\"key\":\"SHOP-7\",\"title\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(HOSTILE).toString()
                + ",\"kind\":\"feature\",\"trackerUrl\":\"https://tracker.example/browse/SHOP-7\"}");
        assertEquals(201, created.status(), created::toString);
        assertEquals(HOSTILE, created.json().get("title").asText());
        assertEquals("REQUIREMENTS_ASSIGNED", created.json().get("state").asText());
        assertEquals("\"1\"", created.header("ETag").orElseThrow());
        assertEquals(409, developer.post(d.at("/tickets"), "{\"key\":\"SHOP-7\",\"title\":\"again\"}").status());
        for (String bad : List.of("{\"key\":\"shop 7\",\"title\":\"x\"}", "{\"key\":\"SHOP-8\",\"title\":\"x\",\"kind\":\"epic\"}",
                "{\"key\":\"SHOP-8\",\"title\":\"x\",\"trackerUrl\":\"javascript:alert(1)\"}", "{\"key\":\"SHOP-8\"}")) {
            Api.Reply refused = developer.post(d.at("/tickets"), bad);
            assertEquals(400, refused.status(), () -> bad + ": " + refused);
            assertTrue(refused.contentType().startsWith("application/problem+json"), refused::toString);
        }
        assertEquals(403, users.withoutRoles().post(d.at("/tickets"), "{\"key\":\"SHOP-9\",\"title\":\"x\"}").status());

        // no security requirement names it yet: held before design review, and no gate waits for it
        JsonNode fresh = card(owner, d, "SHOP-7");
        assertEquals(0, fresh.get("requirementCount").asInt());
        assertEquals("ticket.guard.no-requirements", fresh.get("holds").get(0).get("key").asText());
        Api.Reply held = d.moveTicket(developer, "SHOP-7", "DESIGN_REVIEWED");
        assertEquals(409, held.status(), held::toString);
        assertTrue(held.json().get("type").asText().endsWith(":invalid-transition"), held::toString);
        assertEquals("ticket", held.json().get("errors").get(0).get("field").asText());
        assertEquals("PASSED", ticketsGate(owner, release).get("outcome").asText());

        // requirements link tickets: SHOP-7 gets one, an unknown SHOP-8 becomes a ticket of its own
        assertEquals(201, developer.post(d.at("/requirements"), "{\"title\":\"A coupon is redeemed once\","
                + "\"ticket\":\"SHOP-7\"}").status());
        assertEquals(201, developer.post(d.at("/requirements"), "{\"title\":\"Refunds are signed\","
                + "\"ticket\":\"SHOP-8\"}").status());
        JsonNode linked = card(owner, d, "SHOP-8");
        assertEquals("SHOP-8", linked.get("title").asText());
        assertEquals("STORY", linked.get("kind").asText());
        assertEquals(List.of("SR-P-2"), List.of(linked.get("requirements").get(0).asText()));
        JsonNode gate = ticketsGate(owner, release);
        assertEquals("BLOCKED", gate.get("outcome").asText());
        assertEquals(2, gate.get("reasons").size(), () -> reasons(gate).toString());
        assertTrue(reasons(gate).get(0).startsWith("gate.tickets.not-verified Ticket SHOP-7 is REQUIREMENTS_ASSIGNED"),
                () -> reasons(gate).toString());

        // optimistic versions: no If-Match 428, a stale one 412; a skipped step is no move
        assertEquals(428, developer.post(d.at("/tickets/SHOP-7/transitions"), "{\"to\":\"DESIGN_REVIEWED\"}").status());
        assertEquals(412, developer.post(d.at("/tickets/SHOP-7/transitions"), "{\"to\":\"DESIGN_REVIEWED\"}",
                "If-Match", "\"7\"").status());
        Api.Reply skipped = d.moveTicket(developer, "SHOP-7", "IMPLEMENTED");
        assertEquals(409, skipped.status(), skipped::toString);
        assertEquals(400, d.moveTicket(developer, "SHOP-7", "DONE").status());

        // the lifecycle: the developer reviews and implements; verifying is for someone else who tests
        d.ticketTo(developer, "SHOP-7", "DESIGN_REVIEWED");
        d.ticketTo(developer, "SHOP-7", "IMPLEMENTED");
        Api.Reply own = d.moveTicket(developer, "SHOP-7", "VERIFIED");
        assertEquals(403, own.status(), "developers do not verify tickets: " + own);
        Api.Reply untested = d.moveTicket(tester, "SHOP-7", "VERIFIED");
        assertEquals(409, untested.status(), untested::toString);
        assertTrue(untested.json().get("errors").get(0).get("message").asText().contains("SR-P-1"), untested::toString);
        Api.Reply testCase = tester.post(d.at("/test-cases"), "{\"title\":\"Coupon replay\",\"steps\":\"Redeem twice\","
                + "\"expectedResult\":\"One redemption\",\"requirements\":[\"SR-P-1\"]}");
        assertEquals(201, testCase.status(), testCase::toString);
        String caseId = testCase.json().get("id").asText();
        assertEquals(201, tester.post("/api/v1/test-cases/" + caseId + "/executions", "{\"result\":\"PASSED\"}").status());
        assertEquals(List.of(), iterable(card(owner, d, "SHOP-7").get("holds")), "nothing holds it now");
        d.ticketTo(tester, "SHOP-7", "VERIFIED");

        // a tester who implemented a ticket does not verify it either (separation of duties)
        // two moves based on one version: one wins, the other is told its version is stale
        List<java.util.concurrent.CompletableFuture<Api.Reply>> racing = List.of(developer, tester).stream()
                .map(api -> java.util.concurrent.CompletableFuture.supplyAsync(() -> api.post(
                        d.at("/tickets/SHOP-8/transitions"), "{\"to\":\"DESIGN_REVIEWED\"}", "If-Match", "\"1\"")))
                .toList();
        List<Integer> statuses = racing.stream().map(f -> f.join().status()).sorted().toList();
        assertEquals(List.of(200, 412), statuses);
        assertEquals(1, iterable(owner.get(d.at("/tickets/SHOP-8")).json().get("transitions")).size());
        d.ticketTo(tester, "SHOP-8", "IMPLEMENTED");
        Api.Reply test2 = tester.post(d.at("/test-cases"), "{\"title\":\"Refund signature\",\"steps\":\"Refund\","
                + "\"expectedResult\":\"Signed\",\"requirements\":[\"SR-P-2\"]}");
        assertEquals(201, tester.post("/api/v1/test-cases/" + test2.json().get("id").asText() + "/executions",
                "{\"result\":\"PASSED\"}").status());
        Api.Reply self = d.moveTicket(tester, "SHOP-8", "VERIFIED");
        assertEquals(403, self.status(), self::toString);
        assertTrue(self.json().get("detail").asText().contains("SHOP-8"), self::toString);
        d.ticketTo(reviewer, "SHOP-8", "VERIFIED");
        assertEquals("PASSED", ticketsGate(owner, release).get("outcome").asText());

        // every move recorded and signed; describing keeps the state and bumps the version
        Api.Reply detail = owner.get(d.at("/tickets/SHOP-7"));
        assertEquals(3, detail.json().get("transitions").size(), detail::toString);
        assertEquals("\"4\"", detail.header("ETag").orElseThrow());
        long signed = iterable(owner.get(d.at("/lifecycle/signatures")).json()).stream()
                .filter(s -> s.get("subject").asText().startsWith("ticket:") && s.get("valid").asBoolean()).count();
        assertEquals(6, signed);
        Api.Reply described = developer.put(d.at("/tickets/SHOP-7"), "{\"title\":\"Coupons\",\"kind\":\"bug\"}",
                "If-Match", "\"4\"");
        assertEquals(200, described.status(), described::toString);
        assertEquals("VERIFIED", described.json().get("state").asText());
        assertEquals("\"5\"", described.header("ETag").orElseThrow());

        // a later failed test takes the verification away: the gate names the requirement
        assertEquals(201, tester.post("/api/v1/test-cases/" + caseId + "/executions", "{\"result\":\"FAILED\","
                + "\"severity\":\"HIGH\",\"notes\":\"replayed\"}").status());
        JsonNode lost = ticketsGate(owner, release);
        assertEquals("BLOCKED", lost.get("outcome").asText());
        assertEquals(List.of("gate.tickets.evidence-lost"), iterable(lost.get("reasons")).stream()
                .map(r -> r.get("key").asText()).toList());
        // reopened, it starts again
        d.ticketTo(developer, "SHOP-7", "REQUIREMENTS_ASSIGNED");
        assertEquals(List.of("DESIGN_REVIEWED"), iterable(card(owner, d, "SHOP-7").get("moves")).stream()
                .map(m -> m.get("to").asText()).toList());
    }

    /** A SARIF log of one tool whose rule is CWE-89, with the given results ({path, line}). */
    private static byte[] injections(String... paths) {
        StringBuilder json = new StringBuilder("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"Demo\","
                + "\"rules\":[{\"id\":\"SQLI\",\"properties\":{\"tags\":[\"security\",\"external/cwe/cwe-089\"],"
                + "\"security-severity\":\"8.8\"}}]}},\"results\":[");
        for (int i = 0; i < paths.length; i++) {
            json.append(i == 0 ? "" : ",").append("{\"ruleId\":\"SQLI\",\"level\":\"error\",\"message\":{\"text\":\"SQL built from input\"},"
                    + "\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"").append(paths[i])
                    .append("\"},\"region\":{\"startLine\":12}}}]}");
        }
        return json.append("]}]}").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aScanAfterTheImplementationVerifiesARequirementThatNamesWeaknesses(Api admin, Users users) {
        String project = Fixtures.createProject(admin, "TIXS");
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        Api developer = users.withProjectRole("DEVELOPER", project);
        Api tester = users.withProjectRole("TESTER", project);
        String release = owner.post("/api/v1/projects/" + project + "/releases", "{\"version\":\"1.0\"}").json().get("id")
                .asText();
        ReleaseDriver d = new ReleaseDriver(owner, release);
        for (String bad : List.of("[0]", "[89, 89]", "[\"CWE-89\"]", "[" + "1,".repeat(20) + "2]")) {
            Api.Reply refused = developer.post(d.at("/requirements"), "{\"title\":\"x\",\"scanCwes\":" + bad + "}");
            assertEquals(400, refused.status(), () -> bad + ": " + refused);
        }
        Api.Reply requirement = developer.post(d.at("/requirements"), "{\"title\":\"Search queries are parameterised\","
                + "\"ticket\":\"SHOP-21\",\"scanCwes\":[89]}");
        assertEquals(201, requirement.status(), requirement::toString);
        assertEquals(89, requirement.json().get("scanCwes").get(0).asInt());
        String key = requirement.json().get("key").asText();

        // a scan before the implementation finds the injection; then the ticket is implemented
        assertEquals(201, owner.upload(release, "a.sarif", injections("src/Search.java"), "scanner", "sarif", "commit", "a1a1a1a")
                .status());
        d.ticketTo(developer, "SHOP-21", "DESIGN_REVIEWED");
        d.ticketTo(developer, "SHOP-21", "IMPLEMENTED");
        Api.Reply early = d.moveTicket(tester, "SHOP-21", "VERIFIED");
        assertEquals(409, early.status(), "no scan since the implementation: " + early);
        assertTrue(early.json().get("errors").get(0).get("message").asText().contains(key), early::toString);

        // a scan after it that still finds the weakness does not verify it
        assertEquals(201, owner.upload(release, "b.sarif", injections("src/Search.java"), "scanner", "sarif", "commit", "b2b2b2b")
                .status());
        assertEquals(409, d.moveTicket(tester, "SHOP-21", "VERIFIED").status(), "CWE-89 is still open");
        // a clean scan closes it, but a fix is verified only by a scan of a newer build (fixed and re-tested)
        assertEquals(201, owner.upload(release, "c.sarif", injections(), "scanner", "sarif", "commit", "c3c3c3c").status());
        assertEquals(409, d.moveTicket(tester, "SHOP-21", "VERIFIED").status(), "fixed, not yet re-tested");
        assertEquals(201, owner.upload(release, "d.sarif", injections(), "scanner", "sarif", "commit", "d4d4d4d").status());
        assertEquals(List.of(), iterable(card(owner, d, "SHOP-21").get("holds")), "nothing holds it now");
        d.ticketTo(tester, "SHOP-21", "VERIFIED");
        assertEquals("PASSED", ticketsGate(owner, release).get("outcome").asText());

        // the weakness found again by a later scan takes the verification away
        assertEquals(201, owner.upload(release, "e.sarif", injections("src/Search.java"), "scanner", "sarif", "commit", "e5e5e5e")
                .status());
        JsonNode lost = ticketsGate(owner, release);
        assertEquals("BLOCKED", lost.get("outcome").asText());
        assertEquals(List.of("gate.tickets.evidence-lost"), iterable(lost.get("reasons")).stream()
                .map(r -> r.get("key").asText()).toList());
    }

    private static List<JsonNode> iterable(JsonNode array) {
        List<JsonNode> nodes = new ArrayList<>();
        array.forEach(nodes::add);
        return nodes;
    }
}
