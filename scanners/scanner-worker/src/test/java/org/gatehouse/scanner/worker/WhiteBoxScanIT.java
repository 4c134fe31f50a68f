package org.gatehouse.scanner.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.gatehouse.scanner.api.Location;
import org.gatehouse.scanner.api.ReportParseException;
import org.gatehouse.scanner.api.ReportSource;
import org.gatehouse.scanner.api.ReportedFinding;
import org.gatehouse.scanner.spotbugs.SpotBugsPlugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real worker JVMs over the deliberately vulnerable classes of {@code src/test/resources/vulnerable}. */
class WhiteBoxScanIT {
    @TempDir
    static Path shared;
    static Path jar;

    @TempDir
    Path dir;

    @BeforeAll
    static void compile() throws IOException {
        jar = VulnerableCode.jar(shared);
    }

    @AfterEach
    void noWorkerIsLeft() throws InterruptedException {
        for (int i = 0; i < 50 && ProcessHandle.current().descendants().findAny().isPresent(); i++) {
            Thread.sleep(100);
        }
        assertEquals(List.of(), ProcessHandle.current().descendants().map(ProcessHandle::pid).toList());
    }

    @Test
    void findsTheInjectionsWeakHashAndPredictableRandomWithTheirLocations() throws Exception {
        ScanResult result = scan(ScanRequest.of(jar, dir.resolve("report.xml")), WorkerSettings.defaults(), p -> { });
        assertEquals(ScanResult.Outcome.SUCCEEDED, result.outcome(), result.error() + result.logTail());
        assertEquals(OptionalInt.of(0), result.exitStatus());
        assertEquals(10, result.classesAnalysed());
        List<ReportedFinding> findings = parse(result.report().orElseThrow());
        assertEquals(result.bugCount(), findings.size());
        Map<String, String> where = findings.stream().filter(f -> !f.ruleId().startsWith("BACKDOOR_")
                && !logical(f).startsWith("shop.MagicKey") && !logical(f).startsWith("shop.ClassShell"))
                .collect(Collectors.toMap(ReportedFinding::ruleId, f -> logical(f) + " CWE-" + f.cwe().orElse(0)));
        assertEquals(Map.of(
                "SQL_INJECTION_JDBC", "shop.UserLookup.findByName(Ljava/sql/Connection;Ljava/lang/String;)Ljava/sql/ResultSet; CWE-89",
                "SQL_NONCONSTANT_STRING_PASSED_TO_EXECUTE",
                "shop.UserLookup.findByName(Ljava/sql/Connection;Ljava/lang/String;)Ljava/sql/ResultSet; CWE-89",
                "COMMAND_INJECTION", "shop.Maintenance.run(Ljava/lang/String;)Ljava/lang/Process; CWE-78",
                "WEAK_MESSAGE_DIGEST_MD5", "shop.Passwords.hash([B)[B CWE-328",
                "PREDICTABLE_RANDOM", "shop.Tokens.newToken()Ljava/lang/String; CWE-330"), where);
        ReportedFinding sql = findings.stream().filter(f -> f.ruleId().equals("SQL_INJECTION_JDBC")).findFirst().orElseThrow();
        assertEquals("shop/UserLookup.java", ((Location.Code) sql.location()).path());
        assertEquals(OptionalInt.of(12), ((Location.Code) sql.location()).startLine());
        assertEquals(List.of(ArtifactDigest.of(jar)), result.artifacts());
        assertEquals(List.of(), leftovers(dir, ".report.xml"));
    }

    @Test
    void findsTheBackdoorsThatFindSecurityBugsLacksAndNothingInTheirCleanLookalike() throws Exception {
        // B.1.4.7: Gatehouse's detectors (scanner-detectors) run next to Find Security Bugs, each type with its CWE
        ScanResult result = scan(ScanRequest.of(jar, dir.resolve("report.xml")), WorkerSettings.defaults(), p -> { });
        assertTrue(result.succeeded(), result.error() + result.logTail());
        List<ReportedFinding> findings = parse(result.report().orElseThrow());
        List<String> backdoors = findings.stream().filter(f -> f.ruleId().startsWith("BACKDOOR_"))
                .map(f -> f.ruleId() + " CWE-" + f.cwe().orElse(0) + " " + logical(f) + ":"
                        + ((Location.Code) f.location()).startLine().orElse(0))
                .sorted().toList();
        assertEquals(List.of(
                "BACKDOOR_CLASS_FROM_REQUEST CWE-94 shop.ClassShell.loader(Ljakarta/servlet/http/HttpServletRequest;)Ljava/lang/Object;:22",
                "BACKDOOR_CLASS_FROM_REQUEST CWE-94 shop.ClassShell.lookup(Ljakarta/servlet/http/HttpServletRequest;)Ljava/lang/Class;:26",
                "BACKDOOR_CLASS_FROM_REQUEST CWE-94 shop.ClassShell.reflective(Ljakarta/servlet/http/HttpServletRequest;)Ljava/lang/Object;:33",
                "BACKDOOR_HIDDEN_COMMAND CWE-912 shop.MagicKey.handle(Ljakarta/servlet/http/HttpServletRequest;)V:9",
                "BACKDOOR_REQUEST_SECRET CWE-798 shop.MagicKey.admin(Ljakarta/servlet/http/HttpServletRequest;)Z:16",
                "BACKDOOR_REQUEST_SECRET CWE-798 shop.MagicKey.handle(Ljakarta/servlet/http/HttpServletRequest;)V:9"),
                backdoors);
        ReportedFinding hidden = findings.stream().filter(f -> f.ruleId().equals("BACKDOOR_HIDDEN_COMMAND")).findFirst()
                .orElseThrow();
        assertEquals("Command or code run behind a hard-coded request secret", hidden.title());
        assertEquals(List.of(), findings.stream().filter(f -> logical(f).startsWith("shop.Dispatch"))
                .map(f -> f.ruleId() + " " + logical(f)).toList(), "the clean lookalike has no finding");
        assertTrue(findings.stream().anyMatch(f -> f.ruleId().equals("COMMAND_INJECTION") && logical(f)
                .startsWith("shop.MagicKey.handle")), "Find Security Bugs still reports the command injection");
    }

    @Test
    void reportsProgressUpToTheTotal() throws Exception {
        List<ScanProgress> progress = new CopyOnWriteArrayList<>();
        ScanResult result = scan(ScanRequest.of(jar, dir.resolve("report.xml")), WorkerSettings.defaults(), progress::add);
        assertTrue(result.succeeded(), result.error().orElse(""));
        assertTrue(progress.size() >= 10, "one line per percent at most, more than 10 here: " + progress);
        ScanProgress last = progress.get(progress.size() - 1);
        assertTrue(last.complete(), last.toString());
        assertTrue(last.total() > result.classesAnalysed(), "passes over referenced and application classes: " + last);
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i).done() > progress.get(i - 1).done(), progress.toString());
        }
    }

    @Test
    void twoScansGiveIdenticalFindings() throws Exception {
        Path classes = VulnerableCode.classes(dir);
        ScanResult first = scan(ScanRequest.of(classes, dir.resolve("first.xml")), WorkerSettings.defaults(), p -> { });
        ScanResult second = scan(ScanRequest.of(classes, dir.resolve("second.xml")), WorkerSettings.defaults(), p -> { });
        assertTrue(first.succeeded() && second.succeeded(), first.error() + " " + second.error());
        List<String> a = identities(parse(first.report().orElseThrow()));
        assertEquals(identities(parse(first.report().orElseThrow())).size(), first.bugCount());
        assertTrue(a.size() > 10, a.toString());
        assertEquals(a, identities(parse(second.report().orElseThrow())));
        assertEquals(first.artifacts(), second.artifacts());
    }

    @Test
    void anExcludeFilterDropsABugType() throws Exception {
        Path filter = Files.writeString(dir.resolve("exclude.xml"), """
                <FindBugsFilter><Match><Bug pattern="PREDICTABLE_RANDOM"/></Match></FindBugsFilter>
                """);
        ScanRequest request = new ScanRequest(List.of(jar), List.of(), dir.resolve("report.xml"),
                RuleSet.securityOnly().withFilters(List.of(), List.of(filter)));
        ScanResult result = scan(request, WorkerSettings.defaults(), p -> { });
        assertTrue(result.succeeded(), result.error().orElse(""));
        List<String> types = parse(result.report().orElseThrow()).stream().map(ReportedFinding::ruleId).toList();
        assertFalse(types.contains("PREDICTABLE_RANDOM"), types.toString());
        assertTrue(types.containsAll(List.of("COMMAND_INJECTION", "SQL_INJECTION_JDBC", "WEAK_MESSAGE_DIGEST_MD5",
                "BACKDOOR_REQUEST_SECRET")), types.toString());
    }

    @Test
    void aTinyTimeoutKillsTheWorker() {
        ScanResult result = scan(ScanRequest.of(jar, dir.resolve("report.xml")),
                WorkerSettings.defaults().withTimeout(Duration.ofMillis(300)), p -> { });
        assertEquals(ScanResult.Outcome.TIMED_OUT, result.outcome());
        assertEquals(OptionalInt.empty(), result.exitStatus());
        assertEquals(Optional.of("the scan timed out after PT0.3S"), result.error());
        assertEquals(Optional.empty(), result.report());
        assertFalse(Files.exists(dir.resolve("report.xml")));
        assertTrue(result.duration().compareTo(Duration.ofSeconds(30)) < 0, result.duration().toString());
    }

    @Test
    void cancelKillsTheWorkerMidScan() throws Exception {
        CountDownLatch analysing = new CountDownLatch(1);
        WhiteBoxScan scan = new WhiteBoxScan(ScanRequest.of(jar, dir.resolve("report.xml")), WorkerSettings.defaults());
        CompletableFuture<ScanResult> running = CompletableFuture.supplyAsync(() -> scan.run(p -> analysing.countDown()));
        assertTrue(analysing.await(60, TimeUnit.SECONDS), "the worker reports progress");
        scan.cancel();
        ScanResult result = running.get(60, TimeUnit.SECONDS);
        assertEquals(ScanResult.Outcome.CANCELLED, result.outcome());
        assertEquals(Optional.of("the scan was cancelled"), result.error());
        assertEquals(Optional.empty(), result.report());
        assertEquals(List.of(), leftovers(dir, ".report.xml"));
    }

    @Test
    void aMissingArtifactFailsWithAClearError() {
        Path missing = dir.resolve("missing.war");
        ScanResult result = scan(ScanRequest.of(missing, dir.resolve("report.xml")), WorkerSettings.defaults(), p -> { });
        assertEquals(ScanResult.Outcome.FAILED, result.outcome());
        assertEquals(OptionalInt.of(WhiteBoxWorker.BAD_INPUT), result.exitStatus());
        assertEquals(Optional.of("artifact not found: " + missing.toAbsolutePath()), result.error());
        assertEquals(List.of(), result.artifacts());
        assertFalse(Files.exists(dir.resolve("report.xml")));
    }

    @Test
    void aCorruptArtifactFailsWithAClearError() throws IOException {
        Path corrupt = Files.writeString(dir.resolve("corrupt.jar"), "this is not a zip");
        ScanResult result = scan(ScanRequest.of(corrupt, dir.resolve("report.xml")), WorkerSettings.defaults(), p -> { });
        assertEquals(ScanResult.Outcome.FAILED, result.outcome());
        assertEquals(OptionalInt.of(WhiteBoxWorker.BAD_INPUT), result.exitStatus());
        assertTrue(result.error().orElseThrow().startsWith("not a readable jar, war or zip: " + corrupt.toAbsolutePath()),
                result.error().orElseThrow());
        assertEquals(1, result.artifacts().size(), "the corrupt file is still hashed");
    }

    @Test
    void aWorkerThatCannotStartFails() {
        ScanResult result = scan(ScanRequest.of(jar, dir.resolve("report.xml")),
                WorkerSettings.defaults().withMaxHeap("1k"), p -> { });
        assertEquals(ScanResult.Outcome.FAILED, result.outcome());
        assertTrue(result.exitStatus().orElseThrow() != 0);
        assertTrue(result.error().orElseThrow().matches("the worker exited with status \\d+ without a report: .*heap.*"),
                result.error().orElseThrow());
        assertTrue(result.logTail().contains("heap"), result.logTail());
    }

    @Test
    void resolvesTheToolsOfThisBuild() {
        WorkerClasspath resolved = WorkerClasspath.resolve(Optional.empty());
        assertTrue(resolved.classpath().stream().anyMatch(p -> p.getFileName().toString().equals("spotbugs-4.10.4.jar")),
                resolved.classpath().toString());
        assertEquals(List.of("findsecbugs-plugin-1.14.0.jar", "scanner-detectors-0.1.0-SNAPSHOT.jar"),
                resolved.plugins().stream().map(p -> p.getFileName().toString()).toList());
    }

    private static ScanResult scan(ScanRequest request, WorkerSettings settings,
            java.util.function.Consumer<ScanProgress> progress) {
        return new WhiteBoxScan(request, settings).run(progress);
    }

    private static List<ReportedFinding> parse(Path report) throws ReportParseException {
        List<ReportedFinding> findings = new ArrayList<>();
        new SpotBugsPlugin().parse(ReportSource.of(report), findings::add);
        return findings;
    }

    private static String logical(ReportedFinding finding) {
        return ((Location.Code) finding.location()).logical().orElse("");
    }

    private static List<String> identities(List<ReportedFinding> findings) {
        return findings.stream().map(f -> f.ruleId() + " " + f.fingerprint() + " " + f.location()).sorted().toList();
    }

    private static List<Path> leftovers(Path dir, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList();
        }
    }
}
