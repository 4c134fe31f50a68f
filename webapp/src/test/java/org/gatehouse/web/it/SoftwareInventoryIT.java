package org.gatehouse.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The licensed-software inventory (C.4, ADR 0020) on the real server and database: a CycloneDX bill
 * imported for a release becomes its inventory, and under the project's licence policy a denied
 * licence becomes a finding while an allowed one does not; re-imports keep the findings' identities,
 * a removed component closes its finding, and an unreadable bill changes nothing.
 */
@ExtendWith(GatehouseServer.class)
class SoftwareInventoryIT {
    private static final String POLICY = "{\"allowed\":[\"Apache-2.0\",\"MIT\"],\"denied\":[\"GPL-3.0-only\"],"
            + "\"unknownLicences\":\"FINDING\"}";
    /** The fixture's bill without gpl-lib, with newer versions of the others (C.4: a component removed). */
    private static final String WITHOUT_GPL = "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"components\":["
            + "{\"type\":\"application\",\"group\":\"com.acme\",\"name\":\"acme-app\",\"version\":\"2.1.0\","
            + "\"purl\":\"pkg:maven/com.acme/acme-app@2.1.0\",\"licenses\":[{\"expression\":\"Apache-2.0 OR GPL-3.0-only\"}]},"
            + "{\"type\":\"library\",\"group\":\"com.acme\",\"name\":\"tiny-crypto\",\"version\":\"0.2\"},"
            + "{\"type\":\"library\",\"name\":\"left-pad\",\"version\":\"1.3.1\",\"purl\":\"pkg:npm/left-pad@1.3.1\","
            + "\"licenses\":[{\"license\":{\"name\":\"WTFPL-ish custom\"}},{\"license\":{\"id\":\"MIT\"}}]}]}";

    private static JsonNode imported(Api.Reply reply) {
        assertEquals(201, reply.status(), reply.toString());
        assertEquals("COMPLETED", reply.json().get("status").asText(), reply.toString());
        return reply.json().get("counts");
    }

    /** The project's licence findings by rule id. */
    private static Map<String, JsonNode> licenceFindings(Api api, String project) {
        Map<String, JsonNode> byRule = new TreeMap<>();
        api.get("/api/v1/findings?project=" + project + "&scanner=cyclonedx&limit=200").json().get("items")
                .forEach(item -> byRule.put(item.get("ruleId").asText(), item));
        return byRule;
    }

    private static List<String> componentNames(Api api, String release, String query) {
        List<String> names = new ArrayList<>();
        api.get("/api/v1/releases/" + release + "/components" + query).json().get("items")
                .forEach(item -> names.add(item.get("name").asText()));
        return names;
    }

    @Test
    void aDeniedLicenceIsAFindingAnAllowedOneIsNoneAndReImportsKeepIdentities(Api admin, Users users) {
        String project = Fixtures.createProject(admin, "SBM");
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        Api developer = users.withProjectRole("DEVELOPER", project);
        String release = owner.post("/api/v1/projects/" + project + "/releases", "{\"version\":\"1.0\"}").json()
                .get("id").asText();

        // The default policy, then the owner's (audited); developers may read it but not change it.
        assertEquals(0, developer.get("/api/v1/projects/" + project + "/licence-policy").json().get("version").asInt());
        assertEquals(403, developer.put("/api/v1/projects/" + project + "/licence-policy", POLICY).status());
        Api.Reply set = owner.put("/api/v1/projects/" + project + "/licence-policy", POLICY);
        assertEquals(200, set.status(), set.toString());
        assertEquals(1, set.json().get("version").asInt());
        assertEquals("[\"GPL-3.0-only\"]", set.json().get("denied").toString());
        Api.Reply both = owner.put("/api/v1/projects/" + project + "/licence-policy",
                "{\"allowed\":[\"MIT\"],\"denied\":[\"mit\"]}");
        assertEquals(400, both.status(), both.toString());
        assertEquals("urn:gatehouse:problem:validation-failed", both.json().get("type").asText());
        JsonNode audited = users.withGlobalRole("AUDITOR").get("/api/v1/audit/events?type=licence-policy.changed&target=project:"
                + project).json().get("items");
        assertEquals(1, audited.size(), audited.toString());
        assertTrue(audited.get(0).toString().contains("denied [GPL-3.0-only]"), audited.toString());

        // The bill: gpl-lib (GPL-3.0-only) denied, tiny-crypto without licence and left-pad's licence by an unlisted
        // name unknown; jackson-core (Apache-2.0), acme-app (Apache-2.0 OR GPL-3.0-only) and MIT allowed.
        JsonNode first = imported(owner.upload(release, "bom.json", FindingsIT.fixture("cyclonedx_nested_1_6_edited.json"),
                "scanner", "cyclonedx"));
        assertEquals(3, first.get("created").asInt(), first.toString());
        Map<String, JsonNode> findings = licenceFindings(owner, project);
        assertEquals(List.of("licence:GPL-3.0-only", "licence:name:WTFPL-ish custom", "licence:none"),
                List.copyOf(findings.keySet()));
        JsonNode denied = findings.get("licence:GPL-3.0-only");
        assertEquals("HIGH", denied.get("severity").asText());
        assertEquals("NEW", denied.get("state").asText());
        assertTrue(denied.get("title").asText().startsWith("Denied licence"), denied.toString());
        assertEquals("MEDIUM", findings.get("licence:none").get("severity").asText());
        assertFalse(findings.containsKey("licence:Apache-2.0") || findings.containsKey("licence:MIT"));

        // The inventory: all five components by name, in pages, with their verdicts; one of them denied.
        assertEquals(List.of("acme-app", "gpl-lib", "jackson-core", "left-pad", "tiny-crypto"),
                componentNames(owner, release, "?limit=200"));
        JsonNode page = owner.get("/api/v1/releases/" + release + "/components?limit=2").json();
        assertEquals(2, page.get("items").size());
        JsonNode next = owner.get("/api/v1/releases/" + release + "/components?limit=2&cursor="
                + page.get("nextCursor").asText()).json();
        assertEquals("jackson-core", next.get("items").get(0).get("name").asText());
        JsonNode jackson = next.get("items").get(0);
        assertEquals("pkg:maven/com.fasterxml.jackson.core/jackson-core@2.17.0", jackson.get("purl").asText());
        assertEquals("SHA-256:55be130f6a68038088a261856c4e383ce79957a0fc1a29ecb213a9efd6ef4389",
                jackson.get("hashes").get(0).asText());
        assertEquals("ALLOWED", jackson.get("licences").get(0).get("verdict").asText());
        assertEquals(List.of("gpl-lib"), componentNames(owner, release, "?verdict=DENIED"));
        assertEquals(400, owner.get("/api/v1/releases/" + release + "/components?verdict=FINE").status());
        assertEquals(403, users.withGlobalRole("ADMINISTRATOR").get("/api/v1/releases/" + release + "/components")
                .status(), "administrators run the platform, they do not read its security data");

        // The same bill again: the same three findings, nothing new, nothing closed.
        JsonNode again = imported(owner.upload(release, "bom.json", FindingsIT.fixture("cyclonedx_nested_1_6_edited.json"),
                "scanner", "cyclonedx"));
        assertEquals(0, again.get("created").asInt(), again.toString());
        assertEquals(3, again.get("unchanged").asInt(), again.toString());

        // Newer versions and gpl-lib removed: the others keep their identity, the denied finding is closed.
        JsonNode without = imported(owner.upload(release, "bom.json", WITHOUT_GPL.getBytes(StandardCharsets.UTF_8),
                "scanner", "cyclonedx"));
        assertEquals(0, without.get("created").asInt(), without.toString());
        assertEquals(1, without.get("closed").asInt(), without.toString());
        Map<String, JsonNode> after = licenceFindings(owner, project);
        assertEquals(findings.get("licence:none").get("id"), after.get("licence:none").get("id"));
        assertEquals("FIXED_UNVERIFIED", after.get("licence:GPL-3.0-only").get("state").asText());
        assertEquals(List.of("acme-app", "left-pad", "tiny-crypto"), componentNames(owner, release, ""));

        // An unreadable bill (an external entity) is refused whole: inventory and findings stay as they were.
        Api.Reply hostile = owner.upload(release, "bom.xml", ("<?xml version=\"1.0\"?><!DOCTYPE bom [<!ENTITY x SYSTEM"
                + " \"file:///etc/passwd\">]><bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\"><components><component>"
                + "<name>&x;</name></component></components></bom>").getBytes(StandardCharsets.UTF_8), "scanner", "cyclonedx");
        assertEquals(422, hostile.status(), hostile.toString());
        assertEquals(List.of("acme-app", "left-pad", "tiny-crypto"), componentNames(owner, release, ""));

        // The XML form of the first bill, for the next release: the same identities; the denied licence is back.
        String next2 = owner.post("/api/v1/projects/" + project + "/releases", "{\"version\":\"1.1\"}").json()
                .get("id").asText();
        JsonNode xml = imported(owner.upload(next2, "bom.xml", FindingsIT.fixture("cyclonedx_nested_1_6_edited.xml"),
                "scanner", "cyclonedx"));
        assertEquals(0, xml.get("created").asInt(), xml.toString());
        assertEquals(1, xml.get("reopened").asInt(), xml.toString());
        assertEquals(denied.get("id"), licenceFindings(owner, project).get("licence:GPL-3.0-only").get("id"));
        assertEquals(5, componentNames(owner, next2, "").size());
    }

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

    @Test
    void selfWrittenCryptographyNeedsTwoPeopleAndKeyDesignsAreDistributedNarrowly(Api admin, Users users) {
        String project = Fixtures.createProject(admin, "CRY");
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        Api developer = users.withProjectRole("DEVELOPER", project);
        Api reviewer = users.withProjectRole("SECURITY_REVIEWER", project);
        String release = owner.post("/api/v1/projects/" + project + "/releases", "{\"version\":\"1.0\"}").json()
                .get("id").asText();
        imported(owner.upload(release, "bom.json", FindingsIT.fixture("cyclonedx_nested_1_6_edited.json"),
                "scanner", "cyclonedx"));
        assertEquals("PASSED", gate(owner, release, "crypto.dual-control").get("outcome").asText(), "nothing flagged");

        // C.4: tiny-crypto is the project's own cryptography; developers may not flag components
        String flags = "/api/v1/projects/" + project + "/component-flags";
        String crypto = "{\"identity\":\"com.acme:tiny-crypto\",\"flag\":\"SELF_WRITTEN_CRYPTO\",\"reason\":\"own AES mode\"}";
        assertEquals(403, developer.put(flags, crypto).status());
        Api.Reply flagged = owner.put(flags, crypto);
        assertEquals(200, flagged.status(), flagged.toString());
        JsonNode blocked = gate(owner, release, "crypto.dual-control");
        assertEquals("BLOCKED", blocked.get("outcome").asText(), blocked.toString());
        assertEquals("gate.crypto.unreviewed", blocked.get("reasons").get(0).get("key").asText());

        // the one who implemented it cannot be its reviewer, even holding the security reviewer's role too
        Api both = users.withProjectRole("DEVELOPER", project);
        assertEquals(201, admin.post("/api/v1/accounts/" + both.loginName() + "/roles", "{\"role\":\"SECURITY_REVIEWER\","
                + "\"project\":\"" + project + "\"}").status());
        String reviews = "/api/v1/releases/" + release + "/crypto-reviews";
        Api.Reply own = both.post(reviews, "{\"identity\":\"com.acme:tiny-crypto\",\"implementer\":\"" + both.loginName()
                + "\"}");
        assertEquals(403, own.status(), own.toString());
        assertEquals(403, developer.post(reviews, "{\"identity\":\"com.acme:tiny-crypto\",\"implementer\":\""
                + both.loginName() + "\"}").status(), "a developer is no security reviewer");
        Api.Reply reviewed = reviewer.post(reviews, "{\"identity\":\"com.acme:tiny-crypto\",\"implementer\":\""
                + developer.loginName() + "\",\"note\":\"CTR mode and key handling reviewed\"}");
        assertEquals(200, reviewed.status(), reviewed.toString());
        assertEquals("PASSED", gate(owner, release, "crypto.dual-control").get("outcome").asText());
        assertEquals(1, owner.get(reviews).json().size());

        // a key security design is listed only to owners, security reviewers and auditors
        assertEquals(200, owner.put(flags, "{\"identity\":\"pkg:maven/com.acme/acme-app\",\"flag\":\"KEY_SECURITY_DESIGN\","
                + "\"reason\":\"the payment design\"}").status());
        assertEquals(List.of("gpl-lib", "jackson-core", "left-pad", "tiny-crypto"), componentNames(developer, release, ""));
        assertEquals(5, componentNames(reviewer, release, "").size());
        JsonNode app = owner.get("/api/v1/releases/" + release + "/components?limit=1").json().get("items").get(0);
        assertEquals("[\"KEY_SECURITY_DESIGN\"]", app.get("flags").toString());
        assertEquals(204, owner.send("DELETE", flags + "?identity=pkg:maven/com.acme/acme-app&flag=KEY_SECURITY_DESIGN", null,
                null).status());
        assertEquals(5, componentNames(developer, release, "").size());
    }
}
