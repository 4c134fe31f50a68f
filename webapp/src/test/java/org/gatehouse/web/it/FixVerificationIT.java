package org.gatehouse.web.it;

import static org.gatehouse.web.it.FindingsIT.A;
import static org.gatehouse.web.it.FindingsIT.B;
import static org.gatehouse.web.it.FindingsIT.C;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * B.1.3.1-ih: a fix is verified only by a later scan of another build that no longer finds it (or a manual re-test).
 * "Another build" is decided on the commits when both imports name one, otherwise on the build ids when both name one
 * (ScannedBuildTest): a rebuild of the same commit re-scans the same code and verifies nothing.
 */
@ExtendWith(GatehouseServer.class)
class FixVerificationIT {

    @Test
    void aRebuildOfTheSameCommitVerifiesNothingAnotherCommitDoes(Api admin, Users users) {
        Scope scope = Scope.of(admin, users, "VERC");
        scope.imported(new String[][] {A, B, C}, "commit", "aaaaaaa1", "build", "17");
        assertEquals(1, scope.imported(new String[][] {A, C}, "commit", "bbbbbbb2", "build", "18").get("closed").asInt());
        JsonNode rebuilt = scope.imported(new String[][] {A, C}, "commit", "bbbbbbb2", "build", "19");
        assertEquals(0, rebuilt.get("verified").asInt(), "the same commit, built again: " + rebuilt);
        assertEquals("FIXED_UNVERIFIED", scope.state(B));
        JsonNode newer = scope.imported(new String[][] {A, C}, "commit", "ccccccc3", "build", "19");
        assertEquals(1, newer.get("verified").asInt(), newer::toString);
        assertEquals("VERIFIED", scope.state(B));
        // the import's reasons carry their keys (V34), the English text beside them
        assertEquals(List.of("no-longer-detected", "verified-by-newer-build"), scope.reasons(B));
        // C is now suppressed at the source (a SARIF suppression), then no longer: reopened
        Api.Reply suppressed = scope.owner().upload(scope.release(), "scan.sarif", new String(FindingsIT.sarif("", 0, A, C),
                StandardCharsets.UTF_8).replace("{\"ruleId\":\"R2\"", "{\"suppressions\":[{\"kind\":\"inSource\"}],"
                        + "\"ruleId\":\"R2\"").getBytes(StandardCharsets.UTF_8), "scanner", "sarif", "commit", "ddddddd4");
        assertEquals(201, suppressed.status(), suppressed::toString);
        assertEquals("SUPPRESSED", scope.state(C));
        scope.imported(new String[][] {A, C}, "commit", "eeeeeee5");
        assertEquals(List.of("suppressed-in-source", "reappeared"), scope.reasons(C));
    }

    @Test
    void withoutCommitsTheBuildIdsDecide(Api admin, Users users) {
        Scope scope = Scope.of(admin, users, "VERB");
        scope.imported(new String[][] {A, B, C}, "build", "17");
        assertEquals(1, scope.imported(new String[][] {A, C}, "build", "18").get("closed").asInt());
        assertEquals(0, scope.imported(new String[][] {A, C}, "build", "18").get("verified").asInt());
        // a push with a commit but no build id cannot be compared with one that has only a build id
        assertEquals(0, scope.imported(new String[][] {A, C}, "commit", "ddddddd4").get("verified").asInt());
        assertEquals("FIXED_UNVERIFIED", scope.state(B));
        assertEquals(1, scope.imported(new String[][] {A, C}, "build", "19").get("verified").asInt());
        assertEquals("VERIFIED", scope.state(B));
    }

    @Test
    void aFixClaimedByHandIsVerifiedByAScanOfAnotherBuildNotByTheSameOne(Api admin, Users users) {
        Scope scope = Scope.of(admin, users, "VERH");
        Api developer = users.withProjectRole("DEVELOPER", scope.project());
        scope.imported(new String[][] {A, B}, "commit", "aaaaaaa1");
        String a = scope.finding(A).get("id").asText();
        assertEquals(200, developer.post("/api/v1/findings/" + a + "/triage", "{\"action\":\"mark-fixed\"}",
                "If-Match", "*").status());
        // the same commit scanned again (another rule set, say) no longer finds it: not a re-test of a newer build
        JsonNode same = scope.imported(new String[][] {B}, "commit", "aaaaaaa1");
        assertEquals(0, same.get("verified").asInt(), same::toString);
        assertEquals("FIXED_UNVERIFIED", scope.state(A));
        // the next commit does not find it either: verified
        JsonNode next = scope.imported(new String[][] {B}, "commit", "bbbbbbb2");
        assertEquals(1, next.get("verified").asInt(), next::toString);
        assertEquals("VERIFIED", scope.state(A));
        assertEquals(List.of("-", "verified-by-newer-build"), scope.reasons(A), "a person's reason has no key");

        Scope direct = Scope.of(admin, users, "VERD");
        Api otherDeveloper = users.withProjectRole("DEVELOPER", direct.project());
        direct.imported(new String[][] {A, B}, "commit", "aaaaaaa1");
        assertEquals(200, otherDeveloper.post("/api/v1/findings/" + direct.finding(A).get("id").asText() + "/triage",
                "{\"action\":\"mark-fixed\"}", "If-Match", "*").status());
        assertEquals(1, direct.imported(new String[][] {B}, "commit", "bbbbbbb2").get("verified").asInt());
        assertEquals("VERIFIED", direct.state(A));
        assertEquals(List.of("-", "fix-confirmed-by-scan"), direct.reasons(A));
    }

    /** A project with one release, imported into by its owner. */
    private record Scope(Api owner, String project, String release) {
        static Scope of(Api admin, Users users, String prefix) {
            String project = Fixtures.createProject(admin, prefix);
            Api owner = users.withProjectRole("PROJECT_OWNER", project);
            String release = owner.post("/api/v1/projects/" + project + "/releases", "{\"version\":\"1.0\"}").json()
                    .get("id").asText();
            return new Scope(owner, project, release);
        }

        JsonNode imported(String[][] results, String... fields) {
            String[] form = new String[fields.length + 2];
            form[0] = "scanner";
            form[1] = "sarif";
            System.arraycopy(fields, 0, form, 2, fields.length);
            Api.Reply reply = owner.upload(release, "scan.sarif", FindingsIT.sarif("", 0, results), form);
            assertEquals(201, reply.status(), reply::toString);
            assertEquals("COMPLETED", reply.json().get("status").asText(), reply::toString);
            return reply.json().get("counts");
        }

        JsonNode finding(String[] result) {
            for (JsonNode item : owner.get("/api/v1/findings?project=" + project + "&limit=50").json().get("items")) {
                if (item.get("location").asText().startsWith(result[1] + ":")) {
                    return item;
                }
            }
            throw new AssertionError("no finding at " + result[1]);
        }

        String state(String[] result) {
            return finding(result).get("state").asText();
        }

        /** The reasonKey of each history entry ("-" for a person's reason); none of the import's has arguments. */
        List<String> reasons(String[] result) {
            List<String> keys = new ArrayList<>();
            for (JsonNode event : owner.get("/api/v1/findings/" + finding(result).get("id").asText()).json().get("history")) {
                assertTrue(event.path("reasonArgs").isMissingNode() || event.path("reasonArgs").isNull(), event::toString);
                keys.add(event.path("reasonKey").asText("-"));
            }
            return keys;
        }
    }
}
