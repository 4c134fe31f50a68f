package org.gatehouse.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The ticket board of a release in a real browser (issue 6: tickets move through gates too; ADR 0018):
 * a developer adds a ticket whose title is hostile markup (shown as text), sees what holds it, moves it
 * by keyboard through design review to implemented, and is refused when verifying it; a tester is held
 * until a manual test passes, then verifies it, and the release's gate {@code tickets.verified} passes;
 * in English and Chinese, under the strict CSP.
 */
@InBrowser
class TicketBoardBrowserIT {
    private static final String HOSTILE = "<img src=x onerror=\"document.title='owned'\"><b>Coupons</b>";

    private ChromeDriver browser;

    private WebDriverWait waiting() {
        // the tab is rendered anew after every change: an element may go stale between find and read
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private WebElement card(String key) {
        return browser.findElement(By.cssSelector(".ticket-card[data-key='" + key + "']"));
    }

    private String column(String key) {
        return waiting().until(d -> card(key).findElement(By.xpath("ancestor::section[@data-state]"))
                .getAttribute("data-state"));
    }

    private WebElement move(String key, String to) {
        return card(key).findElement(By.cssSelector("button.ticket-move[data-to='" + to + "']"));
    }

    private static String gateOutcome(Api api, String release) {
        for (var route : api.get("/api/v1/releases/" + release + "/lifecycle/gates").json()) {
            for (var gate : route.get("gates")) {
                if (gate.get("gate").asText().equals("tickets.verified")) {
                    return gate.get("outcome").asText();
                }
            }
        }
        throw new AssertionError("no gate tickets.verified");
    }

    @Test
    void aTicketIsCreatedMovedRefusedToItsDeveloperAndVerifiedByATester(Api admin, Users users) {
        String project = Fixtures.createProject(admin, "TKB");
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        Api developer = users.withProjectRole("DEVELOPER", project);
        Api tester = users.withProjectRole("TESTER", project);
        String release = owner.post("/api/v1/projects/" + project + "/releases", "{\"version\":\"3.1\"}").json().get("id")
                .asText();
        String board = admin.base().resolve("/#/releases/" + release).toString();

        // the developer adds a ticket: its hostile title is text, and no requirement names it yet
        browser.get(admin.base().resolve("/").toString());
        Browser.logIn(browser, developer.loginName(), Users.PASSWORD);
        browser.get(board);
        waiting().until(d -> d.findElement(By.id("board-tab-tickets"))).click();
        waiting().until(d -> d.findElement(By.id("tk-form")));
        assertEquals(4, browser.findElements(By.cssSelector("#tk-board section[data-state]")).size());
        browser.findElement(By.id("tk-key")).sendKeys("SHOP-77");
        browser.findElement(By.id("tk-title")).sendKeys(HOSTILE);
        new Select(browser.findElement(By.id("tk-kind"))).selectByValue("FEATURE");
        browser.findElement(By.id("tk-url")).sendKeys("https://tracker.example/browse/SHOP-77");
        browser.findElement(By.id("tk-submit")).click();
        waiting().until(d -> d.findElement(By.id("tk-notice")).getText().contains("SHOP-77 added"));
        assertEquals("REQUIREMENTS_ASSIGNED", column("SHOP-77"));
        assertEquals(HOSTILE, card("SHOP-77").findElement(By.cssSelector(".ticket-title")).getText());
        assertTrue(card("SHOP-77").findElements(By.tagName("img")).isEmpty(), "the title is text, not markup");
        assertTrue(browser.findElements(By.cssSelector(".ticket-title b")).isEmpty());
        assertTrue(card("SHOP-77").getText().contains("Feature") && card("SHOP-77").getText().contains("0 security requirement(s)"),
                card("SHOP-77").getText());
        assertTrue(card("SHOP-77").findElement(By.cssSelector(".ticket-holds")).getText()
                .contains("No security requirement names this ticket"), card("SHOP-77").getText());
        assertEquals("https://tracker.example/browse/SHOP-77", card("SHOP-77").findElement(By.cssSelector("a.ticket-link"))
                .getAttribute("href"));

        // held: the server's reasons appear on the card
        move("SHOP-77", "DESIGN_REVIEWED").click();
        waiting().until(d -> card("SHOP-77").findElement(By.cssSelector("[role=alert]")).getText()
                .contains("No security requirement names this ticket"));

        // a requirement names it; then the developer moves it by keyboard (Enter on the focused button)
        assertEquals(201, developer.post("/api/v1/releases/" + release + "/requirements",
                "{\"title\":\"A coupon is redeemed once\",\"ticket\":\"SHOP-77\"}").status());
        browser.findElement(By.id("board-reload")).click();
        waiting().until(d -> card("SHOP-77").getText().contains("1 security requirement(s)"));
        move("SHOP-77", "DESIGN_REVIEWED").sendKeys(Keys.ENTER);
        waiting().until(d -> "DESIGN_REVIEWED".equals(column("SHOP-77")));
        assertTrue(browser.findElement(By.id("tk-notice")).getText().contains("SHOP-77 is now: Design reviewed"));
        move("SHOP-77", "IMPLEMENTED").sendKeys(Keys.ENTER);
        waiting().until(d -> "IMPLEMENTED".equals(column("SHOP-77")));

        // the developer may not verify: the button says who verifies, the server refuses
        WebElement verify = move("SHOP-77", "VERIFIED");
        String hint = browser.findElement(By.id(verify.getAttribute("aria-describedby"))).getText();
        assertEquals("Testers and security reviewers verify.", hint);
        verify.click();
        waiting().until(d -> !card("SHOP-77").findElement(By.cssSelector("[role=alert]")).getText().isEmpty());
        assertEquals("IMPLEMENTED", column("SHOP-77"));
        assertEquals("BLOCKED", gateOutcome(owner, release));

        // the tester: held until a manual test of the requirement passes, then verifies
        browser.findElement(By.id("logout")).click();
        Browser.logIn(browser, tester.loginName(), Users.PASSWORD);
        browser.get(board + "/tickets");
        waiting().until(d -> "IMPLEMENTED".equals(column("SHOP-77")));
        assertTrue(move("SHOP-77", "VERIFIED").getAttribute("aria-describedby") == null, "no hint for testers");
        move("SHOP-77", "VERIFIED").click();
        waiting().until(d -> card("SHOP-77").findElement(By.cssSelector("[role=alert]")).getText().contains("SR-P-1"));
        Api.Reply testCase = tester.post("/api/v1/releases/" + release + "/test-cases", "{\"title\":\"Coupon replay\","
                + "\"steps\":\"Redeem twice\",\"expectedResult\":\"One redemption\",\"requirements\":[\"SR-P-1\"]}");
        assertEquals(201, testCase.status(), testCase::toString);
        assertEquals(201, tester.post("/api/v1/test-cases/" + testCase.json().get("id").asText() + "/executions",
                "{\"result\":\"PASSED\"}").status());
        browser.findElement(By.id("board-reload")).click();
        waiting().until(d -> card("SHOP-77").findElements(By.cssSelector(".ticket-holds")).isEmpty());
        move("SHOP-77", "VERIFIED").click();
        waiting().until(d -> "VERIFIED".equals(column("SHOP-77")));
        assertTrue(card("SHOP-77").getText().contains("Verified, and its tests still pass."), card("SHOP-77").getText());
        assertEquals("PASSED", gateOutcome(owner, release));

        // in Chinese
        browser.findElement(By.id("language")).click();
        waiting().until(d -> d.findElement(By.id("board-tab-tickets")).getText().equals("工单"));
        waiting().until(d -> d.findElement(By.id("tk-col-VERIFIED")).getText().startsWith("已验证"));
        assertTrue(card("SHOP-77").getText().contains("功能"), card("SHOP-77").getText());
        assertTrue(card("SHOP-77").getText().contains("重新打开"), card("SHOP-77").getText());
        assertEquals(HOSTILE, card("SHOP-77").findElement(By.cssSelector(".ticket-title")).getText());
        assertTrue(!"owned".equals(browser.getTitle()));

        // only the intended refusals (409 held, 403 developer verifying) reach the console
        List<LogEntry> errors = Browser.errors(browser).stream()
                .filter(e -> !(e.getMessage().contains("/tickets/SHOP-77/transitions")
                        && (e.getMessage().contains("409") || e.getMessage().contains("403"))))
                .toList();
        assertTrue(errors.isEmpty(), () -> "browser console errors (CSP violations among them): " + errors);
    }
}
