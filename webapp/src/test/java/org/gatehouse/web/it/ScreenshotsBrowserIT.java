package org.gatehouse.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Pictures of the main screens (issue 8), taken from one realistic level-2 project at 1280×900: the login screen,
 * the portfolio (also in Chinese), a release board with its gates and reasons, the findings with one open, the
 * trends, the documents tab, the compliance matrix and the audit trail. Each screen must have rendered (a stable
 * element, no console error or CSP violation) before its picture is taken, so this is a real test too.
 * <p>
 * The PNGs always go to {@code webapp/target/screenshots/}; with {@code -Dgatehouse.screenshots.update=true} also to
 * {@code docs/screenshots/}, which the README shows.
 */
@ExtendWith(GatehouseServer.class)
class ScreenshotsBrowserIT {
    /** The CJK font the documents module bundles for its PDFs (Noto Sans SC, SIL OFL 1.1; ADR 0013). */
    private static final String FONT = "/org/gatehouse/documents/generation/fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";
    private static final String WHITE_BOX = "white-box.no-open-findings";

    /** A SAST report of a shop: five findings, one per severity band (GitHub's security-severity bands), one LOW. */
    private static final String SARIF = """
            {"version":"2.1.0","runs":[{"tool":{"driver":{"name":"CodeAnalyzer","version":"2.4.1","rules":[
             {"id":"java/sql-injection","shortDescription":{"text":"SQL query built from user-controlled sources"},
              "properties":{"security-severity":"9.8"}},
             {"id":"java/path-injection","shortDescription":{"text":"Uncontrolled data used in path expression"},
              "properties":{"security-severity":"7.5"}},
             {"id":"java/hardcoded-credential","shortDescription":{"text":"Hard-coded credential in API call"},
              "properties":{"security-severity":"7.2"}},
             {"id":"java/weak-cryptographic-algorithm","shortDescription":{"text":"Use of a broken or risky cryptographic algorithm"},
              "properties":{"security-severity":"5.3"}},
             {"id":"java/log-injection","shortDescription":{"text":"Log entries created from user input"},
              "properties":{"security-severity":"3.1"}}]}},
             "results":[%s]}]}
            """;

    private static final String[][] RESULTS = {
        {"java/sql-injection", "src/main/java/shop/orders/OrderSearch.java", "42",
            "This query depends on a user-provided value.", "stmt.executeQuery(\\\"SELECT * FROM orders WHERE ref = '\\\" + ref + \\\"'\\\")"},
        {"java/path-injection", "src/main/java/shop/invoices/InvoiceDownload.java", "87",
            "This path depends on a user-provided value.", "Files.readAllBytes(base.resolve(name))"},
        {"java/hardcoded-credential", "src/main/java/shop/payment/PaymentClient.java", "23",
            "Hard-coded password used as an API credential.", "client.login(\\\"shop\\\", \\\"s3cr3t-2024\\\")"},
        {"java/weak-cryptographic-algorithm", "src/main/java/shop/auth/TokenHasher.java", "15",
            "Cryptographic algorithm MD5 is weak and should not be used.", "MessageDigest.getInstance(\\\"MD5\\\")"},
        {"java/log-injection", "src/main/java/shop/cart/CartController.java", "64",
            "This log entry depends on a user-provided value.", "log.info(\\\"coupon \\\" + coupon)"},
    };

    private ChromeDriver browser;
    private final Map<String, Path> taken = new HashMap<>();

    /**
     * Chromium with the bundled CJK font through a fontconfig file of its own (this machine has no CJK font
     * installed: Chinese would show as boxes), its viewport exactly 1280×900.
     */
    @BeforeEach
    void openBrowser() throws IOException {
        Path fonts = Files.createTempDirectory(GatehouseServer.itDirectory(), "fonts");
        try (InputStream in = ScreenshotsBrowserIT.class.getResourceAsStream(FONT)) {
            assertNotNull(in, "the documents module bundles " + FONT);
            Files.copy(in, fonts.resolve("NotoSansSC-Regular.ttf"));
        }
        Path config = fonts.resolve("fonts.conf");
        Files.writeString(config, """
                <?xml version="1.0"?>
                <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
                <fontconfig>
                  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
                  <dir>%s</dir>
                  <cachedir>%s</cachedir>
                </fontconfig>
                """.formatted(fonts, fonts.resolve("cache")));
        browser = Browser.open(Map.of("FONTCONFIG_FILE", config.toString()));
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 1280, "height", 900, "deviceScaleFactor", 1, "mobile", false));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Noon (UTC) n days ago, as SQL. */
    private static String daysAgo(int n) {
        return "(date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' - interval '" + n + " days' + interval '12 hours')";
    }

    private static byte[] report() {
        StringBuilder results = new StringBuilder();
        for (String[] r : RESULTS) {
            results.append(results.isEmpty() ? "" : ",").append("{\"ruleId\":\"").append(r[0]).append("\",\"message\":{\"text\":\"")
                    .append(r[3]).append("\"},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"").append(r[1])
                    .append("\"},\"region\":{\"startLine\":").append(r[2]).append(",\"snippet\":{\"text\":\"").append(r[4])
                    .append("\"}}}}]}");
        }
        return SARIF.formatted(results).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theMainScreensRenderAndArePictured(Api admin, Users users, TestDatabase database) throws IOException {
        // one realistic level-2 project: a release in its requirements phase with requirements, a manual test case,
        // a SAST report with a finding of every severity, some history behind it, generated documents
        String project = "WEBSHOP"; // a fresh database per test JVM (GatehouseServer): no other test uses this key
        Api.Reply created = admin.post("/api/v1/projects", """
                {"key":"%s","name":"Web Shop","description":"Online shop of an SME: catalogue, cart, payment",\
                "protectionLevel":2,"owner":"alice"}""".formatted(project));
        assertEquals(201, created.status(), created::toString);
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        Api developer = users.withProjectRole("DEVELOPER", project);
        Api tester = users.withProjectRole("TESTER", project);
        Api.Reply opened = owner.post("/api/v1/projects/" + project + "/releases", "{\"version\":\"2.4.0\"}");
        assertEquals(201, opened.status(), opened::toString);
        String release = opened.json().get("id").asText();
        ReleaseDriver d = new ReleaseDriver(owner, release);
        assertEquals(200, owner.put(d.at("/risk-assessment"), "{\"assetValue\":2,\"likelihood\":2,\"impact\":3,"
                + "\"threats\":\"coupon abuse, card data theft\",\"businessLoss\":\"fraud, loss of customer trust\"}").status());
        for (String requirement : List.of(
                "{\"title\":\"A coupon is redeemed once\",\"ticket\":\"SHOP-142\",\"testPoint\":\"Redeem one coupon twice in parallel\"}",
                "{\"title\":\"Invoices are only downloaded by their customer\",\"testPoint\":\"Download another customer's invoice\"}",
                "{\"title\":\"Refunds go to the original payment method\",\"testPoint\":\"Refund to another card\"}")) {
            Api.Reply added = developer.post(d.at("/requirements"), requirement);
            assertEquals(201, added.status(), added::toString);
        }
        Api.Reply testCase = tester.post(d.at("/test-cases"), "{\"title\":\"Coupon replay\",\"steps\":\"Redeem the same coupon "
                + "from two sessions at once\",\"expectedResult\":\"One redemption, the second refused\",\"requirements\":[\"SR-P-1\"]}");
        assertEquals(201, testCase.status(), testCase::toString);
        assertEquals(201, tester.post("/api/v1/test-cases/" + testCase.json().get("id").asText() + "/executions",
                "{\"result\":\"PASSED\"}").status());
        Api.Reply imported = developer.upload(release, "code-analyzer.sarif", report(), "scanner", "sarif");
        assertEquals(201, imported.status(), imported::toString);
        Map<String, String> ids = new HashMap<>();
        for (JsonNode f : owner.get("/api/v1/findings?project=" + project).json().get("items")) {
            ids.put(f.get("location").asText().replaceAll(".*/(\\w+)\\.java.*", "$1"), f.get("id").asText());
        }
        assertEquals(5, ids.size(), ids::toString);
        assertEquals(200, owner.post("/api/v1/findings/" + ids.get("PaymentClient") + "/triage", "{\"action\":\"mark-fixed\"}",
                "If-Match", "*").status());
        assertEquals(200, owner.post("/api/v1/findings/" + ids.get("OrderSearch") + "/triage", "{\"action\":\"confirm\"}",
                "If-Match", "*").status());
        // history behind the application: found three weeks ago, one fixed after nine days, the SQL injection overdue
        String in = " WHERE project_key = '" + project + "'";
        database.execute(database.owner(),
                "UPDATE release SET created_at = " + daysAgo(30) + in,
                "UPDATE finding SET created_at = " + daysAgo(21) + ", due_at = " + daysAgo(-20) + in,
                "UPDATE finding SET created_at = " + daysAgo(9) + " WHERE id = '" + ids.get("CartController") + "'",
                "UPDATE finding SET due_at = " + daysAgo(3) + " WHERE id = '" + ids.get("OrderSearch") + "'",
                "UPDATE finding_event SET occurred_at = " + daysAgo(12) + " WHERE finding_id = '" + ids.get("PaymentClient") + "'",
                "SELECT gatehouse_rebuild_finding_trends('" + project + "')");
        for (String kind : List.of("security-requirements", "code-scan-report")) {
            Api.Reply generated = owner.post(d.at("/documents/" + kind), "{\"language\":\"en\",\"changeNote\":\"first issue\"}");
            assertEquals(201, generated.status(), generated::toString);
        }
        Api auditor = users.withGlobalRole("AUDITOR");
        String base = admin.base().resolve("/").toString();

        browser.get(base);
        waiting().until(d2 -> d2.findElement(By.id("login-form")).isDisplayed());
        picture("login");

        Browser.logIn(browser, owner.loginName(), Users.PASSWORD);
        open(base, "#/portfolio", "portfolio");
        WebElement row = waiting().until(x -> x.findElement(By.cssSelector("#portfolio-rows tr[data-project='" + project + "']")));
        assertTrue(row.getText().contains("Web Shop"), row.getText());
        assertEquals("1", row.findElement(By.cssSelector("td[data-severity=CRITICAL]")).getText());
        waiting().until(x -> "blocked".equals(x.findElement(By.id("gate-" + release)).getAttribute("data-state")));
        picture("portfolio");

        open(base, "#/releases/" + release, "releases");
        WebElement current = waiting().until(x -> x.findElement(By.cssSelector("#pipeline li[aria-current=step]")));
        assertEquals("REQUIREMENTS", current.getAttribute("data-phase"));
        WebElement whiteBox = waiting().until(x -> x.findElement(By.cssSelector("#board-gates li.chip[data-gate='" + WHITE_BOX + "']")));
        assertEquals("BLOCKED", whiteBox.getAttribute("data-outcome"));
        assertTrue(whiteBox.getText().contains("still open"), whiteBox.getText());
        picture("release-board");

        open(base, "#/findings/" + ids.get("OrderSearch"), "findings");
        waiting().until(x -> x.findElements(By.cssSelector("#findings-rows tr")).size() >= 4);
        waiting().until(x -> x.findElement(By.id("finding-detail")).getText().contains("OrderSearch.java"));
        assertTrue(browser.findElement(By.id("finding-title")).isDisplayed());
        picture("findings");

        open(base, "#/trends", "trends");
        new Select(waiting().until(x -> x.findElement(By.id("trends-project")))).selectByValue(project);
        waiting().until(x -> new Select(x.findElement(By.id("trends-release"))).getOptions().size() == 1);
        for (String chart : List.of("chart-open", "chart-fix", "chart-burn")) {
            // animations are off (lib/charts.js): drawn is drawn
            waiting().until(x -> "true".equals(x.findElement(By.id(chart)).getAttribute("data-drawn")));
        }
        picture("trends");

        open(base, "#/releases/" + release + "/documents", "releases");
        waiting().until(x -> x.findElement(By.id("document-generate")));
        waiting().until(x -> x.findElement(By.cssSelector("tr[data-kind=code-scan-report][data-version='1']")));
        assertTrue(browser.findElement(By.cssSelector("tr[data-kind=security-requirements][data-version='1']")).isDisplayed());
        picture("documents");

        open(base, "#/projects/" + project + "/compliance", "projects");
        waiting().until(x -> x.findElements(By.cssSelector("tr[data-clause]")).size() > 20);
        assertTrue(browser.findElement(By.id("compliance-counts")).isDisplayed());
        picture("compliance");

        open(base, "#/portfolio", "portfolio");
        waiting().until(x -> x.findElement(By.cssSelector("#portfolio-rows tr[data-project='" + project + "']")));
        browser.findElement(By.id("language")).click();
        waiting().until(x -> x.findElement(By.id("nav-portfolio")).getText().equals("项目总览"));
        waiting().until(x -> x.findElement(By.cssSelector("#portfolio-rows tr[data-project='" + project + "'] td.level"))
                .getText().equals("第 2 级"));
        waiting().until(x -> x.findElement(By.id("gate-" + release)).getText().contains("关口受阻"));
        picture("portfolio-zh-CN");
        browser.findElement(By.id("language")).click();
        waiting().until(x -> x.findElement(By.id("nav-portfolio")).getText().equals("Portfolio"));

        browser.findElement(By.id("logout")).click();
        waiting().until(x -> x.findElement(By.id("login-form")));
        Browser.logIn(browser, auditor.loginName(), Users.PASSWORD);
        open(base, "#/admin/audit", "admin");
        WebElement filter = waiting().until(x -> x.findElement(By.id("audit-filter")));
        filter.findElement(By.id("audit-target")).sendKeys("release:" + release);
        filter.findElement(By.cssSelector("button[type=submit]")).click();
        waiting().until(x -> x.findElements(By.cssSelector("#audit-rows tr")).size() >= 3);
        assertTrue(browser.findElement(By.id("audit-rows")).getText().contains("requirement.added"));
        browser.findElement(By.id("audit-verify")).click();
        waiting().until(x -> "intact".equals(x.findElement(By.id("audit-verification")).getAttribute("data-state")));
        picture("audit-trail");

        assertEquals(9, taken.size(), taken::toString);
    }

    /** Opens a route and waits until that screen has rendered. */
    private void open(String base, String hash, String screen) {
        browser.get(base + hash);
        waiting().until(x -> screen.equals(x.findElement(By.id("view")).getAttribute("data-screen")));
    }

    /** Asserts a clean console, then writes the picture to target (and to docs/screenshots when asked to update). */
    private void picture(String name) throws IOException {
        List<LogEntry> errors = Browser.errors(browser);
        assertTrue(errors.isEmpty(), () -> name + ": browser console errors (CSP violations among them): " + errors);
        byte[] png = browser.getScreenshotAs(OutputType.BYTES);
        assertTrue(png.length > 10_000, name + " is a picture of something");
        assertEquals(List.of(1280L, 900L), browser.executeScript("return [window.innerWidth, window.innerHeight]"), name);
        Path target = Path.of(System.getProperty("gatehouse.screenshots.dir", "target/screenshots"), name + ".png");
        Files.createDirectories(target.getParent());
        Files.write(target, png);
        taken.put(name, target);
        if (Boolean.parseBoolean(System.getProperty("gatehouse.screenshots.update", "false"))) {
            Path docs = Path.of(System.getProperty("gatehouse.screenshots.docs", "../docs/screenshots"), name + ".png");
            Files.createDirectories(docs.getParent());
            Files.write(docs, png);
        }
    }
}
