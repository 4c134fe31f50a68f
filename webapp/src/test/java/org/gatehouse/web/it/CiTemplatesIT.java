package org.gatehouse.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The CI templates of {@code docs/ci} run against the real server (issue 7, ADR 0012). For GitHub Actions, GitLab CI
 * and Jenkins the test reads the template ({@link CiTemplates}), finds the step that calls the shared
 * {@code gatehouse-ci.sh} with the system's own variables, and runs that very command with the system's shell in a
 * workspace laid out like a checkout ({@code ci/gatehouse-ci.sh}, the reports where the scan steps write them) and
 * with the environment the system would give it: its variables with test values, and the template's settings and
 * secrets filled with this server's URL, a release and a signed service-account token; the CLI jar is downloaded from
 * a local URL and checked against its SHA-256 (GitHub, GitLab) or found on the agent (Jenkins).
 * <p>
 * For each system on a release whose only open gate is the white-box scan's: a job whose real SpotBugs report has
 * three high findings exits 1 with the gate's reason; the next job, with a clean report, exits 0; re-running that job
 * imports nothing twice; the imports carry the system's commit, branch and build. A wrong CLI checksum, a missing
 * report or a job without a commit exits 2 before anything is pushed.
 */
@ExtendWith(GatehouseServer.class)
class CiTemplatesIT {
    /** Find Security Bugs on OWASP BenchmarkJava, cut to three priority-1 security bugs (high at level 1). */
    private static final byte[] THREE_HIGH = FindingsIT.fixture("fsb-1.14.0-owasp-benchmark-three-high_edited.xml");
    private static final byte[] CLEAN = FindingsIT.fixture("spotbugs-no_finding.xml");
    private static final byte[] ZAP = FindingsIT.fixture("zap-2.17.0-traditional.json");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicInteger DOWNLOADS = new AtomicInteger();
    private static HttpServer cliDownloads;
    private static String cliSha256;

    /** Serves the CLI's runnable jar as a release page would, for the templates that download it. */
    @BeforeAll
    static void serveTheCli() throws IOException {
        Path jar = cliJar();
        cliSha256 = sha256(Files.readAllBytes(jar));
        cliDownloads = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        cliDownloads.createContext("/gatehouse-cli.jar", exchange -> {
            DOWNLOADS.incrementAndGet();
            exchange.sendResponseHeaders(200, Files.size(jar));
            try (OutputStream out = exchange.getResponseBody()) {
                Files.copy(jar, out);
            }
        });
        cliDownloads.start();
    }

    @AfterAll
    static void stopServingTheCli() {
        if (cliDownloads != null) {
            cliDownloads.stop(0);
        }
    }

    /** Built by the gatehouse-cli module, which the webapp's test dependency puts before it in the reactor. */
    private static Path cliJar() {
        Path jar = Path.of(GatehouseServer.property("gatehouse.cli.jar"));
        assertTrue(Files.isRegularFile(jar), "the CLI's runnable jar is built before the webapp's ITs: " + jar);
        return jar;
    }

    private static String cliUrl() {
        return "http://127.0.0.1:" + cliDownloads.getAddress().getPort() + "/gatehouse-cli.jar";
    }

    /** The variables a CI system sets for one attempt of one job. */
    private interface Job {
        Map<String, String> variables(String commit, String run, int attempt);
    }

    private record Run(int exit, String output) {
        long count(String text) {
            return output.lines().filter(l -> l.contains(text)).count();
        }
    }

    /** A level-1 release in TESTING with every gate but the white-box scan's passed, and a signed CI token (least scopes). */
    private record Release(String id, Api owner, String token, String keyId, String key) {
        List<JsonNode> imports() {
            List<JsonNode> all = new ArrayList<>();
            owner.get("/api/v1/releases/" + id + "/imports?limit=100").json().get("items").forEach(all::add);
            return all;
        }

        /** What the CI system's administrator configured, by the names the templates use. */
        Map<String, String> settings(Api admin) {
            Map<String, String> settings = new HashMap<>();
            settings.put("GATEHOUSE_URL", admin.base().toString());
            settings.put("GATEHOUSE_RELEASE", id);
            settings.put("STAGING_URL", "https://staging.shop.test/");
            settings.put("GATEHOUSE_TOKEN", token);
            settings.put("GATEHOUSE_KEY_ID", keyId);
            settings.put("GATEHOUSE_HMAC_KEY", key);
            return settings;
        }
    }

    private static Release release(Api admin, Users users, String prefix) {
        String project = Fixtures.uniqueKey(prefix);
        assertEquals(201, admin.post("/api/v1/projects", Fixtures.project(project, "CI " + project, 1)).status());
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        Api developer = users.withProjectRole("DEVELOPER", project);
        Api tester = users.withProjectRole("TESTER", project);
        Api reviewer = users.withProjectRole("SECURITY_REVIEWER", project);
        String release = ReleaseDriver.testing(owner, developer, tester, reviewer, project, "1.0");
        ReleaseDriver d = new ReleaseDriver(owner, release);
        d.passedManualTest(tester);
        d.complete(developer, "white-box-scan");
        d.complete(tester, "manual-security-test");
        String service = owner.post("/api/v1/projects/" + project + "/service-accounts", "{\"name\":\"ci\"}").json()
                .get("login").asText();
        Api.Reply issued = owner.post("/api/v1/projects/" + project + "/service-accounts/" + service + "/tokens",
                "{\"name\":\"ci\",\"scopes\":[\"scans:push\",\"gate:read\"],\"signed\":true}");
        assertEquals(201, issued.status(), issued::toString);
        JsonNode token = issued.json();
        return new Release(release, owner, token.get("token").asText(), token.get("signingKeyId").asText(),
                Base64.getEncoder().encodeToString(Base64.getDecoder().decode(token.get("signingKey").asText())));
    }

    @Test
    void theGitHubActionsStepFailsOnHighFindingsPassesCleanAndImportsARerunOnce(Api admin, Users users) throws Exception {
        CiTemplates.Step step = CiTemplates.github();
        Release release = release(admin, users, "CIGH");
        // issue 7, "done means": the pipeline's push is also seen by a webhook and in an owner's mailbox
        String project = release.owner().get("/api/v1/releases/" + release.id()).json().get("project").asText();
        String email = "ci-owner-" + project.toLowerCase(java.util.Locale.ROOT) + "@example.test";
        String login = ("ci" + Fixtures.uniqueKey("")).toLowerCase(java.util.Locale.ROOT);
        assertEquals(201, admin.post("/api/v1/accounts", "{\"login\":\"" + login + "\",\"displayName\":\"CI owner\","
                + "\"email\":\"" + email + "\",\"initialPassword\":\"First-Password-2026x\"}").status());
        users.grant(login, "PROJECT_OWNER", java.util.Optional.of(project));
        Api watcher = Users.firstLogin(admin.anonymous(), login, "First-Password-2026x", Users.PASSWORD);
        assertEquals(200, watcher.put("/api/v1/session/notification-preferences",
                "{\"events\":[\"findings.changed\"],\"language\":\"en\"}").status());
        try (OutboundEventsIT.Receiver receiver = new OutboundEventsIT.Receiver("none", 0)) {
            assertEquals(201, watcher.post("/api/v1/projects/" + project + "/webhooks", "{\"url\":\"" + receiver.url()
                    + "\",\"events\":[\"findings.changed\"]}").status());
            gitHubJobs(step, release, admin);
            assertTrue(receiver.await("findings.changed", 1, java.time.Duration.ofSeconds(30)).size() >= 1,
                    "the webhook received the pipeline's new findings");
            List<jakarta.mail.internet.MimeMessage> mails = Mailbox.awaitFor(email, java.time.Duration.ofSeconds(30));
            assertTrue(!mails.isEmpty() && mails.get(0).getSubject().contains(project), "the owner was e-mailed");
        }
    }

    private void gitHubJobs(CiTemplates.Step step, Release release, Api admin) {
        Map<String, String> settings = release.settings(admin);
        settings.put("GATEHOUSE_CLI_URL", cliUrl());
        settings.put("GATEHOUSE_CLI_SHA256", "0".repeat(64));
        Job job = (commit, run, attempt) -> Map.of("GITHUB_ACTIONS", "true", "GITHUB_SHA", commit, "GITHUB_REF",
                "refs/heads/main", "GITHUB_REF_NAME", "main", "GITHUB_RUN_ID", run, "GITHUB_RUN_ATTEMPT",
                String.valueOf(attempt), "GITHUB_SERVER_URL", "https://github.com", "GITHUB_REPOSITORY", "acme/shop");

        Run tampered = run(step, job.variables(commit(), "1", 1), settings, workspace(step, CLEAN));
        assertEquals(2, tampered.exit(), "a CLI that is not the published one does not run: " + tampered.output());
        assertTrue(tampered.output().contains("has SHA-256 " + cliSha256), tampered.output());
        assertEquals(0, release.imports().size());

        settings.put("GATEHOUSE_CLI_SHA256", cliSha256.toUpperCase(java.util.Locale.ROOT));
        int downloads = DOWNLOADS.get();
        failsThenPassesAndARerunImportsOnce(step, release, settings, job, "main",
                "https://github.com/acme/shop/actions/runs/");
        assertEquals(3, DOWNLOADS.get() - downloads, "each job downloads the CLI");
    }

    @Test
    void theGitLabJobFailsOnHighFindingsPassesCleanAndImportsARetryOnce(Api admin, Users users) {
        CiTemplates.Step step = CiTemplates.gitlab();
        Release release = release(admin, users, "CIGL");
        Map<String, String> settings = release.settings(admin);
        settings.put("GATEHOUSE_CLI_URL", cliUrl());
        settings.put("GATEHOUSE_CLI_SHA256", cliSha256);
        Job job = (commit, pipeline, attempt) -> Map.of("GITLAB_CI", "true", "CI_COMMIT_SHA", commit,
                "CI_COMMIT_REF_NAME", "feature/ci-gate", "CI_PIPELINE_ID", pipeline, "CI_PIPELINE_URL",
                "https://gitlab.example/acme/shop/-/pipelines/" + pipeline, "CI_JOB_ID", pipeline + "0" + attempt);

        Path noZap = workspace(step, CLEAN);
        deleteReport(noZap, "zap-baseline.json");
        Run missing = run(step, job.variables(commit(), "1", 1), settings, noZap);
        assertEquals(2, missing.exit(), "a scan that wrote no report fails the job: " + missing.output());
        assertTrue(missing.output().contains("no report at zap-baseline.json"), missing.output());
        assertEquals(0, release.imports().size(), "nothing is pushed unless every report is there");

        failsThenPassesAndARerunImportsOnce(step, release, settings, job, "feature/ci-gate",
                "https://gitlab.example/acme/shop/-/pipelines/");
    }

    @Test
    void theJenkinsStageFailsOnHighFindingsPassesCleanAndImportsARetryOnce(Api admin, Users users) {
        CiTemplates.Step step = CiTemplates.jenkins();
        Release release = release(admin, users, "CIJK");
        Map<String, String> settings = release.settings(admin);
        for (String secret : List.of("GATEHOUSE_TOKEN", "GATEHOUSE_KEY_ID", "GATEHOUSE_HMAC_KEY")) {
            String id = "credentials:" + secret.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            settings.put(id, settings.remove(secret));
        }
        settings.put("GATEHOUSE_CLI_JAR", cliJar().toString());
        Job job = (commit, build, attempt) -> Map.of("JENKINS_URL", "https://jenkins.example/", "GIT_COMMIT", commit,
                "BRANCH_NAME", "PR-7", "BUILD_ID", build, "BUILD_NUMBER", build, "BUILD_URL",
                "https://jenkins.example/job/shop/job/PR-7/" + build + "/");

        Map<String, String> noGit = new HashMap<>(job.variables(commit(), "1", 1));
        noGit.remove("GIT_COMMIT");
        Run unchecked = run(step, noGit, settings, workspace(step, CLEAN));
        assertEquals(2, unchecked.exit(), unchecked.output());
        assertTrue(unchecked.output().contains("no commit"), unchecked.output());

        failsThenPassesAndARerunImportsOnce(step, release, settings, job, "PR-7", "https://jenkins.example/job/shop/job/PR-7/");
    }

    /**
     * Job 1 pushes three high findings: exit 1 with the white-box gate's reason. Job 2, a newer commit, pushes a clean
     * report: the findings close, exit 0. Job 2 again (a re-run or retry): both pushes replay, nothing new is imported.
     */
    private static void failsThenPassesAndARerunImportsOnce(CiTemplates.Step step, Release release,
            Map<String, String> settings, Job job, String branch, String runUrl) {
        String first = commit();
        String second = commit();
        String run1 = String.valueOf(1_000_000 + RANDOM.nextInt(1_000_000));
        String run2 = String.valueOf(Long.parseLong(run1) + 1);

        Run failing = run(step, job.variables(first, run1, 1), settings, workspace(step, THREE_HIGH));
        assertEquals(1, failing.exit(), failing.output());
        assertTrue(failing.output().contains("COMPLETED: created 3,"), failing.output());
        assertTrue(failing.output().contains("gate fails: release 1.0 (TESTING)"), failing.output());
        assertTrue(failing.output().contains("white-box.no-open-findings: 3 white-box finding(s) at or above high are still"
                + " open"), "the blocking reason is printed: " + failing.output());
        assertTrue(failing.output().contains("run " + runUrl + run1), "the run's address is in the log: " + failing.output());

        Run passing = run(step, job.variables(second, run2, 1), settings, workspace(step, CLEAN));
        assertEquals(0, passing.exit(), passing.output());
        assertTrue(passing.output().contains("COMPLETED: created 0, unchanged 0, closed 3"), passing.output());
        assertTrue(passing.output().contains("gate passes: release 1.0 (TESTING)"), passing.output());

        List<JsonNode> imports = release.imports();
        assertEquals(4, imports.size(), "two reports in each of two jobs: " + imports);
        for (JsonNode imported : imports) {
            boolean one = imported.get("commit").asText().equals(first);
            assertEquals(one ? first : second, imported.get("commit").asText(), imported::toString);
            assertEquals(branch + " #" + (one ? run1 : run2), imported.get("build").asText(), imported::toString);
            assertEquals(branch, imported.get("branch").asText(), imported::toString);
            assertTrue(imported.get("pipelineUrl").asText().startsWith(runUrl + (one ? run1 : run2)), imported::toString);
            assertEquals("COMPLETED", imported.get("status").asText(), imported::toString);
            assertEquals(imported.get("scanner").asText().equals("spotbugs") ? "fsb" : "baseline",
                    imported.get("category").asText(), imported::toString);
        }
        assertEquals(2, imports.stream().filter(i -> i.get("scanner").asText().equals("spotbugs")).count(), "2 of 4");

        Run again = run(step, job.variables(second, run2, 2), settings, workspace(step, CLEAN));
        assertEquals(0, again.exit(), again.output());
        assertEquals(2, again.count("already pushed with idempotency key"), again.output());
        assertEquals(4, release.imports().size(), "the re-run imported nothing");
    }

    /** A checkout after the scan steps: the shared script where the template calls it, and the reports it names. */
    private static Path workspace(CiTemplates.Step step, byte[] spotbugs) {
        try {
            Path dir = Files.createTempDirectory(GatehouseServer.itDirectory(), "ci-workspace-");
            Path script = dir.resolve(CiTemplates.SCRIPT);
            Files.createDirectories(script.getParent());
            Files.copy(CiTemplates.directory().resolve("gatehouse-ci.sh"), script);
            for (String report : step.reports()) {
                Path file = dir.resolve(report);
                Files.createDirectories(file.getParent() == null ? dir : file.getParent());
                Files.write(file, report.endsWith("spotbugsXml.xml") ? spotbugs : ZAP);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteReport(Path workspace, String report) {
        try {
            Files.delete(workspace.resolve(report));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the step's command as the CI system would: its shell, the workspace, only the environment it sets. */
    private static Run run(CiTemplates.Step step, Map<String, String> variables, Map<String, String> settings,
            Path workspace) {
        List<String> command = new ArrayList<>(step.shell());
        command.add(step.command());
        ProcessBuilder builder = new ProcessBuilder(command).directory(workspace.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.clear();
        String javaHome = System.getProperty("java.home");
        env.put("PATH", javaHome + "/bin:/usr/local/bin:/usr/bin:/bin");
        env.put("JAVA_HOME", javaHome);
        env.put("HOME", workspace.toString());
        env.put("TMPDIR", workspace.toString());
        env.put("CI", "true");
        env.putAll(variables);
        env.putAll(step.environment().apply(settings));
        try {
            Process process = builder.start();
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(step.system() + " step did not end in 5 minutes");
            }
            Run run = new Run(process.exitValue(), output.get(1, TimeUnit.MINUTES));
            System.out.println("[it] " + step.system() + " step → " + run.exit() + "\n" + run.output());
            for (String secret : List.of("GATEHOUSE_TOKEN", "GATEHOUSE_HMAC_KEY", "credentials:gatehouse-token",
                    "credentials:gatehouse-hmac-key")) {
                assertTrue(!settings.containsKey(secret) || !run.output().contains(settings.get(secret)),
                        "no secret in the job's log");
            }
            return run;
        } catch (IOException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String commit() {
        byte[] sha = new byte[20];
        RANDOM.nextBytes(sha);
        return HexFormat.of().formatHex(sha);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
