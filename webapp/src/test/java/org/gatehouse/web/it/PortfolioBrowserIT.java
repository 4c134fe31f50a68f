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
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The portfolio in a real browser (issue 8): the start screen after login shows the project with its
 * protection level, its release in flight with phase and a red gate, open findings by severity and the
 * SLA breach; a hostile project name stays text; keyboard navigation opens the board; Chinese too.
 */
@InBrowser
class PortfolioBrowserIT {
    private ChromeDriver browser;

    private WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    @Test
    void theStartScreenIsThePortfolio(Api admin, Users users, TestDatabase database) {
        String project = Fixtures.uniqueKey("PB");
        String hostile = "<img src=x onerror=\"window.__pwned=1\"> Shop";
        assertEquals(201, admin.post("/api/v1/projects", Fixtures.project(project, hostile.replace("\"", "\\\""), 2)).status());
        Api developer = users.withProjectRole("DEVELOPER", project);
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        String release = owner.post("/api/v1/projects/" + project + "/releases", "{\"version\":\"4.2.0\"}").json().get("id")
                .asText();
        owner.upload(release, "r.sarif", FindingsIT.sarif("", 0, FindingsIT.A, FindingsIT.C), "scanner", "sarif");
        database.execute(database.owner(), "UPDATE finding SET due_at = now() - interval '1 day' WHERE project_key = '"
                + project + "' AND location LIKE '%Cart.java%'");

        browser.get(admin.base().resolve("/").toString());
        Browser.logIn(browser, developer.loginName(), Users.PASSWORD);
        assertEquals("portfolio", browser.findElement(By.id("view")).getAttribute("data-screen"));
        WebElement row = waiting().until(d -> d.findElement(By.cssSelector("#portfolio-rows tr[data-project='" + project + "']")));
        assertTrue(row.getText().contains(hostile), row.getText());
        assertTrue(row.findElements(By.tagName("img")).isEmpty(), "a project name is never parsed as markup");
        assertEquals("Level 2", row.findElement(By.cssSelector("td.level")).getText());
        assertEquals("1", row.findElement(By.cssSelector("td[data-severity=HIGH]")).getText());
        assertEquals("1", row.findElement(By.cssSelector("td[data-severity=MEDIUM]")).getText());
        assertEquals("0", row.findElement(By.cssSelector("td[data-severity=CRITICAL]")).getText());
        assertEquals("⚠ 1", row.findElement(By.cssSelector("td.breached")).getText());
        WebElement inFlight = row.findElement(By.cssSelector("li[data-release='" + release + "']"));
        assertTrue(inFlight.getText().contains("4.2.0") && inFlight.getText().contains("Requirements"), inFlight.getText());
        // the requirements are not agreed yet: the gate of the next move is red, with its reasons on hover
        waiting().until(d -> "blocked".equals(d.findElement(By.id("gate-" + release)).getAttribute("data-state")));
        WebElement gate = browser.findElement(By.id("gate-" + release));
        assertTrue(gate.getText().contains("gate blocked"), gate.getText());
        assertTrue(!gate.getAttribute("title").isBlank(), "the blocking reasons are the chip's title");

        browser.findElement(By.id("language")).click();
        waiting().until(d -> d.findElement(By.id("nav-portfolio")).getText().equals("项目总览"));
        waiting().until(d -> d.findElement(By.cssSelector("#portfolio-rows tr[data-project='" + project + "'] td.level"))
                .getText().equals("第 2 级"));
        waiting().until(d -> d.findElement(By.id("gate-" + release)).getText().contains("关口受阻"));
        browser.findElement(By.id("language")).click();
        waiting().until(d -> d.findElement(By.id("nav-portfolio")).getText().equals("Portfolio"));

        // keyboard: the release link opens the board
        // the table may render again (a gate chip's answer): focus and press on the link that is there now
        waiting().until(d -> {
            WebElement link = d.findElement(By.cssSelector("li[data-release='" + release + "'] a"));
            browser.executeScript("arguments[0].focus()", link);
            browser.switchTo().activeElement().sendKeys(Keys.ENTER);
            return true;
        });
        waiting().until(d -> d.getCurrentUrl().endsWith("#/releases/" + release));
        waiting().until(d -> "releases".equals(d.findElement(By.id("view")).getAttribute("data-screen")));
        browser.navigate().back();
        waiting().until(d -> d.findElement(By.cssSelector("#portfolio-rows tr[data-project='" + project + "']")));

        assertEquals(null, browser.executeScript("return window.__pwned;"));
        List<?> errors = Browser.errors(browser);
        assertTrue(errors.isEmpty(), () -> "browser console errors (CSP violations among them): " + errors);
    }
}
