package org.gatehouse.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a tool says beyond the common fields reaches the finding's detail, per occurrence (issue 4: ZAP "per alert and
 * per instance — plugin id, risk and confidence, CWE and WASC, URL, method, parameter, attack, evidence"; SpotBugs "bug
 * type, category, priority and rank"), from real reports through the API.
 */
@ExtendWith(GatehouseServer.class)
class OccurrenceDetailsIT {

    @Test
    void zapInstancesKeepRiskConfidenceWascAndEvidence(Api admin, Users users) {
        Project project = Project.of(admin, users, "DETZ");
        project.imported("zap", "zap-results-first-scan.xml");

        List<JsonNode> details = new ArrayList<>();
        for (JsonNode finding : project.findings()) {
            JsonNode detail = project.owner().get("/api/v1/findings/" + finding.get("id").asText()).json();
            for (JsonNode occurrence : detail.get("occurrences")) {
                JsonNode d = occurrence.get("details");
                assertEquals(finding.get("ruleId").asText(), d.path("plugin-id").asText(), detail::toString);
                assertTrue(d.path("risk").asText().matches("Informational|Low|Medium|High"), detail::toString);
                assertTrue(d.path("confidence").asText().matches("False Positive|Low|Medium|High|Confirmed"),
                        detail::toString);
                details.add(d);
            }
            if (finding.get("ruleId").asText().equals("10031")) {
                // six instances of product.jsp?prodid=…: one identity (the query's values are not part of it)
                assertTrue(detail.get("occurrences").size() > 1, detail::toString);
                assertEquals("Informational", detail.get("occurrences").get(0).get("details").get("risk").asText());
                assertEquals("Low", detail.get("occurrences").get(0).get("details").get("confidence").asText());
            }
        }
        assertTrue(details.stream().anyMatch(d -> d.path("wasc").asText().equals("20")), details::toString);
        assertTrue(details.stream().anyMatch(d -> !d.path("evidence").asText().isEmpty()), details::toString);
        assertFalse(details.isEmpty());
    }

    @Test
    void spotBugsKeepsCategoryPriorityAndRank(Api admin, Users users) {
        Project project = Project.of(admin, users, "DETS");
        project.imported("spotbugs", "version_4.4.0.xml");

        JsonNode finding = project.findings().stream()
                .filter(f -> f.get("ruleId").asText().equals("DMI_HARDCODED_ABSOLUTE_FILENAME")).findFirst().orElseThrow();
        JsonNode detail = project.owner().get("/api/v1/findings/" + finding.get("id").asText()).json();
        JsonNode d = detail.get("occurrences").get(0).get("details");
        assertEquals("STYLE", d.get("category").asText(), detail::toString);
        assertEquals("1", d.get("priority").asText(), detail::toString);
        assertEquals("15", d.get("rank").asText(), detail::toString);
        assertEquals("DMI", d.get("abbrev").asText(), detail::toString);
    }

    @Test
    void sarifResultsHaveNoDetails(Api admin, Users users) {
        Project project = Project.of(admin, users, "DETN");
        project.imported("sarif", "suppression_test.sarif");
        JsonNode detail = project.owner().get("/api/v1/findings/" + project.findings().get(0).get("id").asText()).json();
        assertEquals(0, detail.get("occurrences").get(0).get("details").size(), detail::toString);
    }

    private record Project(Api owner, String key, String release) {
        static Project of(Api admin, Users users, String prefix) {
            String key = Fixtures.createProject(admin, prefix);
            Api owner = users.withProjectRole("PROJECT_OWNER", key);
            String release = owner.post("/api/v1/projects/" + key + "/releases", "{\"version\":\"1.0\"}").json()
                    .get("id").asText();
            return new Project(owner, key, release);
        }

        void imported(String scanner, String fixture) {
            Api.Reply reply = owner.upload(release, fixture, FindingsIT.fixture(fixture), "scanner", scanner);
            assertEquals(201, reply.status(), reply::toString);
        }

        List<JsonNode> findings() {
            List<JsonNode> items = new ArrayList<>();
            owner.get("/api/v1/findings?project=" + key + "&limit=200").json().get("items").forEach(items::add);
            assertFalse(items.isEmpty());
            return items;
        }
    }
}
