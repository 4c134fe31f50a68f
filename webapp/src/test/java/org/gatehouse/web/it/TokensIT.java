package org.gatehouse.web.it;

import static org.gatehouse.web.it.ProjectsIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Service accounts and API tokens for CI (7.8.3): shown once, hashed, scoped, expiring, revocable. */
@ExtendWith(GatehouseServer.class)
class TokensIT {

    private record Setup(String project, Api owner, String service) {
    }

    private static Setup setup(Api admin, Users users) {
        String project = Fixtures.createProject(admin, "TOK");
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        Api.Reply created = owner.post("/api/v1/projects/" + project + "/service-accounts", "{\"name\":\"jenkins\"}");
        assertEquals(201, created.status(), created::toString);
        return new Setup(project, owner, created.json().get("login").asText());
    }

    private static JsonNode issue(Setup s, String scopes) {
        Api.Reply issued = s.owner().post("/api/v1/projects/" + s.project() + "/service-accounts/" + s.service() + "/tokens",
                "{\"name\":\"ci\",\"scopes\":[" + scopes + "]}");
        assertEquals(201, issued.status(), issued::toString);
        return issued.json();
    }

    @Test
    void aTokenIsShownOnceAndWorksWithinItsScopes(Api admin, Users users) {
        Setup s = setup(admin, users);
        JsonNode read = issue(s, "\"releases:read\"");
        String secret = read.get("token").asText();
        assertTrue(secret.startsWith("gh_") && secret.length() >= 46, "256 random bits");
        assertFalse(s.owner().get("/api/v1/projects/" + s.project() + "/service-accounts").body().contains(secret),
                "the secret is never shown again");

        Api ci = new Api(admin.base()).withToken(secret);
        assertEquals(200, ci.get("/api/v1/projects/" + s.project() + "/releases").status());
        assertProblem(ci.post("/api/v1/projects/" + s.project() + "/releases", "{\"version\":\"1.0\"}"), 403, "forbidden");

        String writer = issue(s, "\"releases:write\"").get("token").asText();
        Api.Reply opened = new Api(admin.base()).withToken(writer)
                .post("/api/v1/projects/" + s.project() + "/releases", "{\"version\":\"1.0\"}");
        assertEquals(201, opened.status(), "a bearer token needs no CSRF token: " + opened);

        JsonNode listed = s.owner().get("/api/v1/projects/" + s.project() + "/service-accounts").json().get(0).get("tokens");
        assertEquals(ci.address(), listed.get(0).get("lastUsedAddress").asText(), "last use is recorded");
    }

    @Test
    void aTokenHoldsOnlyInItsOwnProject(Api admin, Users users) {
        Setup s = setup(admin, users);
        String other = Fixtures.createProject(admin, "TOX");
        Api ci = new Api(admin.base()).withToken(issue(s, "\"releases:read\"").get("token").asText());
        assertProblem(ci.get("/api/v1/projects/" + other + "/releases"), 403, "forbidden");
        assertProblem(ci.get("/api/v1/accounts"), 403, "forbidden");
        assertProblem(ci.get("/api/v1/session"), 403, "forbidden");
    }

    @Test
    void revokedExpiredAndForgedTokensAreRejected(Api admin, Users users, TestDatabase database) {
        Setup s = setup(admin, users);
        JsonNode revocable = issue(s, "\"releases:read\"");
        Api ci = new Api(admin.base()).withToken(revocable.get("token").asText());
        assertEquals(200, ci.get("/api/v1/projects/" + s.project() + "/releases").status());
        assertEquals(204, s.owner().send("DELETE", "/api/v1/projects/" + s.project() + "/service-accounts/" + s.service()
                + "/tokens/" + revocable.get("id").asText(), null, null).status());
        assertProblem(ci.get("/api/v1/projects/" + s.project() + "/releases"), 401, "unauthenticated");

        JsonNode expiring = issue(s, "\"releases:read\"");
        database.execute(database.owner(), "UPDATE api_token SET created_at = now() - interval '100 days',"
                + " expires_at = now() - interval '10 days' WHERE id = '" + expiring.get("id").asText() + "'");
        assertProblem(new Api(admin.base()).withToken(expiring.get("token").asText())
                .get("/api/v1/projects/" + s.project() + "/releases"), 401, "unauthenticated");

        assertProblem(new Api(admin.base()).withToken("gh_forged").get("/api/v1/projects/" + s.project()), 401,
                "unauthenticated");
        assertProblem(new Api(admin.base()).get("/api/v1/projects", "Authorization", "Basic YWRtaW46eA=="), 401,
                "unauthenticated");
    }

    @Test
    void onlyTheProjectsCredentialAdministratorsIssueTokens(Api admin, Users users) {
        Setup s = setup(admin, users);
        Api developer = users.withProjectRole("DEVELOPER", s.project());
        assertProblem(developer.post("/api/v1/projects/" + s.project() + "/service-accounts", "{\"name\":\"mine\"}"), 403,
                "forbidden");
        assertProblem(s.owner().post("/api/v1/projects/" + s.project() + "/service-accounts/" + s.service() + "/tokens",
                "{\"name\":\"x\",\"scopes\":[\"root\"]}"), 400, "bad-request");
        assertProblem(s.owner().post("/api/v1/projects/" + s.project() + "/service-accounts/" + s.service() + "/tokens",
                "{\"name\":\"x\",\"scopes\":[\"releases:read\"],\"expiresInDays\":400}"), 400, "bad-request");
        assertProblem(s.owner().post("/api/v1/projects/" + s.project() + "/service-accounts", "{\"name\":\"jenkins\"}"), 409,
                "conflict");
        Api.Reply serviceLogin = new Api(admin.base()).post("/api/v1/session",
                "{\"login\":\"" + s.service() + "\",\"password\":\"Any-Password-2026x\"}");
        assertProblem(serviceLogin, 401, "login-failed");
    }
}
