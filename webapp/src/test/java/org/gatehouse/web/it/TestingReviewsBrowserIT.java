package org.gatehouse.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The testing and reviews tabs of the release board and the release certificate in a real browser
 * (issue 8): a tester adds the security-function checklist (twice: nothing more the second time) and a
 * case, and records a failed execution (which files a finding) and then a passed one; a developer
 * records a design recommendation (a disputed one needs a note); a security reviewer writes the audit
 * conclusion and signs it on the shared sign-off card; a released release shows its certificate, and
 * checking the downloaded bytes says VALID; in English and Chinese, under the strict CSP.
 */
@InBrowser
class TestingReviewsBrowserIT {
    private ChromeDriver browser;

    private WebDriverWait waiting() {
        // a tab is rendered anew after every change: an element may go stale between find and read
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private void logIn(Api who) {
        Browser.logIn(browser, who.loginName(), Users.PASSWORD);
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    @Test
    void testersTestReviewersReviewAndAReleasedReleaseShowsAValidCertificate(Api admin, Users users) {
        String project = Fixtures.uniqueKey("TRB");
        Api.Reply created = admin.post("/api/v1/projects", Fixtures.project(project, "Shop " + project, 1));
        assertEquals(201, created.status(), created::toString);
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        Api developer = users.withProjectRole("DEVELOPER", project);
        Api tester = users.withProjectRole("TESTER", project);
        Api reviewer = users.withProjectRole("SECURITY_REVIEWER", project);
        Api.Reply opened = owner.post("/api/v1/projects/" + project + "/releases", "{\"version\":\"5.0\"}");
        assertEquals(201, opened.status(), opened::toString);
        String board = admin.base().resolve("/#/releases/" + opened.json().get("id").asText()).toString();

        // the tester: the checklist (idempotent), a case, a failed then a passed execution
        browser.get(admin.base().resolve("/").toString());
        logIn(tester);
        browser.get(board);
        waiting().until(d -> d.findElement(By.id("board-tab-testing"))).click();
        waiting().until(d -> d.findElement(By.id("tc-checklist"))).click();
        waiting().until(d -> d.findElements(By.cssSelector("#tc-table tbody tr")).size() == 12);
        assertTrue(text("#tc-notice").contains("12 case(s) added"), text("#tc-notice"));
        WebElement first = browser.findElement(By.cssSelector("#tc-table tbody tr"));
        assertEquals("SF-01", first.getAttribute("data-key"));
        assertTrue(first.getText().contains("checklist") && first.getText().contains("○ not executed"), first.getText());
        browser.findElement(By.id("tc-checklist")).click();
        waiting().until(d -> d.findElement(By.id("tc-notice")).getText().contains("0 case(s) added"));
        assertEquals(12, browser.findElements(By.cssSelector("#tc-table tbody tr")).size());

        browser.findElement(By.id("tc-title")).sendKeys("Coupons cannot be replayed");
        browser.findElement(By.id("tc-steps")).sendKeys("Redeem one coupon in two parallel requests");
        browser.findElement(By.id("tc-expected")).sendKeys("Exactly one redemption");
        browser.findElement(By.id("tc-requirements")).sendKeys("SR-7.8.3-1");
        browser.findElement(By.id("tc-submit")).click();
        waiting().until(d -> d.findElement(By.id("tc-notice")).getText().contains("MT-001 added"));
        assertTrue(text("#tc-table tr[data-key='MT-001']").contains("SR-7.8.3-1"));
        assertEquals("MT-001", browser.findElement(By.id("tc-detail")).getAttribute("data-key"));
        assertTrue(browser.findElement(By.id("exec-none")).isDisplayed());

        assertTrue(!browser.findElement(By.id("exec-severity")).isDisplayed(), "the severity only goes with FAILED");
        new Select(browser.findElement(By.id("exec-result"))).selectByValue("FAILED");
        new Select(browser.findElement(By.id("exec-severity"))).selectByValue("MEDIUM");
        browser.findElement(By.id("exec-notes")).sendKeys("the second request redeemed it again");
        browser.findElement(By.id("exec-evidence")).sendKeys("HTTP 200 twice");
        browser.findElement(By.id("exec-url")).sendKeys("https://ci.example/evidence/1");
        browser.findElement(By.id("exec-submit")).click();
        waiting().until(d -> d.findElement(By.id("tc-notice")).getText().contains("filed finding"));
        WebElement failed = browser.findElement(By.cssSelector("#exec-list li"));
        assertEquals("FAILED", failed.getAttribute("data-result"));
        assertTrue(failed.getText().contains("✗ failed") && failed.getText().contains("medium")
                && failed.getText().contains("HTTP 200 twice"), failed.getText());
        assertEquals("https://ci.example/evidence/1", failed.findElement(By.cssSelector("a[href^='https:']")).getAttribute("href"));
        String finding = failed.findElement(By.cssSelector("a.finding-link")).getAttribute("data-finding");
        assertTrue(text("#tc-notice").contains(finding), text("#tc-notice"));
        assertEquals("FAILED", browser.findElement(By.cssSelector("#tc-table tr[data-key='MT-001']")).getAttribute("data-result"));

        new Select(browser.findElement(By.id("exec-result"))).selectByValue("PASSED");
        browser.findElement(By.id("exec-submit")).click();
        waiting().until(d -> "PASSED".equals(d.findElement(By.cssSelector("#exec-list li")).getAttribute("data-result")));
        assertEquals(List.of("PASSED", "FAILED"), browser.findElements(By.cssSelector("#exec-list li")).stream()
                .map(li -> li.getAttribute("data-result")).toList(), "newest first");
        assertTrue(text("#tc-table tr[data-key='MT-001']").contains("✓ passed"));

        // the developer: a disputed recommendation needs a note; then it is recorded
        browser.findElement(By.id("logout")).click();
        logIn(developer);
        browser.get(board + "/reviews");
        waiting().until(d -> d.findElement(By.id("dr-form")));
        assertTrue(browser.findElements(By.id("ar-form")).isEmpty(), "only security reviewers conclude the audit");
        assertTrue(browser.findElements(By.cssSelector(".pp-form")).isEmpty(), "owners and reviewers check the checklist");
        assertTrue(browser.findElements(By.cssSelector("#untraced li[data-key='SR-7.8.3-1']")).size() == 1);
        new Select(browser.findElement(By.id("dr-topic"))).selectByValue("architecture");
        browser.findElement(By.id("dr-subject")).sendKeys("Coupon redemption");
        browser.findElement(By.id("dr-recommendation")).sendKeys("One transaction and a unique constraint per coupon");
        browser.findElement(By.id("dr-requirements")).sendKeys("SR-7.8.3-1");
        new Select(browser.findElement(By.id("dr-decision"))).selectByValue("disputed");
        browser.findElement(By.id("dr-submit")).click();
        waiting().until(d -> d.findElement(By.id("dr-error")).getText().contains("needs a decision note"));
        browser.findElement(By.id("dr-note")).sendKeys("the database team prefers optimistic locking");
        browser.findElement(By.id("dr-submit")).click();
        WebElement recommendation = waiting().until(d -> d.findElement(By.cssSelector("#dr-table tr[data-key='DR-1']")));
        assertEquals("DISPUTED", recommendation.getAttribute("data-decision"));
        assertTrue(recommendation.getText().contains("✗ disputed") && recommendation.getText().contains("optimistic locking")
                && recommendation.getText().contains("architecture"), recommendation.getText());
        assertTrue(!browser.findElements(By.cssSelector("#untraced li[data-key='SR-7.8.3-1']")).isEmpty(),
                "a disputed recommendation traces nothing");
        assertTrue(text("#review-signoffs section[data-subject='design-recommendations']").contains("Developer"));

        // a released release, driven through the API
        String released = ReleaseDriver.released(owner, developer, tester, reviewer, project, "4.9");

        // the security reviewer: the audit conclusion, signed on the shared card
        browser.findElement(By.id("logout")).click();
        logIn(reviewer);
        browser.get(board + "/reviews");
        waiting().until(d -> d.findElement(By.id("ar-form")));
        assertTrue(browser.findElement(By.id("audit-none")).isDisplayed());
        new Select(browser.findElement(By.id("ar-verdict"))).selectByValue("APPROVE");
        browser.findElement(By.id("ar-conclusion")).sendKeys("The coupon replay is tracked as a finding; approve.");
        browser.findElement(By.id("ar-submit")).click();
        WebElement verdict = waiting().until(d -> d.findElement(By.id("audit-verdict")));
        assertEquals("APPROVE", verdict.getAttribute("data-verdict"));
        assertTrue(verdict.getText().contains("✓ approve"), verdict.getText());
        assertTrue(text("#audit-findings").contains("MEDIUM"), text("#audit-findings"));
        String audit = "#review-signoffs section[data-subject='security-audit-report']";
        browser.findElement(By.cssSelector(audit + " button.sign-as[data-role=SECURITY_REVIEWER]")).click();
        waiting().until(d -> "signed".equals(d.findElement(By.cssSelector(audit + " li[data-role=SECURITY_REVIEWER]"))
                .getAttribute("data-state")));
        assertEquals(5, browser.findElements(By.cssSelector(".pp-form")).size());

        // the certificate of the released release: downloaded bytes verified, the CA to pin
        browser.get(admin.base().resolve("/#/releases/" + released).toString());
        waiting().until(d -> d.findElement(By.id("cert-verify"))).click();
        WebElement valid = waiting().until(d -> d.findElement(By.cssSelector("#cert-verdict [data-verdict]")));
        assertEquals("VALID", valid.getAttribute("data-verdict"), () -> text("#cert-verdict"));
        assertTrue(!browser.findElements(By.cssSelector("#cert-checks li[data-passed=true]")).isEmpty());
        assertTrue(browser.findElements(By.cssSelector("#cert-checks li[data-passed=false]")).isEmpty());
        String pin = new Api(admin.base()).get("/api/v1/certificates/authority").json().get("sha256").asText();
        waiting().until(d -> d.findElement(By.id("cert-ca-sha256")).getText().equals(pin));
        assertTrue(browser.findElement(By.id("cert-download")).getAttribute("href").endsWith("/api/v1/releases/" + released
                + "/certificate"));

        // in Chinese
        browser.findElement(By.id("language")).click();
        waiting().until(d -> d.findElement(By.id("cert-title")).getText().equals("发布证书"));
        assertEquals("手工安全测试", text("#board-tab-testing"));
        assertEquals("评审", text("#board-tab-reviews"));
        browser.findElement(By.id("board-tab-reviews")).click();
        waiting().until(d -> d.findElement(By.id("dr-title")).getText().equals("设计建议"));
        assertTrue(text("#dr-table tbody tr").contains("已采纳"), text("#dr-table tbody tr"));
        assertEquals("安全审计报告：结论", text("#ar-title"));
        assertTrue(text("#pp-title").equals("上线前检查清单"));
        browser.findElement(By.id("board-tab-testing")).click();
        waiting().until(d -> d.findElement(By.id("tc-section-title")).getText().equals("手工安全测试用例"));
        assertTrue(text("#tc-table tbody tr").contains("✓ 通过"), text("#tc-table tbody tr"));

        List<LogEntry> errors = Browser.errors(browser);
        assertTrue(errors.isEmpty(), () -> "browser console errors (CSP violations among them): " + errors);
    }

    @Test
    void anOwnerIssuesASignedTokenSeesItsSigningKeyOnceAndReadsTheApiCallLog(Api admin, Users users) {
        String project = Fixtures.uniqueKey("TRC");
        assertEquals(201, admin.post("/api/v1/projects", Fixtures.project(project, "Shop " + project, 1)).status());
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        String release = owner.post("/api/v1/projects/" + project + "/releases", "{\"version\":\"1.0\"}").json().get("id")
                .asText();

        browser.get(admin.base().resolve("/").toString());
        logIn(owner);
        browser.get(admin.base().resolve("/#/admin/credentials").toString());
        waiting().until(d -> d.findElement(By.id("sa-name"))).sendKeys("jenkins");
        browser.findElement(By.cssSelector("#service-account-create button[type=submit]")).click();
        WebElement account = waiting().until(d -> d.findElement(By.cssSelector("section.service-account")));
        String login = account.getAttribute("data-login");
        assertTrue(browser.findElement(By.id("api-calls-none")).isDisplayed(), "no calls yet");

        // a signed token limited to loopback: the secret, the key id and the signing key, once
        WebElement issue = account.findElement(By.cssSelector("form.token-issue"));
        issue.findElement(By.cssSelector("input[id$='-name']")).sendKeys("pipeline");
        issue.findElement(By.cssSelector("input[value='gate:read']")).click();
        issue.findElement(By.cssSelector("input[id$='-signed']")).click();
        issue.findElement(By.cssSelector("textarea[id$='-sources']")).sendKeys("127.0.0.0/8\n::1/128");
        issue.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement secret = waiting().until(d -> d.findElement(By.id("token-secret-value")));
        assertTrue(secret.getAttribute("value").startsWith("gh_"), "the token");
        assertTrue(text("#token-signing-key-id").startsWith("gk_"), text("#token-signing-key-id"));
        assertTrue(browser.findElement(By.id("token-signing-key-value")).getAttribute("value").length() >= 40, "the key");
        WebElement row = waiting().until(d -> d.findElement(By.cssSelector("section.service-account table.tokens tbody tr")));
        assertTrue(row.getText().contains(text("#token-signing-key-id")) && row.getText().contains("only from 127.0.0.0/8"),
                row.getText());

        // a call with an unsigned token of the project shows in the log
        Api.Reply plain = owner.post("/api/v1/projects/" + project + "/service-accounts/" + login + "/tokens",
                "{\"name\":\"plain\",\"scopes\":[\"gate:read\"]}");
        assertEquals(201, plain.status(), plain::toString);
        Api.Reply gate = new Api(admin.base()).withToken(plain.json().get("token").asText())
                .get("/api/v1/releases/" + release + "/gate");
        assertEquals(200, gate.status(), gate::toString);
        browser.navigate().refresh();
        WebElement call = waiting().until(d -> d.findElement(By.cssSelector("#api-calls-table tbody tr")));
        assertEquals("200", call.getAttribute("data-status"));
        assertTrue(call.getText().contains("GET /api/v1/releases/" + release + "/gate") && call.getText().contains("unsigned"),
                call.getText());
        assertTrue(browser.findElements(By.id("token-secret-value")).isEmpty(), "a secret is never shown again");

        List<LogEntry> errors = Browser.errors(browser);
        assertTrue(errors.isEmpty(), () -> "browser console errors (CSP violations among them): " + errors);
    }
}
