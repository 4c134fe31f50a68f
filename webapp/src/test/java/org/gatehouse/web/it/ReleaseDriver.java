package org.gatehouse.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Drives one release through the lifecycle API as the tests' people (ReleaseJourneyIT, the browser
 * ITs): sign a subject's content as read, advance with the lifecycle version as If-Match, complete an
 * activity, move a ticket through its lifecycle; and {@link #released} takes a fresh release to RELEASED with clean work at every gate.
 */
final class ReleaseDriver {
    private final Api reader;
    private final String release;

    /** {@code reader} reads digests and lifecycle versions (anyone who may read the release). */
    ReleaseDriver(Api reader, String release) {
        this.reader = reader;
        this.release = release;
    }

    String at(String rest) {
        return "/api/v1/releases/" + release + rest;
    }

    String digest(String subject) {
        for (JsonNode node : reader.get(at("/sign-offs")).json()) {
            if (node.get("subject").asText().equals(subject)) {
                return node.get("contentSha256").asText();
            }
        }
        throw new AssertionError(subject);
    }

    void sign(Api api, String subject, String role) {
        Api.Reply reply = api.post(at("/sign-offs"), "{\"subject\":\"" + subject + "\",\"role\":\"" + role
                + "\",\"contentSha256\":\"" + digest(subject) + "\"}");
        assertEquals(200, reply.status(), () -> subject + " as " + role + ": " + reply);
    }

    long version() {
        return reader.get(at("/lifecycle")).json().get("lifecycleVersion").asLong();
    }

    Api.Reply fire(Api api, String trigger) {
        return api.post(at("/lifecycle/transitions"), "{\"trigger\":\"" + trigger + "\"}", "If-Match", "\"" + version() + "\"");
    }

    void advanceTo(Api api, String phase) {
        Api.Reply reply = fire(api, "advance");
        assertEquals(200, reply.status(), () -> "to " + phase + ": " + reply);
        assertEquals(phase, reply.json().get("phase").asText());
    }

    /** A manual test case (coupon replay) that {@code tester} executed with the result PASSED. */
    void passedManualTest(Api tester) {
        Api.Reply testCase = tester.post(at("/test-cases"), "{\"title\":\"Coupon replay\",\"steps\":\"Redeem twice\","
                + "\"expectedResult\":\"One redemption\"}");
        assertEquals(201, testCase.status(), testCase::toString);
        assertEquals(201, tester.post("/api/v1/test-cases/" + testCase.json().get("id").asText() + "/executions",
                "{\"result\":\"PASSED\"}").status());
    }

    void complete(Api api, String activity) {
        Api.Reply reply = api.post(at("/lifecycle/activities"), "{\"activity\":\"" + activity + "\"}", "If-Match",
                "\"" + version() + "\"");
        assertEquals(200, reply.status(), reply::toString);
    }

    /** A ticket's state version (its ETag), as {@code reader} reads it. */
    long ticketVersion(String key) {
        Api.Reply reply = reader.get(at("/tickets/" + key));
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().get("ticket").get("version").asLong();
    }

    /** Asks to move a ticket to {@code state} with its current version as If-Match (ADR 0018). */
    Api.Reply moveTicket(Api api, String key, String state) {
        return api.post(at("/tickets/" + key + "/transitions"), "{\"to\":\"" + state + "\"}", "If-Match",
                "\"" + ticketVersion(key) + "\"");
    }

    /** Moves a ticket to {@code state}, which must succeed. */
    void ticketTo(Api api, String key, String state) {
        Api.Reply reply = moveTicket(api, key, state);
        assertEquals(200, reply.status(), () -> key + " to " + state + ": " + reply);
        assertEquals(state, reply.json().get("state").asText());
    }

    /** Opens a release of a level-1 project and takes it to TESTING with the work every earlier gate asks for. */
    static String testing(Api owner, Api developer, Api tester, Api reviewer, String project, String version) {
        Api.Reply opened = owner.post("/api/v1/projects/" + project + "/releases", "{\"version\":\"" + version + "\"}");
        assertEquals(201, opened.status(), opened::toString);
        String release = opened.json().get("id").asText();
        ReleaseDriver d = new ReleaseDriver(owner, release);
        assertEquals(200, owner.put(d.at("/risk-assessment"), "{\"assetValue\":1,\"likelihood\":2,\"impact\":2,"
                + "\"threats\":\"coupon abuse\",\"businessLoss\":\"discount fraud\"}").status());
        d.sign(owner, "risk-assessment", "PROJECT_OWNER");
        d.sign(reviewer, "risk-assessment", "SECURITY_REVIEWER");
        d.sign(owner, "security-requirements", "PROJECT_OWNER");
        d.sign(developer, "security-requirements", "DEVELOPER");
        d.sign(reviewer, "security-requirements", "SECURITY_REVIEWER");
        d.sign(tester, "test-recommendations", "TESTER");
        d.sign(reviewer, "test-recommendations", "SECURITY_REVIEWER");
        d.advanceTo(developer, "DESIGN");
        Api.Reply design = developer.post(d.at("/reviews/design-recommendations"), "{\"topic\":\"threat\",\"subject\":"
                + "\"Coupon replay\",\"recommendation\":\"One transaction per coupon\",\"requirements\":[\"SR-7.8.3-1\"],"
                + "\"decision\":\"accepted\"}");
        assertEquals(200, design.status(), design::toString);
        d.sign(developer, "design-recommendations", "DEVELOPER");
        d.sign(reviewer, "design-recommendations", "SECURITY_REVIEWER");
        d.advanceTo(developer, "DEVELOPMENT");
        d.advanceTo(developer, "TESTING");
        return release;
    }

    /**
     * Opens a release of a protection-level-1 project and takes it to RELEASED: the baseline
     * requirements agreed, one accepted design recommendation, a clean white-box report and a passed
     * manual test, an approving audit conclusion and the full pre-production checklist. Returns its id.
     */
    static String released(Api owner, Api developer, Api tester, Api reviewer, String project, String version) {
        String release = testing(owner, developer, tester, reviewer, project, version);
        ReleaseDriver d = new ReleaseDriver(owner, release);
        Api.Reply imported = developer.upload(release, "clean.sarif", FindingsIT.sarif("", 0), "scanner", "sarif");
        assertEquals(201, imported.status(), imported::toString);
        d.passedManualTest(tester);
        d.complete(developer, "white-box-scan");
        d.complete(tester, "manual-security-test");
        d.advanceTo(developer, "SECURITY_AUDIT");
        assertEquals(200, reviewer.put(d.at("/reviews/audit-conclusion"), "{\"verdict\":\"APPROVE\",\"conclusion\":"
                + "\"No finding at or above high.\"}").status());
        d.sign(reviewer, "security-audit-report", "SECURITY_REVIEWER");
        d.advanceTo(developer, "PRE_PRODUCTION_REVIEW");
        for (String item : List.of("design-security-functions", "security-function-tests", "installation-configuration",
                "temporary-data-cleared", "administrative-handover")) {
            assertEquals(200, owner.put(d.at("/reviews/pre-production/" + item), "{\"checked\":true}").status());
        }
        d.sign(owner, "pre-production-review", "PROJECT_OWNER");
        d.sign(reviewer, "pre-production-review", "SECURITY_REVIEWER");
        d.advanceTo(owner, "RELEASED");
        return release;
    }
}
