package org.gatehouse.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reports in, tracked findings out (issue 4, B.1.3.1-ih): uploads through the real API into the
 * real database, re-imports that keep identities, close what is gone and reopen what comes back,
 * triage decisions that stick, the four-eyes rule on dismissals, and fixes verified by a newer build.
 */
@ExtendWith(GatehouseServer.class)
class FindingsIT {

    /** A SARIF report of the given results: {rule, path, line, snippet}. */
    static byte[] sarif(String pathPrefix, int lineShift, String[]... results) {
        StringBuilder json = new StringBuilder("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"Demo\","
                + "\"version\":\"1.0\",\"rules\":[{\"id\":\"R1\",\"properties\":{\"security-severity\":\"8.1\"}},"
                + "{\"id\":\"R2\"}]}},\"results\":[");
        for (int i = 0; i < results.length; i++) {
            String[] r = results[i];
            json.append(i == 0 ? "" : ",").append("{\"ruleId\":\"").append(r[0]).append("\",\"level\":\"")
                    .append(r[0].equals("R2") ? "warning" : "error").append("\",")
                    .append("\"message\":{\"text\":\"problem in ").append(r[1]).append("\"},\"locations\":[{")
                    .append("\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"").append(pathPrefix).append(r[1])
                    .append("\"},\"region\":{\"startLine\":").append(Integer.parseInt(r[2]) + lineShift)
                    .append(",\"snippet\":{\"text\":\"").append(r[3]).append("\"}}}}]}");
        }
        return json.append("]}]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    static final String[] A = {"R1", "src/main/java/shop/Cart.java", "10", "stmt.execute(sql + id)"};
    static final String[] B = {"R1", "src/main/java/shop/Order.java", "20", "stmt.execute(q + name)"};
    static final String[] C = {"R2", "src/main/java/shop/Login.java", "30", "if (pw.equals(\\\"admin\\\"))"};

    static final String[] D = {"R2", "src/main/java/shop/Admin.java", "40", "Runtime.exec(cmd)"};

    /** {@link #sarif} with another tool name and CWE-89 on rule R1 (its tags, as CodeQL writes them). */
    static byte[] sarifOf(String tool, String[]... results) {
        return new String(sarif("", 0, results), StandardCharsets.UTF_8)
                .replace("\"name\":\"Demo\"", "\"name\":\"" + tool + "\"")
                .replace("\"security-severity\":\"8.1\"}", "\"security-severity\":\"8.1\",\"tags\":[\"external/cwe/cwe-089\"]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> ids(Api api, String query) {
        Api.Reply reply = api.get("/api/v1/findings?" + query);
        assertEquals(200, reply.status(), reply.toString());
        List<String> ids = new ArrayList<>();
        reply.json().get("items").forEach(f -> ids.add(f.get("location").asText()));
        return ids.stream().sorted().toList();
    }

    private static List<String> history(Api api, String id) {
        List<String> events = new ArrayList<>();
        api.get("/api/v1/findings/" + id).json().get("history").forEach(e -> events.add(e.get("from").asText() + "->"
                + e.get("to").asText() + ":" + e.path("reasonKey").asText("-")));
        return events;
    }

    static byte[] fixture(String name) {
        try (InputStream in = FindingsIT.class.getResourceAsStream("/fixtures/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String release(Api owner, String project, String version) {
        return owner.post("/api/v1/projects/" + project + "/releases", "{\"version\":\"" + version + "\"}").json()
                .get("id").asText();
    }

    private static JsonNode imported(Api.Reply reply) {
        assertEquals(201, reply.status(), reply.toString());
        JsonNode body = reply.json();
        assertEquals("COMPLETED", body.get("status").asText(), reply.toString());
        return body.get("counts");
    }

    private static Map<String, JsonNode> findings(Api api, String project) {
        Map<String, JsonNode> byLocation = new HashMap<>();
        String cursor = "";
        do {
            JsonNode page = api.get("/api/v1/findings?project=" + project + "&limit=200" + cursor).json();
            page.get("items").forEach(item -> byLocation.put(item.get("location").asText(), item));
            cursor = page.path("nextCursor").isTextual() ? "&cursor=" + page.get("nextCursor").asText() : "";
        } while (!cursor.isEmpty());
        return byLocation;
    }

    @Test
    void reImportsKeepIdentitiesCloseWhatIsGoneAndReopenWhatComesBack(Api admin, Users users) {
        String project = Fixtures.createProject(admin, "FND");
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        String release = release(owner, project, "1.0");

        Api.Reply uploaded = owner.upload(release, "scan.sarif", sarif("", 0, A, B, C), "scanner", "sarif");
        JsonNode first = imported(uploaded);
        assertEquals(3, first.get("created").asInt());
        List<String> stream = owner.events("/api/v1/imports/" + uploaded.json().get("id").asText() + "/events");
        assertTrue(stream.contains("event: end") && stream.stream().anyMatch(l -> l.contains("\"COMPLETED\"")),
                "an ended import's stream says so at once: " + stream);
        assertEquals(3, first.get("findingsSeen").asInt());

        // The same findings, moved 7 lines down and found in another checkout: nothing changes.
        JsonNode moved = imported(owner.upload(release, "scan.sarif",
                sarif("file:///builds/ci-4711/checkout/", 7, A, B, C), "scanner", "sarif"));
        assertEquals(0, moved.get("created").asInt(), moved.toString());
        assertEquals(3, moved.get("unchanged").asInt(), moved.toString());

        // B is gone: fixed, unverified.
        JsonNode withoutB = imported(owner.upload(release, "scan.sarif", sarif("", 0, A, C), "scanner", "sarif"));
        assertEquals(1, withoutB.get("closed").asInt(), withoutB.toString());
        assertEquals(2, withoutB.get("unchanged").asInt());
        Map<String, JsonNode> listed = findings(owner, project);
        assertEquals(3, listed.size(), listed.toString());
        String orderLocation = listed.keySet().stream().filter(l -> l.contains("Order")).findFirst().orElseThrow();
        assertEquals("FIXED_UNVERIFIED", listed.get(orderLocation).get("state").asText());

        // B is back: reopened, with its history.
        JsonNode back = imported(owner.upload(release, "scan.sarif", sarif("", 3, A, B, C), "scanner", "sarif"));
        assertEquals(1, back.get("reopened").asInt(), back.toString());
        assertEquals(0, back.get("created").asInt());
        JsonNode detail = owner.get("/api/v1/findings/" + listed.get(orderLocation).get("id").asText()).json();
        assertEquals("REOPENED", detail.get("finding").get("state").asText());
        List<String> transitions = new ArrayList<>();
        detail.get("history").forEach(e -> transitions.add(e.get("from").asText() + "->" + e.get("to").asText()));
        assertEquals(List.of("NEW->FIXED_UNVERIFIED", "FIXED_UNVERIFIED->REOPENED"), transitions);
        assertEquals(1, detail.get("occurrences").size());
        assertEquals(23, detail.get("occurrences").get(0).get("startLine").asInt(), "the latest occurrence's line");
        assertEquals("HIGH", detail.get("finding").get("severity").asText(), "security-severity 8.1 is high");

        // the release keeps every import with its counts, newest first
        JsonNode history = owner.get("/api/v1/releases/" + release + "/imports?limit=3").json();
        assertEquals(3, history.get("items").size());
        assertEquals(1, history.get("items").get(0).get("counts").get("reopened").asInt());
        JsonNode older = owner.get("/api/v1/releases/" + release + "/imports?limit=3&cursor="
                + history.get("nextCursor").asText()).json();
        assertEquals(1, older.get("items").size());
        assertEquals(3, older.get("items").get(0).get("counts").get("created").asInt());
    }

    @Test
    void duplicatesInOneReportCollapseIntoOneFindingWithSeveralOccurrences(Api admin, Users users) {
        String project = Fixtures.createProject(admin, "DUP");
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        String release = release(owner, project, "1.0");
        String[] sameAgain = {A[0], A[1], "99", A[3]};
        JsonNode counts = imported(owner.upload(release, "scan.sarif", sarif("", 0, A, sameAgain), "scanner", "sarif"));
        assertEquals(2, counts.get("resultsRead").asInt());
        assertEquals(1, counts.get("findingsSeen").asInt());
        String id = owner.get("/api/v1/findings?project=" + project).json().get("items").get(0).get("id").asText();
        assertEquals(2, owner.get("/api/v1/findings/" + id).json().get("occurrences").size());
    }

    @Test
    void realReportsOfEveryFormatImportAndZapReImportsCompare(Api admin, Users users) {
        String project = Fixtures.createProject(admin, "REAL");
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        String release = release(owner, project, "1.0");

        JsonNode zapFirst = imported(owner.upload(release, "first.xml", fixture("zap-results-first-scan.xml"),
                "scanner", "zap"));
        assertTrue(zapFirst.get("created").asInt() > 10, zapFirst.toString());
        JsonNode zapSecond = imported(owner.upload(release, "second.xml", fixture("zap-results-second-scan.xml"),
                "scanner", "zap"));
        assertTrue(zapSecond.get("unchanged").asInt() > 0, zapSecond.toString());
        assertEquals(zapSecond.get("findingsSeen").asInt(), zapSecond.get("created").asInt()
                + zapSecond.get("unchanged").asInt() + zapSecond.get("reopened").asInt());

        JsonNode spotbugs = imported(owner.upload(release, "spotbugsXml.xml", fixture("version_4.4.0.xml"),
                "scanner", "spotbugs"));
        assertTrue(spotbugs.get("created").asInt() > 0, spotbugs.toString());

        JsonNode suppressed = imported(owner.upload(release, "suppression_test.sarif", fixture("suppression_test.sarif"),
                "scanner", "sarif", "category", "suppressions"));
        JsonNode listed = owner.get("/api/v1/findings?project=" + project + "&state=SUPPRESSED&scanner=sarif").json();
        assertTrue(listed.get("items").size() > 0, "suppressed results are imported as suppressed: " + suppressed);

        // gzipped upload of 8,233 real FSB results
        JsonNode fsb = imported(owner.upload(release, "fsb.sarif.gz", fixture("fsb-1.14.0-owasp-benchmark.sarif.gz"),
                "scanner", "sarif", "category", "fsb", "commit", "0123456789abcdef"));
        assertEquals(8233, fsb.get("resultsRead").asInt());

        // Gitleaks 8 (C.2): four leaks, the same AWS key in two commits is one finding; no secret is kept
        JsonNode leaks = imported(owner.upload(release, "gitleaks.json", fixture("gitleaks8_many.json"),
                "scanner", "gitleaks"));
        assertEquals(4, leaks.get("resultsRead").asInt());
        assertEquals(3, leaks.get("created").asInt(), leaks.toString());
        JsonNode secrets = owner.get("/api/v1/findings?project=" + project + "&scanner=gitleaks").json().get("items");
        assertEquals(3, secrets.size());
        for (JsonNode secret : secrets) {
            assertEquals("HIGH", secret.get("severity").asText());
            String detail = owner.get("/api/v1/findings/" + secret.get("id").asText()).body();
            assertFalse(detail.contains("secretAWSsecret") || detail.contains("first.last@gmail.com"), detail);
        }
    }

    @Test
    void badUploadsAreRefusedWithAProblemAndLeaveNothing(Api admin, Users users) {
        String project = Fixtures.createProject(admin, "BAD");
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        String release = release(owner, project, "1.0");

        byte[] truncated = java.util.Arrays.copyOf(sarif("", 0, A, B, C), 300);
        Api.Reply unreadable = owner.upload(release, "scan.sarif", truncated, "scanner", "sarif");
        assertEquals(422, unreadable.status(), unreadable.toString());
        assertEquals("urn:gatehouse:problem:report-unreadable", unreadable.json().get("type").asText());
        assertEquals(0, owner.get("/api/v1/findings?project=" + project).json().get("items").size(),
                "a failed import leaves no finding");

        Api.Reply undeclared = owner.upload(release, "scan.exe", sarif("", 0, A), "scanner", "sarif");
        assertEquals(415, undeclared.status(), undeclared.toString());
        Api.Reply unknown = owner.upload(release, "scan.sarif", sarif("", 0, A), "scanner", "no-such-tool");
        assertEquals(400, unknown.status(), unknown.toString());
        Api.Reply wrongFormat = owner.upload(release, "scan.xml", sarif("", 0, A), "scanner", "spotbugs");
        assertEquals(422, wrongFormat.status(), wrongFormat.toString());
        Api.Reply badCommit = owner.upload(release, "scan.sarif", sarif("", 0, A), "scanner", "sarif", "commit", "x; drop");
        assertEquals(400, badCommit.status(), badCommit.toString());
        assertEquals(0, owner.get("/api/v1/findings?project=" + project).json().get("items").size());

        Api developerElsewhere = users.withProjectRole("DEVELOPER", Fixtures.createProject(admin, "OTH"));
        Api.Reply foreign = developerElsewhere.upload(release, "scan.sarif", sarif("", 0, A), "scanner", "sarif");
        assertEquals(403, foreign.status(), foreign.toString());
    }

    /**
     * A client that stops sending half-way and closes its side (a CI job killed mid-upload) leaves nothing: the server
     * drops the connection (Grizzly answers nothing once the client's side is closed) or refuses what arrived.
     * A reset or a read timeout instead is a 400 {@code body.interrupted} (RequestSizeLimitTest), not an incident.
     */
    @Test
    void anUploadCutShortIsRefusedAndLeavesNothing(Api admin, Users users) throws Exception {
        String project = Fixtures.createProject(admin, "CUT");
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        String release = release(owner, project, "1.0");
        String[][] many = new String[400][];
        for (int i = 0; i < many.length; i++) {
            many[i] = new String[] {A[0], A[1], Integer.toString(i + 1), A[3]};
        }
        java.util.Optional<Api.Reply> cut = owner.uploadCutShort(release, "scan.sarif", sarif("", 0, many), "scanner",
                "sarif");
        cut.ifPresent(reply -> assertEquals(4, reply.status() / 100, reply::toString));
        assertEquals(0, owner.get("/api/v1/findings?project=" + project).json().get("items").size());
        // the aborted import's connection, worker slot and scope lock were given back: the whole report imports next
        JsonNode whole = imported(owner.upload(release, "scan.sarif", sarif("", 0, many), "scanner", "sarif"));
        assertEquals(List.of(400, 1), List.of(whole.get("resultsRead").asInt(), whole.get("created").asInt()),
                whole::toString);
    }

    @Test
    void dismissalsNeedASecondPersonAndStickAcrossReImports(Api admin, Users users) {
        String project = Fixtures.createProject(admin, "SOD");
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        Api developer = users.withProjectRole("DEVELOPER", project);
        Api reviewer = users.withProjectRole("SECURITY_REVIEWER", project);
        String release = release(owner, project, "1.0");
        imported(owner.upload(release, "scan.sarif", sarif("", 0, A, B), "scanner", "sarif"));
        Map<String, JsonNode> listed = findings(developer, project);
        String a = listed.get("src/main/java/shop/Cart.java:10").get("id").asText();

        Api.Reply requested = developer.post("/api/v1/findings/" + a + "/triage",
                "{\"action\":\"request-false-positive\",\"reason\":\"sql is a constant here\"}", "If-Match", "\"0\"");
        assertEquals(200, requested.status(), requested.toString());
        assertEquals("NEW", requested.json().get("state").asText(), "a request changes nothing yet");
        assertEquals("FALSE_POSITIVE", requested.json().get("requestedState").asText());

        Api.Reply selfApproval = developer.post("/api/v1/findings/" + a + "/decision", "{\"approve\":true}",
                "If-Match", "*");
        assertEquals(403, selfApproval.status(), "developers do not approve dismissals");
        Api.Reply approved = reviewer.post("/api/v1/findings/" + a + "/decision",
                "{\"approve\":true,\"reason\":\"checked\"}", "If-Match", "*");
        assertEquals(200, approved.status(), approved.toString());
        assertEquals("FALSE_POSITIVE", approved.json().get("state").asText());

        // the same finding reported again stays a false positive
        JsonNode again = imported(owner.upload(release, "scan.sarif", sarif("", 5, A, B), "scanner", "sarif"));
        assertEquals(0, again.get("reopened").asInt());
        assertEquals("FALSE_POSITIVE", developer.get("/api/v1/findings/" + a).json().get("finding").get("state").asText());

        // a reviewer who requests cannot approve their own request
        String b = listed.get("src/main/java/shop/Order.java:20").get("id").asText();
        reviewer.post("/api/v1/findings/" + b + "/triage", "{\"action\":\"request-risk-acceptance\",\"reason\":\"legacy,"
                + " replaced next quarter\",\"until\":\"" + java.time.OffsetDateTime.now().plusDays(30) + "\"}",
                "If-Match", "*");
        Api.Reply ownApproval = reviewer.post("/api/v1/findings/" + b + "/decision", "{\"approve\":true}",
                "If-Match", "*");
        assertEquals(403, ownApproval.status(), ownApproval.toString());
        assertTrue(ownApproval.json().get("detail").asText().length() > 0);
        Api.Reply confirmDismissed = developer.post("/api/v1/findings/" + a + "/triage", "{\"action\":\"confirm\"}",
                "If-Match", "*");
        assertEquals(409, confirmDismissed.status(), "a false positive cannot be confirmed: " + confirmDismissed);
        assertEquals("urn:gatehouse:problem:invalid-transition", confirmDismissed.json().get("type").asText());

        JsonNode audit = users.withGlobalRole("AUDITOR").get("/api/v1/audit/events?type=finding.dismissal-approved"
                + "&target=finding:" + a).json();
        assertEquals(1, audit.get("items").size(), audit.toString());
    }

    @Test
    void aFixIsVerifiedOnlyByANewerBuildOrAManualRetest(Api admin, Users users) {
        String project = Fixtures.createProject(admin, "VER");
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        Api developer = users.withProjectRole("DEVELOPER", project);
        Api tester = users.withProjectRole("TESTER", project);
        String release = release(owner, project, "1.0");
        imported(owner.upload(release, "scan.sarif", sarif("", 0, A, B, C), "scanner", "sarif", "commit", "aaaaaaa1"));
        JsonNode closed = imported(owner.upload(release, "scan.sarif", sarif("", 0, A, C), "scanner", "sarif",
                "commit", "bbbbbbb2"));
        assertEquals(1, closed.get("closed").asInt());
        // the same build again verifies nothing
        JsonNode same = imported(owner.upload(release, "scan.sarif", sarif("", 0, A, C), "scanner", "sarif",
                "commit", "bbbbbbb2"));
        assertEquals(0, same.get("verified").asInt(), same.toString());
        // a newer build that still does not find it verifies the fix
        JsonNode newer = imported(owner.upload(release, "scan.sarif", sarif("", 0, A, C), "scanner", "sarif",
                "commit", "ccccccc3"));
        assertEquals(1, newer.get("verified").asInt(), newer.toString());

        // a fix claimed by hand: developers cannot verify it, testers re-test it
        Map<String, JsonNode> listed = findings(owner, project);
        String c = listed.get("src/main/java/shop/Login.java:30").get("id").asText();
        assertEquals(200, developer.post("/api/v1/findings/" + c + "/triage", "{\"action\":\"mark-fixed\"}",
                "If-Match", "*").status());
        assertEquals(403, developer.post("/api/v1/findings/" + c + "/retest", "{\"passed\":true}", "If-Match", "*")
                .status());
        Api.Reply stale = tester.post("/api/v1/findings/" + c + "/retest", "{\"passed\":true}", "If-Match", "\"0\"");
        assertEquals(412, stale.status(), stale.toString());
        Api.Reply retest = tester.post("/api/v1/findings/" + c + "/retest",
                "{\"passed\":false,\"reason\":\"still logs in with admin\"}", "If-Match", "*");
        assertEquals("REOPENED", retest.json().get("state").asText(), retest.toString());
    }

    @Test
    void anExpiredRiskAcceptanceReopensTheFindingAndTellsTheOwners(Api admin, Users users) throws InterruptedException {
        String project = Fixtures.createProject(admin, "EXP");
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        Api developer = users.withProjectRole("DEVELOPER", project);
        Api reviewer = users.withProjectRole("SECURITY_REVIEWER", project);
        String release = release(owner, project, "1.0");
        imported(owner.upload(release, "scan.sarif", sarif("", 0, A), "scanner", "sarif"));
        String a = findings(owner, project).values().iterator().next().get("id").asText();
        String until = java.time.OffsetDateTime.now().plusSeconds(3).toString();
        assertEquals(200, developer.post("/api/v1/findings/" + a + "/triage", "{\"action\":\"request-risk-acceptance\","
                + "\"reason\":\"fix ships next sprint\",\"until\":\"" + until + "\"}", "If-Match", "*").status());
        Api.Reply accepted = reviewer.post("/api/v1/findings/" + a + "/decision", "{\"approve\":true}", "If-Match", "*");
        assertEquals("RISK_ACCEPTED", accepted.json().get("state").asText(), accepted.toString());

        String state = "RISK_ACCEPTED";
        for (int i = 0; i < 100 && state.equals("RISK_ACCEPTED"); i++) {
            Thread.sleep(100);
            state = owner.get("/api/v1/findings/" + a).json().get("finding").get("state").asText();
        }
        assertEquals("REOPENED", state, "a risk acceptance holds until its expiry, not longer");
        assertEquals(List.of("NEW->RISK_ACCEPTED:-", "RISK_ACCEPTED->REOPENED:acceptance-expired"), history(owner, a),
                "the expiry's reason is Gatehouse's, shown in the reader's language");
        JsonNode notes = owner.get("/api/v1/notifications").json();
        assertTrue(notes.toString().contains("risk-acceptance-expired"), notes.toString());
        assertFalse(users.withProjectRole("PROJECT_OWNER", Fixtures.createProject(admin, "EXO"))
                .get("/api/v1/notifications").body().contains(a), "owners of other projects are not told");
    }

    @Test
    void bulkTriageAppliesWhereAllowedAndListsTheRest(Api admin, Users users) {
        String project = Fixtures.createProject(admin, "BLK");
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        Api developer = users.withProjectRole("DEVELOPER", project);
        String release = release(owner, project, "1.0");
        imported(owner.upload(release, "scan.sarif", sarif("", 0, A, B, C), "scanner", "sarif"));
        Map<String, JsonNode> listed = findings(developer, project);
        List<String> ids = listed.values().stream().map(f -> f.get("id").asText()).toList();
        String fixed = listed.get("src/main/java/shop/Login.java:30").get("id").asText();
        developer.post("/api/v1/findings/" + fixed + "/triage", "{\"action\":\"mark-fixed\"}", "If-Match", "*");

        JsonNode bulk = developer.post("/api/v1/findings/triage", "{\"action\":\"confirm\",\"reason\":\"seen\","
                + "\"ids\":[\"" + String.join("\",\"", ids) + "\",\"00000000-0000-7000-8000-000000000000\"]}").json();
        assertEquals(2, bulk.get("applied").size(), bulk.toString());
        assertEquals(2, bulk.get("refused").size(), bulk.toString());
        List<String> types = new ArrayList<>();
        bulk.get("refused").forEach(r -> types.add(r.get("type").asText()));
        assertTrue(types.contains("urn:gatehouse:problem:invalid-transition"), types.toString());
        assertTrue(types.contains("urn:gatehouse:problem:not-found"), types.toString());

        Api outsider = users.withProjectRole("DEVELOPER", Fixtures.createProject(admin, "BLO"));
        Api.Reply denied = outsider.post("/api/v1/findings/triage", "{\"action\":\"confirm\",\"ids\":[\"" + fixed
                + "\"]}");
        assertEquals(403, denied.status(), "a finding of another project denies the whole request");
        assertEquals(400, developer.post("/api/v1/findings/triage", "{\"action\":\"confirm\",\"ids\":[]}").status());
    }

    @Test
    void theListingFiltersSortsAndPages(Api admin, Users users) {
        String project = Fixtures.createProject(admin, "LST");
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        String release = release(owner, project, "1.0");
        imported(owner.upload(release, "scan.sarif", sarif("", 0, A, B, C), "scanner", "sarif"));

        JsonNode high = owner.get("/api/v1/findings?project=" + project + "&severity=HIGH").json().get("items");
        assertEquals(2, high.size(), high.toString());
        JsonNode text = owner.get("/api/v1/findings?project=" + project + "&q=login").json().get("items");
        assertEquals(1, text.size(), text.toString());
        JsonNode byRelease = owner.get("/api/v1/findings?release=" + release + "&project=" + project).json().get("items");
        assertEquals(3, byRelease.size());
        JsonNode page1 = owner.get("/api/v1/findings?project=" + project + "&limit=2&sort=due").json();
        assertEquals(2, page1.get("items").size());
        JsonNode page2 = owner.get("/api/v1/findings?project=" + project + "&limit=2&sort=due&cursor="
                + page1.get("nextCursor").asText()).json();
        assertEquals(1, page2.get("items").size());
        assertFalse(page2.get("items").get(0).get("id").asText().equals(page1.get("items").get(0).get("id").asText()));
        // newest first, page by page: the merge of each severity's newest (ADR 0007, second amendment)
        java.util.List<String> all = new java.util.ArrayList<>();
        owner.get("/api/v1/findings?project=" + project).json().get("items").forEach(f -> all.add(f.get("id").asText()));
        all.sort(java.util.Comparator.reverseOrder());
        java.util.List<String> newest = new java.util.ArrayList<>();
        String next = "";
        do {
            JsonNode page = owner.get("/api/v1/findings?project=" + project + "&sort=newest&limit=1" + next).json();
            page.get("items").forEach(f -> newest.add(f.get("id").asText()));
            next = page.path("nextCursor").isTextual() ? "&cursor=" + page.get("nextCursor").asText() : "";
        } while (!next.isEmpty() && newest.size() < 10);
        assertEquals(all, newest, "every finding once, newest first, across severities");
        java.util.List<String> newestHigh = new java.util.ArrayList<>();
        owner.get("/api/v1/findings?project=" + project + "&sort=newest&severity=HIGH").json().get("items")
                .forEach(f -> newestHigh.add(f.get("id").asText()));
        assertEquals(all.stream().filter(newestHigh::contains).toList(), newestHigh);
        assertEquals(2, newestHigh.size());
        Api.Reply badCursor = owner.get("/api/v1/findings?project=" + project + "&sort=newest&cursor="
                + page1.get("nextCursor").asText());
        assertEquals(400, badCursor.status(), "a cursor of another sort is refused");
        assertEquals(400, owner.get("/api/v1/findings?project=" + project + "&severity=urgent").status());
        assertEquals(403, users.withProjectRole("DEVELOPER", Fixtures.createProject(admin, "OTR"))
                .get("/api/v1/findings?project=" + project).status());
    }

    /** Issue 4: "a risk acceptance stays until it expires" — also when the same fingerprint is reported again. */
    @Test
    void aRiskAcceptanceSticksAcrossReImportsOfTheSameFinding(Api admin, Users users) {
        String project = Fixtures.createProject(admin, "RAS");
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        Api developer = users.withProjectRole("DEVELOPER", project);
        Api reviewer = users.withProjectRole("SECURITY_REVIEWER", project);
        String release = release(owner, project, "1.0");
        imported(owner.upload(release, "scan.sarif", sarif("", 0, A, B, C), "scanner", "sarif"));
        Map<String, JsonNode> listed = findings(developer, project);
        String a = listed.get("src/main/java/shop/Cart.java:10").get("id").asText();
        String c = listed.get("src/main/java/shop/Login.java:30").get("id").asText();
        String until = java.time.OffsetDateTime.now().plusDays(60).withNano(0).toString();
        assertEquals(200, developer.post("/api/v1/findings/" + a + "/triage", "{\"action\":\"request-risk-acceptance\","
                + "\"reason\":\"internal tool, replaced in Q3\",\"until\":\"" + until + "\"}", "If-Match", "*").status());
        Api.Reply accepted = reviewer.post("/api/v1/findings/" + a + "/decision", "{\"approve\":true,\"reason\":\"ok\"}",
                "If-Match", "*");
        assertEquals("RISK_ACCEPTED", accepted.json().get("state").asText(), accepted.toString());

        // the same code again, lines moved and another checkout: still accepted, nothing reopened
        JsonNode again = imported(owner.upload(release, "scan.sarif", sarif("file:///ci/42/", 9, A, B, C), "scanner",
                "sarif"));
        assertEquals(List.of(0, 0, 3), List.of(again.get("created").asInt(), again.get("reopened").asInt(),
                again.get("unchanged").asInt()), again::toString);
        // gone (C closes, A stays accepted), then back (C reopens, A still accepted)
        JsonNode gone = imported(owner.upload(release, "scan.sarif", sarif("", 0, B), "scanner", "sarif"));
        assertEquals(1, gone.get("closed").asInt(), gone::toString);
        JsonNode back = imported(owner.upload(release, "scan.sarif", sarif("", 0, A, B, C), "scanner", "sarif"));
        assertEquals(1, back.get("reopened").asInt(), back::toString);
        JsonNode detail = owner.get("/api/v1/findings/" + a).json();
        assertEquals("RISK_ACCEPTED", detail.get("finding").get("state").asText());
        assertEquals(java.time.OffsetDateTime.parse(until).toInstant(),
                java.time.Instant.parse(detail.get("acceptedUntil").asText()), "the accepted expiry is kept");
        assertEquals(List.of("NEW->RISK_ACCEPTED:-"), history(owner, a), "no import touched the accepted finding");
        // the history's system reasons carry keys (the UI shows them in zh-CN or English); a person's reason stays
        assertEquals(List.of("NEW->FIXED_UNVERIFIED:no-longer-detected", "FIXED_UNVERIFIED->REOPENED:reappeared"),
                history(owner, c));
        assertEquals("no longer detected", owner.get("/api/v1/findings/" + c).json().get("history").get(0).get("reason")
                .asText());
        assertEquals("internal tool, replaced in Q3 / ok", detail.get("history").get(0).get("reason").asText());
        assertTrue(absent(detail.get("history").get(0).path("reasonKey")));
    }

    /**
     * A security reviewer's queue (B.1.3.1-ih, four eyes): the pending requests listed by kind, then decided many at
     * once — each under the separation-of-duties rule, the reviewer's own request refused, audited as one decision.
     */
    @Test
    void reviewersListPendingRequestsAndDecideThemInBulkUnderTheFourEyesRule(Api admin, Users users) {
        String project = Fixtures.createProject(admin, "PND");
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        Api developer = users.withProjectRole("DEVELOPER", project);
        Api reviewer = users.withProjectRole("SECURITY_REVIEWER", project);
        Api secondReviewer = users.withProjectRole("SECURITY_REVIEWER", project);
        String release = release(owner, project, "1.0");
        imported(owner.upload(release, "scan.sarif", sarif("", 0, A, B, C, D), "scanner", "sarif"));
        Map<String, JsonNode> listed = findings(developer, project);
        String a = listed.get("src/main/java/shop/Cart.java:10").get("id").asText();
        String b = listed.get("src/main/java/shop/Order.java:20").get("id").asText();
        String c = listed.get("src/main/java/shop/Login.java:30").get("id").asText();
        String d = listed.get("src/main/java/shop/Admin.java:40").get("id").asText();
        String until = java.time.OffsetDateTime.now().plusDays(30).toString();
        assertEquals(200, developer.post("/api/v1/findings/" + a + "/triage", "{\"action\":\"request-false-positive\","
                + "\"reason\":\"constant\"}", "If-Match", "*").status());
        assertEquals(200, developer.post("/api/v1/findings/" + b + "/triage", "{\"action\":\"request-risk-acceptance\","
                + "\"reason\":\"legacy\",\"until\":\"" + until + "\"}", "If-Match", "*").status());
        assertEquals(200, reviewer.post("/api/v1/findings/" + c + "/triage", "{\"action\":\"request-false-positive\","
                + "\"reason\":\"test code\"}", "If-Match", "*").status());

        String cart = A[1] + ":10";
        String order = B[1] + ":20";
        String login = C[1] + ":30";
        String adminJava = D[1] + ":40";
        String in = "project=" + project + "&";
        assertEquals(List.of(cart, login, order).stream().sorted().toList(), ids(reviewer, in + "pending=true"));
        assertEquals(List.of(adminJava), ids(reviewer, in + "pending=false"));
        assertEquals(List.of(order), ids(reviewer, in + "requested=RISK_ACCEPTED"));
        assertEquals(List.of(cart, login).stream().sorted().toList(), ids(reviewer, in + "requested=false-positive"));
        assertEquals(List.of(cart, login, order).stream().sorted().toList(),
                ids(reviewer, in + "requested=FALSE_POSITIVE,RISK_ACCEPTED&state=open"));
        assertEquals(List.of(), ids(reviewer, in + "requested=RISK_ACCEPTED&severity=MEDIUM"));
        assertEquals(List.of(order), ids(reviewer, "requested=RISK_ACCEPTED&q=Order"), "across the reader's projects");
        // the same keyset pages, in every sort
        for (String sort : List.of("severity", "due", "newest")) {
            List<String> paged = new ArrayList<>();
            String next = "";
            do {
                JsonNode page = reviewer.get("/api/v1/findings?" + in + "pending=true&limit=1&sort=" + sort + next).json();
                page.get("items").forEach(f -> paged.add(f.get("location").asText()));
                next = page.path("nextCursor").isTextual() ? "&cursor=" + page.get("nextCursor").asText() : "";
            } while (!next.isEmpty() && paged.size() < 10);
            assertEquals(List.of(cart, login, order), paged.stream().sorted().toList(), sort);
        }
        assertEquals(400, reviewer.get("/api/v1/findings?" + in + "requested=NEW").status(), "only dismissals are requested");
        assertEquals(400, reviewer.get("/api/v1/findings?" + in + "pending=yes").status());

        // what each may do, as the detail says (the UI's buttons)
        assertTrue(actions(developer, a).contains("withdraw-request") && !actions(developer, a).contains("decide"));
        assertTrue(actions(reviewer, a).contains("decide"));
        assertFalse(actions(reviewer, c).contains("decide"), "not on one's own request");
        assertTrue(actions(secondReviewer, c).contains("decide"));
        assertTrue(reviewer.get("/api/v1/findings/" + b).json().get("latestAcceptUntil").isTextual());

        // a developer decides nothing, and a reviewer of another project nothing here: the whole request is refused
        String all = "\"ids\":[\"" + String.join("\",\"", a, b, c, d, "00000000-0000-7000-8000-000000000000") + "\"]";
        Api.Reply byDeveloper = developer.post("/api/v1/findings/decision", "{\"approve\":true," + all + "}");
        assertEquals(403, byDeveloper.status(), byDeveloper.toString());
        Api.Reply byOutsider = users.withProjectRole("SECURITY_REVIEWER", Fixtures.createProject(admin, "PNO"))
                .post("/api/v1/findings/decision", "{\"approve\":true,\"ids\":[\"" + a + "\"]}");
        assertEquals(403, byOutsider.status(), byOutsider.toString());
        assertEquals(400, reviewer.post("/api/v1/findings/decision", "{\"approve\":true,\"ids\":[]}").status());
        assertEquals(400, reviewer.post("/api/v1/findings/decision", "{\"ids\":[\"" + a + "\"]}").status(),
                "approve or reject must be said");
        assertEquals(List.of("NEW", "NEW", "NEW"), List.of(state(owner, a), state(owner, b), state(owner, c)));

        // the reviewer approves all: a and b are decided, c (their own request), d (no request) and the unknown id not
        JsonNode bulk = reviewer.post("/api/v1/findings/decision", "{\"approve\":true,\"reason\":\"reviewed\"," + all + "}",
                "Accept-Language", "zh-CN").json();
        assertEquals(List.of(a, b).stream().sorted().toList(), sorted(bulk.get("applied")), bulk.toString());
        Map<String, String> refused = new HashMap<>();
        bulk.get("refused").forEach(r -> refused.put(r.get("id").asText(), r.get("type").asText()));
        assertEquals(Map.of(c, "urn:gatehouse:problem:forbidden", d, "urn:gatehouse:problem:invalid-transition",
                "00000000-0000-7000-8000-000000000000", "urn:gatehouse:problem:not-found"), refused);
        bulk.get("refused").forEach(r -> assertTrue(r.get("detail").asText().codePoints()
                .anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN), r::toString));
        assertEquals(List.of("FALSE_POSITIVE", "RISK_ACCEPTED", "NEW"), List.of(state(owner, a), state(owner, b),
                state(owner, c)));
        assertTrue(owner.get("/api/v1/findings/" + b).json().get("acceptedUntil").isTextual());
        assertEquals(List.of(login), ids(reviewer, in + "pending=true"));

        // the second reviewer rejects the first one's request: the finding stays as it was, without a request
        JsonNode rejected = secondReviewer.post("/api/v1/findings/decision", "{\"approve\":false,\"reason\":\"not test"
                + " code\",\"ids\":[\"" + c + "\"]}").json();
        assertEquals(List.of(c), sorted(rejected.get("applied")), rejected.toString());
        assertEquals(List.of(), ids(reviewer, in + "pending=true"));
        assertTrue(absent(owner.get("/api/v1/findings/" + c).json().path("pendingRequest")));

        Api auditor = users.withGlobalRole("AUDITOR");
        for (String id : List.of(a, b)) {
            assertEquals(1, auditor.get("/api/v1/audit/events?type=finding.dismissal-approved&target=finding:" + id).json()
                    .get("items").size(), id);
        }
        JsonNode rejection = auditor.get("/api/v1/audit/events?type=finding.dismissal-rejected&target=finding:" + c).json();
        assertEquals(1, rejection.get("items").size(), rejection.toString());
    }

    private static boolean absent(JsonNode value) {
        return value.isNull() || value.isMissingNode();
    }

    private static List<String> actions(Api api, String id) {
        return sorted(api.get("/api/v1/findings/" + id).json().get("actions"));
    }

    private static String state(Api api, String id) {
        return api.get("/api/v1/findings/" + id).json().get("finding").get("state").asText();
    }

    private static List<String> sorted(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values.stream().sorted().toList();
    }

    /** The filters the listing offers beyond severity and text: tool, CWE, state and SLA breached. */
    @Test
    void theListingFiltersByToolCweStateAndSlaBreach(Api admin, Users users, TestDatabase database) {
        String project = Fixtures.createProject(admin, "FLT");
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        String release = release(owner, project, "1.0");
        imported(owner.upload(release, "scan.sarif", sarifOf("Demo", A, B, C), "scanner", "sarif"));
        imported(owner.upload(release, "other.sarif", sarifOf("Semgrep", D), "scanner", "sarif", "category", "semgrep"));
        String cart = A[1] + ":10";
        String order = B[1] + ":20";
        String login = C[1] + ":30";
        String adminJava = D[1] + ":40";
        String in = "project=" + project + "&";

        assertEquals(List.of(adminJava), ids(owner, in + "tool=Semgrep"));
        assertEquals(List.of(cart, login, order), ids(owner, in + "tool=Demo"));
        assertEquals(List.of(adminJava, cart, login, order), ids(owner, in + "tool=Demo,Semgrep"));
        assertEquals(List.of(), ids(owner, in + "tool=demo"), "tool names are matched exactly");
        assertEquals(List.of(cart, order), ids(owner, in + "cwe=89"));
        assertEquals(List.of(cart, order), ids(owner, in + "cwe=CWE-89"));
        assertEquals(List.of(), ids(owner, in + "cwe=79"));
        assertEquals(400, owner.get("/api/v1/findings?" + in + "cwe=sql").status());

        Map<String, JsonNode> listed = findings(owner, project);
        assertEquals(200, owner.post("/api/v1/findings/" + listed.get(cart).get("id").asText() + "/triage",
                "{\"action\":\"confirm\"}", "If-Match", "*").status());
        assertEquals(200, owner.post("/api/v1/findings/" + listed.get(login).get("id").asText() + "/triage",
                "{\"action\":\"mark-fixed\"}", "If-Match", "*").status());
        assertEquals(List.of(cart), ids(owner, in + "state=CONFIRMED"));
        assertEquals(List.of(login), ids(owner, in + "state=fixed-unverified"));
        assertEquals(List.of(cart, login), ids(owner, in + "state=CONFIRMED,FIXED_UNVERIFIED"));
        assertEquals(List.of(adminJava, cart, order), ids(owner, in + "state=open"));
        assertEquals(List.of(adminJava, order), ids(owner, in + "state=NEW"));
        assertEquals(List.of(), ids(owner, in + "state=VERIFIED"));
        assertEquals(400, owner.get("/api/v1/findings?" + in + "state=closed").status());

        // past due: the confirmed one (open, so breached) and the claimed fix (not open, so not breached)
        database.execute(database.owner(), "UPDATE finding SET due_at = now() - interval '1 day' WHERE project_key = '"
                + project + "' AND location IN ('" + cart + "', '" + login + "')");
        assertEquals(List.of(cart), ids(owner, in + "slaBreached=true"));
        assertEquals(List.of(adminJava, login, order), ids(owner, in + "slaBreached=false"));
        assertTrue(owner.get("/api/v1/findings?" + in + "slaBreached=true").json().get("items").get(0).get("slaBreached")
                .asBoolean());
        assertEquals(List.of(), ids(owner, in + "slaBreached=true&tool=Semgrep"));
        assertEquals(400, owner.get("/api/v1/findings?" + in + "slaBreached=yes").status());
    }
}
