package org.gatehouse.web.it;

import static org.gatehouse.web.it.ProjectsIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(GatehouseServer.class)
class PlatformIT {

    @Test
    void readinessReportsTheMigratedReachableDatabase(Api api) {
        Api.Reply ready = api.get("/health/ready");
        assertEquals(200, ready.status(), ready::toString);
        JsonNode check = ready.json().get("checks").get(0);
        assertEquals("database", check.get("name").asText());
        assertEquals("UP", check.get("status").asText());
    }

    @Test
    void flywayAppliedEveryMigrationAsTheOwnerRole(TestDatabase database) throws Exception {
        var c = database.owner();
        List<String> versions = new java.util.ArrayList<>();
        try (var connection = java.sql.DriverManager.getConnection(c.url(), c.user(), c.password());
                var rows = connection.createStatement().executeQuery(
                        "select version, success, installed_by from flyway_schema_history where version is not null order by installed_rank")) {
            while (rows.next()) {
                versions.add(rows.getString(1));
                assertTrue(rows.getBoolean(2));
                assertEquals(c.user(), rows.getString(3));
            }
        }
        assertEquals(List.of("1", "2"), versions.subList(0, 2));
    }

    @Test
    void openApiDescribesEveryEndpoint(Api api) {
        Api.Reply openapi = api.get("/openapi", "Accept", "application/json");
        assertEquals(200, openapi.status(), openapi::toString);
        JsonNode paths = openapi.json().get("paths");
        for (String path : List.of("/api/v1/projects", "/api/v1/projects/{key}", "/api/v1/projects/{key}/releases",
                "/api/v1/releases/{id}", "/api/v1/info", "/api/v1/session", "/api/v1/session/password",
                "/api/v1/session/totp", "/api/v1/accounts", "/api/v1/accounts/{login}/roles", "/api/v1/audit/events",
                "/api/v1/audit/export", "/api/v1/audit/verification", "/api/v1/notifications",
                "/api/v1/projects/{key}/service-accounts", "/api/v1/projects/{key}/service-accounts/{login}/tokens")) {
            assertTrue(paths.has(path), () -> path + " missing from " + paths.fieldNames());
        }
        assertTrue(paths.get("/api/v1/projects/{key}").has("put"));
    }

    @Test
    void infoNamesProductAndVersion(Api api) {
        JsonNode info = api.get("/api/v1/info").json();
        assertEquals("Gatehouse", info.get("product").asText());
        assertEquals(System.getProperty("gatehouse.version"), info.get("version").asText());
    }

    @Test
    void everyResponseCarriesSecurityHeaders(Api api) {
        for (String path : List.of("/", "/api/v1/info", "/api/v1/projects/NOPE", "/no/such/page")) {
            Api.Reply reply = api.get(path);
            String csp = reply.header("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("default-src 'none'") && csp.contains("script-src 'self'")
                    && !csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"), () -> path + ": " + csp);
            assertEquals("nosniff", reply.header("X-Content-Type-Options").orElse(""), path);
            assertEquals("DENY", reply.header("X-Frame-Options").orElse(""), path);
        }
        assertEquals("no-store", api.get("/api/v1/info").header("Cache-Control").orElse(""));
    }

    @Test
    void unknownAddressesOutsideAndInsideTheApiAreProblems(Api api) {
        assertProblem(api.get("/no/such/page"), 404, "not-found");
        assertProblem(api.get("/api/v1/no-such-resource"), 404, "not-found");
        assertProblem(api.get("/api/v2/projects"), 404, "not-found");
        Api.Reply chinese = api.get("/no/such/page", "Accept-Language", "zh-CN");
        assertEquals("未找到", chinese.json().get("title").asText());
    }

    @Test
    void startPageNamesProductAndVersion(Api api) {
        Api.Reply page = api.get("/");
        assertEquals(200, page.status());
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        assertTrue(page.body().contains("<title>Gatehouse</title>"));
        assertTrue(page.body().contains(System.getProperty("gatehouse.version")));
        assertTrue(!page.body().contains("<script>") && !page.body().contains("style="), "no inline script or style");
    }
}
