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
 * The release board in a real browser (issue 8 over issue 6): a project owner opens a release,
 * sees its pipeline and the gate chips with the server's reasons, is refused an advance with every
 * blocking reason, sees a stale move reported and the board reloaded, watches the white-box chip
 * follow an import, cancels the release and finds the move in the log; under the strict CSP, in
 * English and Chinese.
 */
@InBrowser
class ReleaseBoardBrowserIT {
    private static final String WHITE_BOX = "#board-gates section[data-route-from=TESTING] li.chip[data-gate='white-box.no-open-findings']";

    private ChromeDriver browser;

    private WebDriverWait waiting() {
        // the board is rendered anew after every change: an element may go stale between find and read
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    @Test
    void aProjectOwnerFollowsAReleaseOnItsBoardAndCancelsIt(Api admin, Users users) {
        String project = Fixtures.uniqueKey("RB");
        Api.Reply created = admin.post("/api/v1/projects", Fixtures.project(project, "Shop " + project, 1));
        assertEquals(201, created.status(), created::toString);
        Api owner = users.withProjectRole("PROJECT_OWNER", project);

        browser.get(admin.base().resolve("/").toString());
        WebElement form = waiting().until(d -> d.findElement(By.id("login-form")));
        form.findElement(By.id("login")).sendKeys(owner.loginName());
        form.findElement(By.id("password")).sendKeys(Users.PASSWORD);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waiting().until(d -> d.findElement(By.id("who")).getText().equals(owner.loginName()));

        // Releases: pick the project, open a release
        browser.findElement(By.id("nav-releases")).click();
        new Select(waiting().until(d -> d.findElement(By.id("releases-project")))).selectByValue(project);
        waiting().until(d -> d.findElement(By.id("releases-empty")).isDisplayed());
        WebElement version = waiting().until(d -> d.findElement(By.id("release-version")));
        version.sendKeys("3.1.0-rc1");
        browser.findElement(By.cssSelector("#release-create button[type=submit]")).click();
        waiting().until(d -> d.findElements(By.cssSelector("#releases-rows tr")).size() == 1);
        WebElement row = browser.findElement(By.cssSelector("#releases-rows tr"));
        assertTrue(row.getText().contains("3.1.0-rc1") && row.getText().contains("Requirements"), row.getText());
        assertTrue(browser.findElement(By.id("release-created")).getText().contains("3.1.0-rc1"));
        String release = row.getAttribute("data-release");

        // its board: REQUIREMENTS current, the white-box gate of TESTING → SECURITY_AUDIT red with its reason
        row.findElement(By.tagName("a")).click();
        WebElement current = waiting().until(d -> d.findElement(By.cssSelector("#pipeline li[aria-current=step]")));
        assertEquals("REQUIREMENTS", current.getAttribute("data-phase"));
        assertTrue(current.getText().contains("current phase"), current.getText());
        WebElement whiteBox = waiting().until(d -> d.findElement(By.cssSelector(WHITE_BOX)));
        assertEquals("BLOCKED", whiteBox.getAttribute("data-outcome"));
        assertTrue(whiteBox.getText().contains("blocked"), "the chip says it in words: " + whiteBox.getText());
        assertTrue(whiteBox.getText().contains("No white-box scan report"), whiteBox.getText());
        assertTrue(browser.findElement(By.cssSelector("#board-gates section[data-route-from=REQUIREMENTS]"))
                .getAttribute("class").contains("current"));
        assertTrue(browser.findElement(By.id("board-log-none")).isDisplayed());

        // advancing is refused with every reason the server gives
        browser.findElement(By.cssSelector("#board-actions button[data-trigger=advance]")).click();
        waiting().until(d -> !d.findElements(By.cssSelector("#board-reasons li")).isEmpty());
        List<WebElement> reasons = browser.findElements(By.cssSelector("#board-reasons li"));
        assertTrue(reasons.stream().anyMatch(r -> "gate.requirements.agreed".equals(r.getAttribute("data-field"))),
                () -> reasons.stream().map(r -> r.getAttribute("data-field")).toList().toString());
        assertTrue(reasons.stream().allMatch(r -> !r.getText().isBlank()));
        assertEquals("REQUIREMENTS", browser.findElement(By.cssSelector("#pipeline li[aria-current=step]")).getAttribute("data-phase"));

        // a report arrives meanwhile: the chip now counts the open findings
        Api.Reply imported = owner.upload(release, "scan.sarif", FindingsIT.sarif("", 0, FindingsIT.A, FindingsIT.C),
                "scanner", "sarif");
        assertEquals(201, imported.status(), imported::toString);
        browser.findElement(By.id("board-reload")).click();
        waiting().until(d -> d.findElement(By.cssSelector(WHITE_BOX)).getText().contains("still open"));
        whiteBox = browser.findElement(By.cssSelector(WHITE_BOX));
        assertEquals("BLOCKED", whiteBox.getAttribute("data-outcome"));
        assertTrue(whiteBox.getText().contains("1 white-box finding(s) at or above high are still open"), whiteBox.getText());

        // someone else moves the lifecycle version on (a waiver): the board says so and reloads
        Api securityAdmin = users.withGlobalRole("SECURITY_ADMINISTRATOR");
        Api.Reply waived = securityAdmin.post("/api/v1/releases/" + release + "/lifecycle/waivers",
                "{\"gate\":\"white-box.no-open-findings\",\"justification\":\"pilot customer\",\"expiresAt\":\""
                        + java.time.Instant.now().plus(Duration.ofDays(2)) + "\"}", "If-Match", "\"0\"");
        assertEquals(200, waived.status(), waived::toString);
        browser.findElement(By.cssSelector("#board-actions button[data-trigger=advance]")).click();
        waiting().until(d -> d.findElement(By.id("board-notice")).getText().startsWith("Someone else changed this release"));
        waiting().until(d -> "WAIVED".equals(d.findElement(By.cssSelector(WHITE_BOX)).getAttribute("data-outcome")));
        assertTrue(browser.findElement(By.cssSelector("#board-waivers li[data-gate='white-box.no-open-findings']")).getText()
                .contains("pilot customer"));

        // cancel (a second click confirms): CANCELLED, closed, one entry in the log
        WebElement cancel = browser.findElement(By.cssSelector("#board-actions button[data-trigger=cancel]"));
        cancel.click();
        waiting().until(d -> d.findElement(By.cssSelector("#board-actions button[data-trigger=cancel]")).getText()
                .startsWith("Click again"));
        browser.findElement(By.cssSelector("#board-actions button[data-trigger=cancel]")).click();
        waiting().until(d -> "CANCELLED".equals(d.findElement(By.cssSelector("#pipeline li[aria-current=step]"))
                .getAttribute("data-phase")));
        assertTrue(browser.findElement(By.id("board-closed")).getText().contains("cancelled"));
        assertTrue(browser.findElements(By.id("board-actions")).isEmpty(), "nothing left to do");
        List<WebElement> log = browser.findElements(By.cssSelector("#board-log tbody tr"));
        assertEquals(1, log.size());
        assertTrue(log.get(0).getText().contains(owner.loginName()) && log.get(0).getText().contains("Requirements → Cancelled"),
                log.get(0).getText());
        assertEquals("CANCELLED", owner.get("/api/v1/releases/" + release).json().get("phase").asText());

        // in Chinese
        browser.findElement(By.id("language")).click();
        waiting().until(d -> d.findElement(By.id("nav-releases")).getText().equals("发布版本"));
        waiting().until(d -> d.findElement(By.id("log-title")).getText().equals("流转记录"));
        assertTrue(browser.findElement(By.cssSelector("#pipeline li[data-phase=CANCELLED]")).getText().contains("已取消"));
        assertTrue(browser.findElement(By.cssSelector("#pipeline li[data-phase=REQUIREMENTS]")).getText().contains("需求"));
        assertTrue(browser.findElement(By.cssSelector(WHITE_BOX)).getText().contains("已豁免"));
        assertTrue(browser.findElement(By.cssSelector("#board-log tbody tr")).getText().contains("需求 → 已取消"));

        // only the intended refusals (409 blocked, 412 stale) reach the console
        List<LogEntry> errors = Browser.errors(browser).stream()
                .filter(e -> !(e.getMessage().contains("/lifecycle/transitions")
                        && (e.getMessage().contains("409") || e.getMessage().contains("412"))))
                .toList();
        assertTrue(errors.isEmpty(), () -> "browser console errors (CSP violations among them): " + errors);
    }
}
