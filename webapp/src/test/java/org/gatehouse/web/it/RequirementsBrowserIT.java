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
 * The requirements tab of the release board in a real browser (issue 8 over issue 6): a project
 * owner sees the baseline requirements, adds one for a ticket with a test point, records a risk
 * assessment (the level shown before saving), is told when the content changed under a sign-off and
 * signs the content as it is now; a developer signs too, then edits the requirement and sees the
 * earlier sign-offs no longer count; under the strict CSP, in English and Chinese.
 */
@InBrowser
class RequirementsBrowserIT {
    private static final String REQUIREMENTS = "#signoffs section[data-subject='security-requirements']";

    private ChromeDriver browser;

    private WebDriverWait waiting() {
        // the tab is rendered anew after every change: an element may go stale between find and read
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private void logIn(Api who) {
        Browser.logIn(browser, who.loginName(), Users.PASSWORD);
    }

    private String roleState(String role) {
        return browser.findElement(By.cssSelector(REQUIREMENTS + " li[data-role=" + role + "]")).getAttribute("data-state");
    }

    private WebElement signButton(String role) {
        return browser.findElement(By.cssSelector(REQUIREMENTS + " button.sign-as[data-role=" + role + "]"));
    }

    @Test
    void theTeamAgreesToTheRequirementsOnTheBoardAndAChangeUndoesTheAgreement(Api admin, Users users) {
        String project = Fixtures.uniqueKey("RQB");
        Api.Reply created = admin.post("/api/v1/projects", Fixtures.project(project, "Shop " + project, 1));
        assertEquals(201, created.status(), created::toString);
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        Api developer = users.withProjectRole("DEVELOPER", project);
        Api.Reply opened = owner.post("/api/v1/projects/" + project + "/releases", "{\"version\":\"4.0\"}");
        assertEquals(201, opened.status(), opened::toString);
        String release = opened.json().get("id").asText();
        String board = admin.base().resolve("/#/releases/" + release).toString();

        // the owner opens the board and its requirements tab: the baseline, sorted by key
        browser.get(admin.base().resolve("/").toString());
        logIn(owner);
        browser.get(board);
        waiting().until(d -> d.findElement(By.id("board-tab-requirements"))).click();
        waiting().until(d -> d.findElements(By.cssSelector("#req-table tbody tr")).size() >= 10);
        assertEquals("page", browser.findElement(By.id("board-tab-requirements")).getAttribute("aria-current"));
        WebElement first = browser.findElement(By.cssSelector("#req-table tbody tr"));
        assertEquals("SR-7.8.3-1", first.getAttribute("data-key"));
        assertTrue(first.getText().contains("baseline") && first.getText().contains("in force"), first.getText());
        assertEquals("missing", roleState("PROJECT_OWNER"));
        assertTrue(browser.findElement(By.cssSelector("#signoffs section[data-subject='risk-assessment']")).getText()
                .contains("nothing to sign yet"));

        // a requirement of the project, for a ticket, with its test point
        browser.findElement(By.id("req-form-title-input")).sendKeys("Coupons cannot be redeemed twice");
        browser.findElement(By.id("req-form-ticket")).sendKeys("SHOP-7");
        browser.findElement(By.id("req-form-test-point")).sendKeys("Redeem one coupon in two parallel requests");
        browser.findElement(By.id("req-submit")).click();
        WebElement added = waiting().until(d -> d.findElement(By.cssSelector("#req-table tr[data-key='SR-P-1']")));
        assertTrue(added.getText().contains("SHOP-7") && added.getText().contains("two parallel requests")
                && added.getText().contains("project"), added.getText());
        assertTrue(browser.findElement(By.id("req-notice")).getText().contains("SR-P-1 added"));

        // the risk assessment: the level shows before saving, and after
        new Select(browser.findElement(By.id("risk-asset"))).selectByValue("1");
        new Select(browser.findElement(By.id("risk-likelihood"))).selectByValue("2");
        assertTrue(browser.findElement(By.id("risk-live")).getText().startsWith("Rate all three"));
        new Select(browser.findElement(By.id("risk-impact"))).selectByValue("2");
        WebElement live = browser.findElement(By.id("risk-live"));
        assertEquals("1", live.getAttribute("data-level"));
        assertTrue(live.getText().contains("1 × 2 × 2 = 4 → protection level 1"), live.getText());
        browser.findElement(By.id("risk-threats")).sendKeys("coupon abuse, account takeover");
        browser.findElement(By.id("risk-loss")).sendKeys("lost revenue");
        browser.findElement(By.id("risk-submit")).click();
        WebElement level = waiting().until(d -> d.findElement(By.id("risk-level")));
        assertEquals("1", level.getAttribute("data-level"));
        assertTrue(level.getText().contains("level 1"), level.getText());
        assertTrue(browser.findElement(By.id("risk-assessed")).getText().contains(owner.loginName()));
        assertTrue(browser.findElement(By.cssSelector("#signoffs section[data-subject='risk-assessment'] code.digest"))
                .getAttribute("title").matches("[0-9a-f]{64}"));

        // the developer adds a requirement meanwhile: signing what the owner still sees is refused (409)
        Api.Reply meanwhile = developer.post("/api/v1/releases/" + release + "/requirements",
                "{\"title\":\"Refunds go to the original payment method\",\"testPoint\":\"Refund to another card\"}");
        assertEquals(201, meanwhile.status(), meanwhile::toString);
        String seen = browser.findElement(By.cssSelector(REQUIREMENTS + " code.digest")).getAttribute("title");
        signButton("PROJECT_OWNER").click();
        waiting().until(d -> d.findElement(By.id("req-notice")).getText().contains("changed since you read"));
        assertEquals("warning", browser.findElement(By.id("req-notice")).getAttribute("data-kind"));
        assertTrue(!browser.findElements(By.cssSelector("#req-table tr[data-key='SR-P-2']")).isEmpty(), "reloaded");
        assertTrue(!seen.equals(browser.findElement(By.cssSelector(REQUIREMENTS + " code.digest")).getAttribute("title")));
        browser.findElement(By.id("signoff-security-requirements-comment")).sendKeys("agreed in review");
        signButton("PROJECT_OWNER").click();
        waiting().until(d -> "signed".equals(roleState("PROJECT_OWNER")));
        String signed = browser.findElement(By.cssSelector(REQUIREMENTS + " li[data-role=PROJECT_OWNER]")).getText();
        assertTrue(signed.contains("✓") && signed.contains(owner.loginName()) && signed.contains("agreed in review"), signed);
        assertTrue(browser.findElements(By.cssSelector(REQUIREMENTS + " button.sign-as")).isEmpty(),
                "the owner holds no other role the requirements need");

        // the developer logs in and signs as DEVELOPER
        browser.findElement(By.id("logout")).click();
        logIn(developer);
        browser.get(board + "/requirements");
        waiting().until(d -> d.findElement(By.cssSelector(REQUIREMENTS + " li[data-role=PROJECT_OWNER]")));
        assertEquals("signed", roleState("PROJECT_OWNER"));
        assertEquals(List.of("DEVELOPER"), browser.findElements(By.cssSelector(REQUIREMENTS + " button.sign-as")).stream()
                .map(b -> b.getAttribute("data-role")).toList());
        signButton("DEVELOPER").click();
        waiting().until(d -> "signed".equals(roleState("DEVELOPER")));
        assertEquals("SECURITY_REVIEWER", browser.findElements(By.cssSelector(REQUIREMENTS + " li[data-state=missing]"))
                .stream().map(li -> li.getAttribute("data-role")).reduce((a, b) -> a + "," + b).orElse(""));

        // then edits the requirement: the sign-offs given for the old text no longer count
        browser.findElement(By.cssSelector("button.req-edit[data-key='SR-P-1']")).click();
        WebElement title = browser.findElement(By.id("req-form-title-input"));
        assertEquals("Coupons cannot be redeemed twice", title.getAttribute("value"));
        assertEquals("SHOP-7", browser.findElement(By.id("req-form-ticket")).getAttribute("value"));
        title.sendKeys(", also not in parallel");
        browser.findElement(By.id("req-submit")).click();
        waiting().until(d -> d.findElement(By.cssSelector("#req-table tr[data-key='SR-P-1']")).getText()
                .contains("also not in parallel"));
        assertEquals("missing", roleState("PROJECT_OWNER"));
        assertEquals("missing", roleState("DEVELOPER"));
        assertEquals("false", browser.findElement(By.cssSelector(REQUIREMENTS)).getAttribute("data-agreed"));
        String notice = browser.findElement(By.id("req-notice")).getText();
        assertTrue(notice.contains("SR-P-1 saved") && notice.contains("no longer count"), notice);
        assertTrue(browser.findElement(By.cssSelector(REQUIREMENTS + " li[data-role=DEVELOPER]")).getText().contains("○"));

        // withdrawing asks for a second click; the requirement stays, marked withdrawn
        browser.findElement(By.cssSelector("button.req-withdraw[data-key='SR-P-2']")).click();
        waiting().until(d -> d.findElement(By.cssSelector("button.req-withdraw[data-key='SR-P-2']")).getText()
                .startsWith("Click again"));
        browser.findElement(By.cssSelector("button.req-withdraw[data-key='SR-P-2']")).click();
        waiting().until(d -> "withdrawn".equals(d.findElement(By.cssSelector("#req-table tr[data-key='SR-P-2']"))
                .getAttribute("data-state")));
        assertTrue(browser.findElement(By.cssSelector("#req-table tr[data-key='SR-P-2']")).getText().contains("withdrawn"));

        // in Chinese: the baseline titles in Chinese, states in words
        browser.findElement(By.id("language")).click();
        waiting().until(d -> d.findElement(By.id("req-title")).getText().equals("安全需求"));
        WebElement zhTitle = browser.findElement(By.cssSelector("#req-table tbody tr .title"));
        assertEquals("zh-CN", zhTitle.getAttribute("lang"));
        assertTrue(zhTitle.getText().matches(".*[\\u4e00-\\u9fff].*"), zhTitle.getText());
        assertTrue(browser.findElement(By.cssSelector(REQUIREMENTS + " li[data-role=DEVELOPER]")).getText().contains("缺少"));
        assertEquals("以“开发人员”身份签署", signButton("DEVELOPER").getText());
        assertTrue(browser.findElement(By.id("risk-level")).getText().contains("1 级"));

        // only the intended refusal (409, content changed) reaches the console
        List<LogEntry> errors = Browser.errors(browser).stream()
                .filter(e -> !(e.getMessage().contains("/sign-offs") && e.getMessage().contains("409")))
                .toList();
        assertTrue(errors.isEmpty(), () -> "browser console errors (CSP violations among them): " + errors);
    }
}
