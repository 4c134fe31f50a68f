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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The trends screen in a real browser (issue 8): Chart.js from the WAR's WebJar draws the three
 * charts under the strict CSP (no console errors, no CSP violations), each with a data table of the
 * same numbers; a hostile project name stays text; Chinese too.
 */
@InBrowser
class TrendsBrowserIT {
    private ChromeDriver browser;

    private WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    @Test
    void theChartsAreDrawnWithTheirTables(Api admin, Users users) {
        String project = Fixtures.uniqueKey("TB");
        String hostile = "<script>window.__pwned=1</script> Shop";
        assertEquals(201, admin.post("/api/v1/projects", Fixtures.project(project, hostile.replace("/", "\\/"), 1)).status());
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        String release = owner.post("/api/v1/projects/" + project + "/releases", "{\"version\":\"7.0\"}").json().get("id")
                .asText();
        owner.upload(release, "r.sarif", FindingsIT.sarif("", 0, FindingsIT.A, FindingsIT.B, FindingsIT.C), "scanner", "sarif");
        String cart = owner.get("/api/v1/findings?project=" + project + "&q=Cart").json().get("items").get(0).get("id").asText();
        assertEquals(200, owner.post("/api/v1/findings/" + cart + "/triage", "{\"action\":\"mark-fixed\"}", "If-Match", "*")
                .status());

        browser.get(admin.base().resolve("/").toString());
        Browser.logIn(browser, owner.loginName(), Users.PASSWORD);
        browser.findElement(By.id("nav-trends")).click();
        Select projects = new Select(waiting().until(d -> d.findElement(By.id("trends-project"))));
        projects.selectByValue(project);
        assertTrue(projects.getFirstSelectedOption().getText().contains(hostile), "the project name is text");
        waiting().until(d -> new Select(d.findElement(By.id("trends-release"))).getOptions().size() == 1);
        for (String chart : List.of("chart-open", "chart-fix", "chart-burn")) {
            waiting().until(d -> "true".equals(d.findElement(By.id(chart)).getAttribute("data-drawn")));
            WebElement canvas = browser.findElement(By.id(chart + "-canvas"));
            assertTrue(canvas.getSize().getWidth() > 100 && canvas.getSize().getHeight() > 100, chart + " has a size");
            assertTrue(!canvas.getAttribute("aria-label").isBlank(), chart + " is labelled");
        }
        // the tables hold the same numbers: today 2 open (HIGH 1, MEDIUM 1), one HIGH fixed this week
        browser.findElement(By.cssSelector("#chart-open summary")).click();
        List<WebElement> days = browser.findElements(By.cssSelector("#chart-open-table tbody tr"));
        assertEquals(90, days.size());
        List<WebElement> today = days.get(89).findElements(By.tagName("td"));
        assertEquals(List.of("0", "1", "1", "0", "0"), today.stream().map(WebElement::getText).toList());
        browser.findElement(By.cssSelector("#chart-fix summary")).click();
        List<WebElement> week = browser.findElements(By.cssSelector("#chart-fix-table tbody tr"));
        assertEquals(1, week.size());
        assertEquals(List.of("0", "1"), week.get(0).findElements(By.tagName("td")).stream().map(WebElement::getText).toList(),
                "HIGH: fixed within the day, one finding");
        browser.findElement(By.cssSelector("#chart-burn summary")).click();
        List<WebElement> burn = browser.findElements(By.cssSelector("#chart-burn-table tbody tr"));
        assertEquals("2", burn.get(burn.size() - 1).findElements(By.tagName("td")).get(0).getText());
        assertEquals("0", burn.get(burn.size() - 1).findElements(By.tagName("td")).get(1).getText());

        // a shorter period, then Chinese
        new Select(browser.findElement(By.id("trends-days"))).selectByValue("30");
        browser.findElement(By.cssSelector("#trends-filter button[type=submit]")).click();
        waiting().until(d -> d.findElements(By.cssSelector("#chart-open-table tbody tr")).size() == 30);
        browser.findElement(By.id("language")).click();
        waiting().until(d -> d.findElement(By.cssSelector("#chart-open figcaption")).getText().contains("未关闭"));
        waiting().until(d -> "true".equals(d.findElement(By.id("chart-burn")).getAttribute("data-drawn")));

        assertEquals(null, browser.executeScript("return window.__pwned;"));
        List<?> errors = Browser.errors(browser);
        assertTrue(errors.isEmpty(), () -> "browser console errors (CSP violations among them): " + errors);
    }
}
