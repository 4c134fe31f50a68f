package org.gatehouse.web.it;

import static org.gatehouse.web.it.ProjectsIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The personnel register (C.1, ADR 0019) on the real server and database: a developer, tester or
 * reviewer role on a project of level 2 or 3 is refused until the person is vetted; an expired
 * confidentiality agreement suspends the role at once (its permissions are refused from the next
 * request on), the suspension is audited once and announced to the project's owners through the
 * outbox, and renewing it reinstates the role; the {@code team.vetted} gate blocks, naming the
 * person, then passes.
 */
@ExtendWith(GatehouseServer.class)
class PersonnelIT {
    private static final String INITIAL = "First-Password-2026x";
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private static String project(Api admin, String prefix, int level) {
        String key = Fixtures.uniqueKey(prefix);
        assertEquals(201, admin.post("/api/v1/projects", Fixtures.project(key, "Shop " + key, level)).status());
        return key;
    }

    private static Api.Reply grant(Api admin, String login, String role, String project, String... headers) {
        return admin.post("/api/v1/accounts/" + login + "/roles", "{\"role\":\"" + role + "\",\"project\":\"" + project
                + "\"}", headers);
    }

    private static List<String> fields(Api.Reply problem) {
        List<String> fields = new ArrayList<>();
        problem.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    private static Api.Reply agreement(Api sec, String login, LocalDate signed, LocalDate expires) {
        return sec.put("/api/v1/people/" + login + "/confidentiality-agreement", "{\"signedOn\":\"" + signed
                + "\",\"expiresOn\":\"" + expires + "\",\"documentSha256\":\"" + "CD".repeat(32)
                + "\",\"documentName\":\"nda-signed.pdf\"}");
    }

    private static Api.Reply training(Api sec, String login, String kind, String language) {
        return sec.post("/api/v1/people/" + login + "/trainings", "{\"course\":\"" + kind + " 2026\",\"kind\":\"" + kind + "\""
                + (language == null ? "" : ",\"language\":\"" + language + "\"") + ",\"completedOn\":\"" + TODAY.minusDays(3)
                + "\",\"expiresOn\":\"" + TODAY.plusYears(1) + "\"}");
    }

    private static JsonNode audit(Api auditor, String type, String login) {
        return auditor.get("/api/v1/audit/events?type=" + type + "&target=account:" + login).json().get("items");
    }

    private static JsonNode member(JsonNode team, String login) {
        for (JsonNode member : team.get("members")) {
            if (member.get("login").asText().equals(login)) {
                return member;
            }
        }
        throw new AssertionError("no member " + login + " in " + team);
    }

    @Test
    void anUnvettedPersonIsRefusedAVettedRoleUntilThePrerequisitesHold(Api admin, Users users) {
        String shop = Fixtures.createProject(admin, "PPA"); // level 2
        String bank = project(admin, "PPB", 3);
        String blog = project(admin, "PPC", 1);
        String login = users.createAccount("ppl", INITIAL);
        Api sec = users.personnelAdmin();

        Api.Reply refused = grant(admin, login, "DEVELOPER", shop);
        assertProblem(refused, 409, "vetting-required");
        assertEquals(List.of("background-check", "confidentiality-agreement", "security-awareness-training"),
                fields(refused));
        String detail = refused.json().get("detail").asText();
        assertTrue(detail.contains(login) && detail.contains("DEVELOPER") && detail.contains(shop)
                && detail.contains("a passed background check"), detail);
        Api.Reply chinese = grant(admin, login, "TESTER", shop, "Accept-Language", "zh-CN");
        assertProblem(chinese, 409, "vetting-required");
        assertTrue(chinese.json().get("detail").asText().contains("已通过的背景审查"), chinese::toString);
        assertEquals(0, admin.get("/api/v1/accounts/" + login).json().get("roles").size(), "nothing was granted");

        // owners are not vetted; level 1 requires nothing
        assertEquals(201, grant(admin, login, "PROJECT_OWNER", shop).status());
        assertEquals(201, grant(admin, login, "DEVELOPER", blog).status());

        assertEquals(200, sec.put("/api/v1/people/" + login + "/background-check", "{\"status\":\"PASSED\",\"checkedOn\":\""
                + TODAY.minusDays(30) + "\",\"checkedBy\":\"Agency A\",\"note\":\"file 77\"}").status());
        assertEquals(200, agreement(sec, login, TODAY.minusDays(30), TODAY.plusYears(2)).status());
        Api.Reply lacking = grant(admin, login, "DEVELOPER", shop);
        assertProblem(lacking, 409, "vetting-required");
        assertEquals(List.of("security-awareness-training"), fields(lacking));

        assertEquals(201, training(sec, login, "SECURITY_AWARENESS", null).status());
        assertEquals(201, grant(admin, login, "DEVELOPER", shop).status(), "vetted for level 2");
        Api.Reply level3 = grant(admin, login, "SECURITY_REVIEWER", bank);
        assertProblem(level3, 409, "vetting-required");
        assertEquals(List.of("secure-coding-training"), fields(level3), "level 3 also needs secure coding");
        assertEquals(201, training(sec, login, "SECURE_CODING", "java").status());
        assertEquals(201, grant(admin, login, "SECURITY_REVIEWER", bank).status());

        // the register: what holds, and every role with its rights (duties and access rights per project)
        Api auditor = users.withGlobalRole("AUDITOR");
        JsonNode register = auditor.get("/api/v1/people/" + login).json();
        assertEquals(4, register.get("held").size(), register::toString);
        assertEquals("PASSED", register.get("backgroundCheck").get("status").asText());
        assertEquals("cd".repeat(32), register.get("confidentialityAgreement").get("documentSha256").asText());
        assertTrue(register.get("confidentialityAgreement").get("inForce").asBoolean());
        assertEquals(2, register.get("trainings").size());
        assertEquals(4, register.get("roles").size(), register::toString);
        for (JsonNode role : register.get("roles")) {
            assertFalse(role.get("suspended").asBoolean(), role::toString);
            assertTrue(role.get("permissions").size() > 0, role::toString);
        }

        // bad input: 400 with nothing written; unknown people: 404; only security administrators record
        assertProblem(sec.put("/api/v1/people/" + login + "/background-check", "{\"status\":\"PASSED\",\"checkedOn\":\""
                + TODAY.plusDays(2) + "\",\"checkedBy\":\"Agency\"}"), 400, "validation-failed");
        assertProblem(agreement(sec, login, TODAY, TODAY.minusDays(1)), 400, "validation-failed");
        assertProblem(sec.post("/api/v1/people/" + login + "/trainings", "{\"course\":\"x\",\"kind\":\"ETHICS\","
                + "\"completedOn\":\"2026-01-01\",\"expiresOn\":\"2027-01-01\"}"), 400, "validation-failed");
        assertProblem(sec.get("/api/v1/people/nobody-here"), 404, "not-found");
        assertProblem(auditor.put("/api/v1/people/" + login + "/background-check", "{\"status\":\"FAILED\",\"checkedOn\":\""
                + TODAY + "\",\"checkedBy\":\"x\"}"), 403, "forbidden");
        assertEquals(2, auditor.get("/api/v1/people/" + login).json().get("trainings").size(), "nothing more written");
        assertEquals(1, audit(auditor, "personnel.background-check", login).size());
        assertEquals(1, audit(auditor, "personnel.confidentiality-agreement", login).size());
        assertEquals(2, audit(auditor, "personnel.training", login).size());
    }

    @Test
    void anExpiredAgreementSuspendsTheRoleAtOnceAndARenewalReinstatesIt(Api admin, Users users) throws Exception {
        String shop = Fixtures.createProject(admin, "PPD"); // level 2
        Api owner = users.withProjectRole("PROJECT_OWNER", shop);
        Api developer = users.withProjectRole("DEVELOPER", shop); // vetted by Users on the way
        String login = developer.loginName();
        Api sec = users.personnelAdmin();
        Api auditor = users.withGlobalRole("AUDITOR");
        String release = owner.post("/api/v1/projects/" + shop + "/releases", "{\"version\":\"1.0\"}").json().get("id")
                .asText();
        assertEquals(200, developer.get("/api/v1/releases/" + release).status());

        try (OutboundEventsIT.Receiver receiver = new OutboundEventsIT.Receiver("none", 0)) {
            Api.Reply hook = owner.post("/api/v1/projects/" + shop + "/webhooks", "{\"url\":\"" + receiver.url()
                    + "\",\"events\":[\"role.suspended\",\"role.reinstated\"]}");
            assertEquals(201, hook.status(), hook::toString);

            // the agreement turns out to have expired yesterday (UTC)
            assertEquals(200, agreement(sec, login, TODAY.minusYears(1), TODAY.minusDays(1)).status());
            assertProblem(developer.get("/api/v1/releases/" + release), 403, "forbidden");
            assertProblem(developer.post("/api/v1/releases/" + release + "/requirements", "{\"title\":\"t\"}"), 403,
                    "forbidden");
            JsonNode session = developer.get("/api/v1/session").json();
            assertFalse(session.get("projectRoles").has(shop), session::toString);

            JsonNode suspended = audit(auditor, "role.suspended", login);
            assertEquals(1, suspended.size(), suspended::toString);
            assertTrue(suspended.get(0).get("description").asText().contains("confidentiality-agreement"), suspended::toString);
            List<OutboundEventsIT.Received> told = receiver.await("role.suspended", 1, Duration.ofSeconds(30));
            assertEquals(1, told.size());
            JsonNode event = told.get(0).json();
            assertEquals(shop, event.get("project").asText());
            assertEquals(login, event.get("data").get("login").asText());
            assertEquals("DEVELOPER", event.get("data").get("role").asText());
            assertEquals("confidentiality-agreement", event.get("data").get("missing").get(0).asText());

            JsonNode team = owner.get("/api/v1/projects/" + shop + "/team").json();
            JsonNode duty = member(team, login).get("roles").get(0);
            assertTrue(duty.get("suspended").asBoolean(), team::toString);
            assertEquals("confidentiality-agreement", duty.get("missing").get(0).get("prerequisite").asText());
            assertTrue(duty.get("suspensionRecordedAt").isTextual(), team::toString);
            assertFalse(member(team, login).get("vetted").asBoolean());
            assertTrue(member(team, owner.loginName()).get("vetted").asBoolean(), "owners need no vetting");

            // the sweep (every 2 s here) finds it recorded already: still one record, one event
            Thread.sleep(5000);
            assertEquals(1, audit(auditor, "role.suspended", login).size());
            assertEquals(1, receiver.await("role.suspended", 2, Duration.ofSeconds(1)).size());

            // renewed: the role holds again at once, and the reinstatement is told once
            assertEquals(200, agreement(sec, login, TODAY, TODAY.plusYears(1)).status());
            assertEquals(200, developer.get("/api/v1/releases/" + release).status());
            assertEquals(1, audit(auditor, "role.reinstated", login).size());
            assertEquals(1, receiver.await("role.reinstated", 1, Duration.ofSeconds(30)).size());
            assertFalse(member(owner.get("/api/v1/projects/" + shop + "/team").json(), login).get("roles").get(0)
                    .get("suspended").asBoolean());
        }
    }

    @Test
    void theTeamVettedGateBlocksNamingThePersonThenPasses(Api admin, Users users) {
        String shop = Fixtures.createProject(admin, "PPE"); // level 2: sdl-level-2@2 has team.vetted
        Api owner = users.withProjectRole("PROJECT_OWNER", shop);
        Api tester = users.withProjectRole("TESTER", shop);
        Api sec = users.personnelAdmin();
        String release = owner.post("/api/v1/projects/" + shop + "/releases", "{\"version\":\"1.0\"}").json().get("id")
                .asText();
        JsonNode view = owner.get("/api/v1/releases/" + release).json();
        assertEquals("sdl-level-2@2", view.get("definition").asText(), view::toString);
        assertEquals("PASSED", gate(owner, release).get("outcome").asText(), "everyone is vetted");

        assertEquals(200, agreement(sec, tester.loginName(), TODAY.minusYears(1), TODAY.minusDays(1)).status());
        JsonNode blocked = gate(owner, release);
        assertEquals("BLOCKED", blocked.get("outcome").asText(), blocked::toString);
        JsonNode reason = blocked.get("reasons").get(0);
        assertEquals("gate.team.confidentiality-agreement", reason.get("key").asText());
        assertTrue(reason.get("message").asText().contains(tester.loginName()) && reason.get("message").asText()
                .contains("TESTER"), reason::toString);

        assertEquals(200, agreement(sec, tester.loginName(), TODAY, TODAY.plusYears(1)).status());
        assertEquals("PASSED", gate(owner, release).get("outcome").asText());
    }

    private static JsonNode gate(Api api, String release) {
        for (JsonNode route : api.get("/api/v1/releases/" + release + "/lifecycle/gates").json()) {
            for (JsonNode gate : route.get("gates")) {
                if (gate.get("gate").asText().equals("team.vetted")) {
                    return gate;
                }
            }
        }
        throw new AssertionError("no gate team.vetted");
    }

    @Test
    void theTeamIsReadByItsOwnersAuditorsAndSecurityAdministratorsOnly(Api admin, Users users) {
        String shop = Fixtures.createProject(admin, "PPF");
        Api owner = users.withProjectRole("PROJECT_OWNER", shop);
        Api developer = users.withProjectRole("DEVELOPER", shop);
        JsonNode team = owner.get("/api/v1/projects/" + shop + "/team").json();
        assertEquals(2, team.get("protectionLevel").asInt());
        assertEquals(3, team.get("required").size());
        JsonNode duty = member(team, developer.loginName()).get("roles").get(0);
        assertEquals("DEVELOPER", duty.get("role").asText());
        assertTrue(duty.get("holdsThrough").isTextual(), duty::toString);
        assertProblem(developer.get("/api/v1/projects/" + shop + "/team"), 403, "forbidden");
        assertProblem(users.withProjectRole("PROJECT_OWNER", Fixtures.createProject(admin, "PPG"))
                .get("/api/v1/projects/" + shop + "/team"), 403, "forbidden");
        assertEquals(200, users.personnelAdmin().get("/api/v1/projects/" + shop + "/team").status());
        assertProblem(owner.get("/api/v1/people/" + developer.loginName()), 403, "forbidden");
    }
}
