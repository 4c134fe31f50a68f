package org.gatehouse.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A finding's own address in a real browser (issue 8): #/findings/{id} opened before logging in shows
 * that finding after the login (hostile scanner text as text); opening another row changes the
 * address, and the back button returns to the first; an unknown id says so.
 */
@InBrowser
class FindingLinkBrowserIT {
    private ChromeDriver browser;

    private WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    @Test
    void aFindingLinkOpensItsDetailAndTheBackButtonWorks(Api admin, Users users) {
        String project = Fixtures.createProject(admin, "FL");
        Api developer = users.withProjectRole("DEVELOPER", project);
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        String release = owner.post("/api/v1/projects/" + project + "/releases", "{\"version\":\"1.0\"}").json().get("id")
                .asText();
        byte[] sarif = new String(FindingsIT.sarif("", 0, FindingsIT.A, FindingsIT.B), StandardCharsets.UTF_8)
                .replace("problem in src/main/java/shop/Cart.java", FindingsBrowserIT.HOSTILE).getBytes(StandardCharsets.UTF_8);
        owner.upload(release, "r.sarif", sarif, "scanner", "sarif");
        String cart = owner.get("/api/v1/findings?project=" + project + "&q=Cart").json().get("items").get(0).get("id").asText();

        browser.get(admin.base().resolve("/#/findings/" + cart).toString());
        Browser.logIn(browser, developer.loginName(), Users.PASSWORD);
        assertTrue(browser.getCurrentUrl().endsWith("#/findings/" + cart), browser.getCurrentUrl());
        WebElement detail = waiting().until(d -> {
            WebElement aside = d.findElement(By.id("finding-detail"));
            return aside.getText().contains("onerror") ? aside : null;
        });
        assertTrue(detail.findElements(By.tagName("img")).isEmpty(), "scanner text is never parsed as markup");
        assertEquals("#/findings/" + cart, detail.findElement(By.id("finding-link")).getAttribute("href")
                .replaceAll("^[^#]*", ""));
        assertEquals("finding-title", browser.switchTo().activeElement().getAttribute("id"), "the detail has the focus");

        // another row: a new address; back: the first finding again
        waiting().until(d -> d.findElements(By.cssSelector("#findings-rows tr")).size() == 2);
        WebElement order = browser.findElements(By.cssSelector("#findings-rows tr")).stream()
                .filter(r -> r.getText().contains("Order.java")).findFirst().orElseThrow();
        String orderId = order.getAttribute("data-id");
        order.click();
        waiting().until(d -> d.getCurrentUrl().endsWith("#/findings/" + orderId));
        waiting().until(d -> d.findElement(By.id("finding-detail")).getText().contains("Order.java"));
        browser.navigate().back();
        waiting().until(d -> d.getCurrentUrl().endsWith("#/findings/" + cart));
        waiting().until(d -> d.findElement(By.id("finding-detail")).getText().contains("onerror"));

        browser.get(admin.base().resolve("/#/findings/00000000-0000-7000-8000-000000000000").toString());
        waiting().until(d -> !d.findElements(By.id("finding-error")).isEmpty());

        assertEquals(null, browser.executeScript("return window.__pwned;"));
        List<?> errors = Browser.errors(browser).stream().filter(e -> !e.getMessage().contains("404")).toList();
        assertTrue(errors.isEmpty(), () -> "browser console errors (CSP violations among them): " + errors);
    }
}
