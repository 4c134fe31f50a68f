package org.gatehouse.web.it;

import static org.gatehouse.web.it.ProjectsIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Accounts made by administrators, one-time passwords, role grants (B.1.3.2-ij/ik, B.2.4.2). */
@ExtendWith(GatehouseServer.class)
class AccountsIT {

    @Test
    void aGeneratedOneTimePasswordIsShownOnceAndMeetsThePolicy(Api admin) {
        String login = ("gen" + Fixtures.uniqueKey("")).toLowerCase();
        Api.Reply created = admin.post("/api/v1/accounts", "{\"login\":\"" + login + "\",\"displayName\":\"Generated 生成\"}");
        assertEquals(201, created.status(), created::toString);
        String oneTime = created.json().get("oneTimePassword").asText();
        assertTrue(oneTime.length() >= 12 && oneTime.chars().anyMatch(Character::isDigit));
        JsonNode read = admin.get("/api/v1/accounts/" + login).json();
        assertFalse(read.has("oneTimePassword"), "never shown again");
        assertFalse(read.toString().contains("argon2"), "never the hash");
        assertTrue(read.get("mustChangePassword").asBoolean());
        Api first = new Api(admin.base()).login(login, oneTime);
        assertTrue(first.get("/api/v1/session").json().get("mustChangePassword").asBoolean());
    }

    @Test
    void loginNamesAreUniqueAndValidated(Api admin) {
        String login = ("dup" + Fixtures.uniqueKey("")).toLowerCase();
        String body = "{\"login\":\"" + login + "\",\"displayName\":\"x\",\"initialPassword\":\"Good-Password-2026\"}";
        assertEquals(201, admin.post("/api/v1/accounts", body).status());
        assertProblem(admin.post("/api/v1/accounts", body), 409, "conflict");
        assertProblem(admin.post("/api/v1/accounts", "{\"login\":\"Bad Name\",\"displayName\":\"x\"}"), 400, "validation-failed");
        assertProblem(admin.post("/api/v1/accounts", "{\"login\":\"weakpw\",\"displayName\":\"x\",\"initialPassword\":\"weak\"}"),
                400, "weak-password");
        assertProblem(admin.get("/api/v1/accounts/nosuchuser"), 404, "not-found");
    }

    @Test
    void rolesAreGrantedInScopeAndRevoked(Api admin, Users users) {
        String key = Fixtures.createProject(admin, "ROL");
        Api person = users.withoutRoles();
        assertProblem(person.get("/api/v1/projects/" + key), 403, "forbidden");
        users.vet(person.loginName()); // C.1: the project is at level 2 (PersonnelIT covers the refusal)

        Api.Reply granted = admin.post("/api/v1/accounts/" + person.loginName() + "/roles",
                "{\"role\":\"DEVELOPER\",\"project\":\"" + key + "\"}");
        assertEquals(201, granted.status(), granted::toString);
        assertEquals(200, person.get("/api/v1/projects/" + key).status(), "roles apply from the next request on");
        assertEquals(1, person.get("/api/v1/projects").json().get("items").size(), "a member sees only its projects");

        assertProblem(admin.post("/api/v1/accounts/" + person.loginName() + "/roles",
                "{\"role\":\"DEVELOPER\",\"project\":\"" + key + "\"}"), 409, "conflict");
        assertProblem(admin.post("/api/v1/accounts/" + person.loginName() + "/roles", "{\"role\":\"AUDITOR\",\"project\":\""
                + key + "\"}"), 400, "bad-request");
        assertProblem(admin.post("/api/v1/accounts/" + person.loginName() + "/roles", "{\"role\":\"TESTER\"}"), 400,
                "bad-request");
        assertProblem(admin.post("/api/v1/accounts/" + person.loginName() + "/roles",
                "{\"role\":\"TESTER\",\"project\":\"NOSUCHPROJECT\"}"), 404, "not-found");

        String grant = granted.json().get("id").asText();
        assertEquals(204, admin.send("DELETE", "/api/v1/accounts/" + person.loginName() + "/roles/" + grant, null, null).status());
        assertProblem(person.get("/api/v1/projects/" + key), 403, "forbidden");
        assertProblem(admin.send("DELETE", "/api/v1/accounts/" + person.loginName() + "/roles/" + grant, null, null), 404,
                "not-found");
        assertProblem(admin.send("DELETE", "/api/v1/accounts/" + person.loginName() + "/roles/not-a-uuid", null, null), 404,
                "not-found");
    }
}
