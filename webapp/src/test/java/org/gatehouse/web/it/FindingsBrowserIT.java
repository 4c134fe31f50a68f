package org.gatehouse.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web UI in a real browser (issue 8): log in, upload a report, list, filter and open findings,
 * triage one, switch to Chinese, all under the strict CSP, with hostile scanner text shown as text;
 * bulk triage, a risk acceptance requested by one person and approved by a security reviewer from the
 * pending-approval filter, a manual re-test, and the history in the reader's language (issue 4, B.1.3.1-ih).
 */
@InBrowser
class FindingsBrowserIT {
    /** A SARIF result whose rule and message try to inject markup and script. */
    static final String HOSTILE = "<img src=x onerror=\\\"window.__pwned=1\\\">";

    private ChromeDriver browser;

    private WebDriverWait waiting() {
        // the list and the detail are rendered anew after every change: an element may go stale between find and read
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    private List<WebElement> rows() {
        return browser.findElements(By.cssSelector("#findings-rows tr"));
    }

    private void open(String file) {
        waiting().until(d -> {
            rows().stream().filter(r -> r.getText().contains(file)).findFirst().orElseThrow()
                    .findElement(By.cssSelector("td.title")).click();
            return d.findElement(By.id("finding-detail")).getText().contains(file);
        });
    }

    private String detail() {
        return browser.findElement(By.id("finding-detail")).getText();
    }

    @Test
    void aRiskAcceptanceIsRequestedByOnePersonAndApprovedByASecurityReviewer(Api admin, Users users) {
        String project = Fixtures.createProject(admin, "RAB");
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        Api developer = users.withProjectRole("DEVELOPER", project);
        Api reviewer = users.withProjectRole("SECURITY_REVIEWER", project);
        String release = owner.post("/api/v1/projects/" + project + "/releases", "{\"version\":\"1.0\"}").json().get("id")
                .asText();
        assertEquals(201, owner.upload(release, "scan.sarif", FindingsIT.sarif("", 0, FindingsIT.A, FindingsIT.B,
                FindingsIT.C), "scanner", "sarif").status());
        // Login.java is gone from the next report: fixed (unverified), "no longer detected" in its history
        assertEquals(201, owner.upload(release, "scan.sarif", FindingsIT.sarif("", 0, FindingsIT.A, FindingsIT.B),
                "scanner", "sarif").status());

        // the developer confirms both open findings at once, then asks to accept the risk of one
        browser.get(admin.base().resolve("/").toString());
        Browser.logIn(browser, developer.loginName(), Users.PASSWORD);
        browser.findElement(By.id("nav-findings")).click();
        waiting().until(d -> rows().size() == 2);
        rows().forEach(r -> r.findElement(By.cssSelector("input.pick")).click());
        assertEquals("2 selected", browser.findElement(By.id("bulk-count")).getText());
        assertTrue(browser.findElement(By.id("bulk-approve")).getAttribute("hidden") != null,
                "developers decide no requests");
        new Select(browser.findElement(By.id("bulk-action"))).selectByValue("confirm");
        browser.findElement(By.id("bulk-apply")).click();
        waiting().until(d -> d.findElement(By.id("bulk-result")).getText().equals("2 changed, 0 refused."));
        waiting().until(d -> rows().size() == 2 && rows().stream().allMatch(r -> r.getText().contains("Confirmed")));

        open("Cart.java");
        assertTrue(browser.findElements(By.cssSelector("#finding-detail button[data-action=approve]")).isEmpty());
        WebElement until = browser.findElement(By.id("accept-until"));
        assertTrue(until.getAttribute("max").compareTo(until.getAttribute("value")) >= 0, "the server's limit is the max");
        browser.findElement(By.id("accept-reason")).sendKeys("internal admin tool <b>only</b>, replaced in Q3");
        browser.findElement(By.cssSelector("button[data-action=request-risk-acceptance]")).click();
        waiting().until(d -> d.findElement(By.id("pending-request")).getText().contains("Pending: Risk accepted, requested by "
                + developer.loginName()));
        assertTrue(detail().contains("internal admin tool <b>only</b>"), "the justification is shown as typed");
        assertTrue(browser.findElements(By.cssSelector("#finding-detail b")).isEmpty());
        assertTrue(browser.findElements(By.cssSelector("#finding-detail button[data-action=approve]")).isEmpty(),
                "never on one's own request");
        browser.findElement(By.id("logout")).click();

        // the security reviewer finds it among the requests pending approval and approves it
        Browser.logIn(browser, reviewer.loginName(), Users.PASSWORD);
        browser.findElement(By.id("nav-findings")).click();
        waiting().until(d -> rows().size() == 2);
        browser.findElement(By.id("pending")).click();
        browser.findElement(By.cssSelector("#findings-filter button[type=submit]")).click();
        waiting().until(d -> rows().size() == 1 && rows().get(0).getText().contains("Cart.java")
                && rows().get(0).getText().contains("(Risk accepted requested)"));
        open("Cart.java");
        browser.findElement(By.id("decision-reason")).sendKeys("until the replacement ships");
        browser.findElement(By.cssSelector("button[data-action=approve]")).click();
        waiting().until(d -> "RISK_ACCEPTED".equals(d.findElement(By.id("finding-state")).getAttribute("data-state")));
        assertEquals("Risk accepted", browser.findElement(By.id("finding-state")).getText());
        assertTrue(detail().contains("Approved by " + reviewer.loginName()), detail());
        assertTrue(detail().contains("Confirmed → Risk accepted (internal admin tool <b>only</b>, replaced in Q3 / until the"
                + " replacement ships)"), detail());
        waiting().until(d -> rows().isEmpty());

        // in Chinese: the states and Gatehouse's own reasons, a person's words as typed
        browser.findElement(By.id("language")).click();
        waiting().until(d -> d.findElement(By.id("nav-findings")).getText().equals("发现项"));
        waiting().until(d -> d.findElement(By.id("finding-state")).getText().equals("已接受风险"));
        assertTrue(detail().contains("已确认 → 已接受风险 (internal admin tool"), detail());
        new Select(browser.findElement(By.id("state"))).selectByValue("");
        browser.findElement(By.cssSelector("#findings-filter button[type=submit]")).click();
        waiting().until(d -> rows().size() == 3);
        open("Login.java");
        assertTrue(detail().contains("新建 → 已修复（待验证） (不再被检测到)"), detail());
        assertTrue(!detail().contains("no longer detected"), detail());

        // a manual re-test of the claimed fix by the reviewer verifies it
        browser.findElement(By.id("retest-note")).sendKeys("login throttled, checked by hand");
        browser.findElement(By.cssSelector("button[data-action=retest-pass]")).click();
        waiting().until(d -> "VERIFIED".equals(d.findElement(By.id("finding-state")).getAttribute("data-state")));
        assertEquals("已验证", browser.findElement(By.id("finding-state")).getText());
        assertTrue(detail().contains("已修复（待验证） → 已验证 (login throttled, checked by hand)"), detail());

        List<?> errors = Browser.errors(browser);
        assertTrue(errors.isEmpty(), () -> "browser console errors (CSP violations among them): " + errors);
    }

    /**
     * A manual test's reasons in a finding's history are Gatehouse's (V34: a key with the test case's key as argument):
     * shown in Chinese with the case's key in its place; the developer's own reason as typed.
     */
    @Test
    void aManualTestsReasonsAreShownInChineseWithTheTestCasesKey(Api admin, Users users) {
        String project = Fixtures.createProject(admin, "MTB");
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        Api tester = users.withProjectRole("TESTER", project);
        Api developer = users.withProjectRole("DEVELOPER", project);
        String release = owner.post("/api/v1/projects/" + project + "/releases", "{\"version\":\"1.0\"}").json().get("id")
                .asText();
        Api.Reply created = tester.post("/api/v1/releases/" + release + "/test-cases", "{\"title\":\"Coupon codes cannot"
                + " be replayed\",\"steps\":\"Redeem a coupon twice.\",\"expectedResult\":\"The second is refused.\"}");
        assertEquals(201, created.status(), created::toString);
        String executions = "/api/v1/test-cases/" + created.json().get("id").asText() + "/executions";
        Api.Reply failed = tester.post(executions, "{\"result\":\"FAILED\",\"severity\":\"HIGH\"}");
        assertEquals(201, failed.status(), failed::toString);
        String finding = failed.json().get("finding").get("id").asText();
        assertEquals(200, developer.post("/api/v1/findings/" + finding + "/triage",
                "{\"action\":\"mark-fixed\",\"reason\":\"single-use <i>now</i>\"}", "If-Match", "*").status());
        assertEquals(201, tester.post(executions, "{\"result\":\"PASSED\"}").status());
        assertEquals(201, tester.post(executions, "{\"result\":\"FAILED\",\"severity\":\"HIGH\"}").status());

        browser.get(admin.base().resolve("/").toString());
        Browser.logIn(browser, owner.loginName(), Users.PASSWORD);
        browser.findElement(By.id("nav-findings")).click();
        waiting().until(d -> rows().size() == 1);
        open("Coupon codes");
        waiting().until(d -> detail().contains("(filed: manual test MT-001 failed)"));
        assertTrue(detail().contains("(re-tested: manual test MT-001 passed)"), detail());
        browser.findElement(By.id("language")).click();
        waiting().until(d -> d.findElement(By.id("nav-findings")).getText().equals("发现项"));
        waiting().until(d -> detail().contains("新建 → 新建 (已登记：手工测试 MT-001 未通过)"));
        String history = browser.findElement(By.id("finding-history")).getText();
        assertTrue(history.contains("已修复（待验证） → 已验证 (已复测：手工测试 MT-001 通过)"), history);
        assertTrue(history.contains("已验证 → 重新打开 (手工测试 MT-001 再次未通过)"), history);
        assertTrue(history.contains("(single-use <i>now</i>)"), "a person's reason as typed: " + history);
        assertTrue(browser.findElements(By.cssSelector("#finding-history i")).isEmpty(), "as text, never markup");
        assertTrue(!history.contains("manual test"), history);

        List<?> errors = Browser.errors(browser);
        assertTrue(errors.isEmpty(), () -> "browser console errors (CSP violations among them): " + errors);
    }

    /** A ZAP instance whose attack and evidence are markup: shown by key, as text (issue 4: per-instance details). */
    @Test
    void aZapInstancesConfidenceWascAndEvidenceAreShownAsText(Api admin, Users users) {
        String project = Fixtures.createProject(admin, "ZAPD");
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        String release = owner.post("/api/v1/projects/" + project + "/releases", "{\"version\":\"1.0\"}").json().get("id")
                .asText();
        String markup = "&lt;img src=x onerror=window.__pwned=1&gt;";
        String zap = "<?xml version=\"1.0\"?><OWASPZAPReport version=\"2.14.0\" generated=\"Mon, 1 Dec 2026 09:00:00\">"
                + "<site name=\"http://shop.example:8080\" host=\"shop.example\" port=\"8080\" ssl=\"false\"><alerts>"
                + "<alertitem><pluginid>40012</pluginid><alertRef>40012</alertRef><alert>Cross Site Scripting (Reflected)"
                + "</alert><name>Cross Site Scripting (Reflected)</name><riskcode>3</riskcode><confidence>2</confidence>"
                + "<riskdesc>High (Medium)</riskdesc><desc>Reflected XSS</desc><instances><instance>"
                + "<uri>http://shop.example:8080/search?q=1</uri><method>GET</method><param>q</param><attack>" + markup
                + "</attack><evidence>" + markup + "</evidence></instance></instances><count>1</count>"
                + "<solution>Encode output</solution><cweid>79</cweid><wascid>8</wascid><sourceid>1</sourceid>"
                + "</alertitem></alerts></site></OWASPZAPReport>";
        assertEquals(201, owner.upload(release, "zap.xml", zap.getBytes(StandardCharsets.UTF_8), "scanner", "zap").status());

        browser.get(admin.base().resolve("/").toString());
        Browser.logIn(browser, owner.loginName(), Users.PASSWORD);
        browser.findElement(By.id("nav-findings")).click();
        waiting().until(d -> rows().size() == 1);
        open("/search");
        // the detail is rendered anew when the list reloads: read it inside the wait, which ignores stale elements
        String text = waiting().until(d -> {
            List<WebElement> shown = d.findElements(By.cssSelector("#finding-detail dl.occurrence-details"));
            return shown.isEmpty() ? null : shown.get(0).getText();
        });
        assertTrue(text.contains("Confidence\nMedium"), text);
        assertTrue(text.contains("Risk\nHigh"), text);
        assertTrue(text.contains("WASC\nWASC-8"), text);
        assertTrue(text.contains("Evidence\n<img src=x onerror=window.__pwned=1>"), text);
        assertTrue(browser.findElements(By.cssSelector("#finding-detail img")).isEmpty(), "markup shown as text");
        assertEquals(null, browser.executeScript("return window.__pwned"));
    }

    @Test
    void aDeveloperUploadsAReportAndTriagesItsFindings(Api admin, Users users) throws Exception {
        String project = Fixtures.createProject(admin, "WEB");
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        owner.post("/api/v1/projects/" + project + "/releases", "{\"version\":\"2.0\"}");
        String sarif = new String(FindingsIT.sarif("", 0, FindingsIT.A, FindingsIT.B, FindingsIT.C), StandardCharsets.UTF_8)
                .replace("problem in src/main/java/shop/Cart.java", HOSTILE);
        Path report = Files.createTempFile(GatehouseServer.itDirectory(), "report", ".sarif");
        Files.writeString(report, sarif);

        browser.get(admin.base().resolve("/").toString());
        WebElement form = waiting().until(d -> d.findElement(By.id("login-form")));
        form.findElement(By.id("login")).sendKeys(owner.loginName());
        form.findElement(By.id("password")).sendKeys(Users.PASSWORD);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        // the start screen is the portfolio now; the notice shows there
        assertTrue(waiting().until(d -> d.findElement(By.id("previous-login"))).getText().contains("Previous login"));
        waiting().until(d -> "portfolio".equals(d.findElement(By.id("view")).getAttribute("data-screen")));

        browser.findElement(By.id("nav-import")).click();
        WebElement upload = waiting().until(d -> d.findElement(By.id("upload-form")));
        waiting().until(d -> new Select(d.findElement(By.id("release"))).getOptions().size() == 1);
        new Select(upload.findElement(By.id("scanner"))).selectByValue("sarif");
        upload.findElement(By.id("report")).sendKeys(report.toString());
        upload.findElement(By.cssSelector("button[type=submit]")).click();
        waiting().until(d -> d.findElement(By.id("upload-result")).getText().startsWith("Imported: 3 created"));

        browser.findElement(By.id("nav-findings")).click();
        waiting().until(d -> d.findElements(By.cssSelector("#findings-rows tr")).size() == 3);
        new Select(browser.findElement(By.id("severity"))).selectByValue("MEDIUM");
        browser.findElement(By.cssSelector("#findings-filter button[type=submit]")).click();
        waiting().until(d -> d.findElements(By.cssSelector("#findings-rows tr")).size() == 1);
        new Select(browser.findElement(By.id("severity"))).selectByValue("");
        browser.findElement(By.cssSelector("#findings-filter button[type=submit]")).click();
        waiting().until(d -> d.findElements(By.cssSelector("#findings-rows tr")).size() == 3);

        // the finding with the hostile message: shown as text, nothing injected
        WebElement cart = browser.findElements(By.cssSelector("#findings-rows tr")).stream()
                .filter(row -> row.getText().contains("Cart.java")).findFirst().orElseThrow();
        cart.click();
        WebElement detail = waiting().until(d -> {
            WebElement aside = d.findElement(By.id("finding-detail"));
            return aside.getText().contains("onerror") ? aside : null;
        });
        assertTrue(detail.findElement(By.cssSelector(".description")).getText().contains("<img src=x onerror="));
        assertTrue(detail.findElements(By.tagName("img")).isEmpty(), "scanner text is never parsed as markup");
        assertEquals(null, browser.executeScript("return window.__pwned;"));

        detail.findElement(By.cssSelector("button[data-action=confirm]")).click();
        waiting().until(d -> d.findElement(By.id("finding-detail")).getText().contains("New → Confirmed"));
        waiting().until(d -> d.findElements(By.cssSelector("#findings-rows tr")).stream()
                .anyMatch(row -> row.getText().contains("Cart.java") && row.getText().contains("Confirmed")));

        browser.findElement(By.id("language")).click();
        waiting().until(d -> d.findElement(By.id("nav-findings")).getText().equals("发现项"));
        assertEquals("严重程度", browser.findElement(By.cssSelector("#findings-table th:nth-child(2)")).getText());
        // severities in the reader's language too (the filter keeps the API's values)
        waiting().until(d -> d.findElements(By.cssSelector("#findings-rows span.severity")).stream()
                .anyMatch(e -> e.getText().equals("中")));
        assertEquals("中", new Select(browser.findElement(By.id("severity"))).getOptions().stream()
                .filter(o -> "MEDIUM".equals(o.getAttribute("value"))).findFirst().orElseThrow().getText());

        // a white-box scan of a jar, followed live to its end
        browser.findElement(By.id("nav-scan")).click();
        WebElement scan = waiting().until(d -> d.findElement(By.id("scan-form")));
        waiting().until(d -> new Select(d.findElement(By.id("scan-release"))).getOptions().size() == 1);
        Path jar = Files.write(Files.createTempFile(GatehouseServer.itDirectory(), "shop", ".jar"), Artifacts.vulnerableJar());
        scan.findElement(By.id("artifact")).sendKeys(jar.toString());
        scan.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(120))
                .until(d -> "SUCCEEDED".equals(d.findElement(By.id("scan-state")).getAttribute("data-state")));
        assertTrue(browser.findElement(By.id("scan-state")).getText().contains("1"), "classes analysed are shown");

        List<?> errors = Browser.errors(browser);
        assertTrue(errors.isEmpty(), () -> "browser console errors (CSP violations among them): " + errors);
    }
}
