package org.gatehouse.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gatehouse.launcher.FreePort;
import org.junit.jupiter.api.Test;

/**
 * The run command end to end: the launcher starts the embedded PostgreSQL and Payara Micro, data
 * written through the API survives a full stop and start on the same data directory, and a stop
 * leaves no process behind. Prints the cold (first start, initdb) and warm start times.
 */
class RestartIT {

    @Test
    void dataSurvivesARestartOnTheSameDataDirectory() throws Exception {
        Path home = Files.createTempDirectory(GatehouseServer.itDirectory(), "home");
        int port = FreePort.find();
        Api api = new Api(java.net.URI.create("http://localhost:" + port));
        String key = Fixtures.uniqueKey("KEEP");

        try {
            coldAndWarm(api, home, port, key);
        } finally {
            // never leave a server or a database behind, also when an assertion failed
            for (Process launcher : launched) {
                if (launcher.isAlive()) {
                    launcher.descendants().forEach(ProcessHandle::destroyForcibly);
                    launcher.destroyForcibly();
                }
            }
        }
    }

    private void coldAndWarm(Api api, Path home, int port, String key) throws Exception {
        Process cold = launch(home, port, "launcher-cold.log");
        Duration coldReady = awaitReady(cold, port);
        Api admin = Users.firstLogin(api, "admin", Users.ADMIN_INITIAL_PASSWORD, Users.PASSWORD);
        assertEquals(201, admin.post("/api/v1/projects", Fixtures.project(key, "Kept across restarts", 2)).status());
        Users users = new Users(admin);
        Api owner = users.withProjectRole("PROJECT_OWNER", key);
        String releaseId = owner.post("/api/v1/projects/" + key + "/releases", "{\"version\":\"1.0.0\"}").json().get("id").asText();
        stop(cold, port);

        Process warm = launch(home, port, "launcher-warm.log");
        Duration warmReady = awaitReady(warm, port);
        try {
            // Sessions live in PostgreSQL: one issued before the restart still works.
            assertEquals(200, admin.get("/api/v1/projects/" + key).status());
            // Accounts and the changed password survive too.
            Api again = api.login("admin", Users.PASSWORD);
            Api.Reply project = again.get("/api/v1/projects/" + key);
            assertEquals(200, project.status(), project::toString);
            assertEquals("Kept across restarts", project.json().get("name").asText());
            assertEquals("1.0.0", owner.get("/api/v1/releases/" + releaseId).json().get("version").asText());
        } finally {
            stop(warm, port);
        }
        assertTrue(Files.isRegularFile(home.resolve("data/postgres/PG_VERSION")), "PostgreSQL data in HOME/data/postgres");
        System.out.printf("[it] run command to ready: cold %d ms, warm %d ms (test JVM options)%n",
                coldReady.toMillis(), warmReady.toMillis());
    }

    private final List<Process> launched = new ArrayList<>();

    private Process launch(Path home, int port, String log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-cp", GatehouseServer.property("gatehouse.launcher.classpath"),
                "org.gatehouse.launcher.Launcher", "--home", home.toString(), "--port", Integer.toString(port),
                "--war", GatehouseServer.property("gatehouse.war"),
                "--payara", GatehouseServer.property("gatehouse.payara")));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(GatehouseServer.itDirectory().resolve(log).toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("GATEHOUSE_"));
        builder.environment().put("GATEHOUSE_JAVA_OPTS", String.join(" ", GatehouseServer.TEST_JVM_OPTIONS));
        builder.environment().putAll(GatehouseServer.TEST_ENVIRONMENT);
        Process process = builder.start();
        launched.add(process);
        return process;
    }

    private static Duration awaitReady(Process launcher, int port) throws Exception {
        Instant start = Instant.now();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        while (Duration.between(start, Instant.now()).toMinutes() < 3) {
            if (!launcher.isAlive()) {
                throw new AssertionError("the launcher exited with " + launcher.exitValue());
            }
            try {
                HttpResponse<String> response = http.send(ready, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"database\"")) {
                    return Duration.between(start, Instant.now());
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(250);
        }
        launcher.descendants().forEach(ProcessHandle::destroyForcibly);
        launcher.destroyForcibly();
        throw new AssertionError("not ready within 3 minutes");
    }

    /** SIGTERM to the launcher stops Payara Micro and PostgreSQL; the port is free again afterwards. */
    private static void stop(Process launcher, int port) throws Exception {
        List<ProcessHandle> children = launcher.descendants().toList();
        launcher.destroy();
        boolean exited = launcher.waitFor(90, TimeUnit.SECONDS);
        if (!exited) {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
        assertTrue(exited, "the launcher stops on SIGTERM");
        for (ProcessHandle child : children) {
            child.onExit().get(30, TimeUnit.SECONDS);
        }
        try (ServerSocket free = new ServerSocket(port)) {
            assertTrue(free.isBound());
        }
    }
}
