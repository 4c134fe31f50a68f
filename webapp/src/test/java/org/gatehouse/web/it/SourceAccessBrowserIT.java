package org.gatehouse.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The source-access screen in a real browser (issue 9, C.4): a developer asks for access through the
 * form; the project owner sees the request, cannot decide on their own request (the screen says another
 * owner decides), approves the developer's, and the grant shows in force; under the strict CSP.
 */
@ExtendWith(GatehouseServer.class)
class SourceAccessBrowserIT {
    private ChromeDriver browser;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = Browser.open();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private WebElement rowOf(String repository) {
        return browser.findElements(By.cssSelector("#access-rows tr[data-grant]")).stream()
                .filter(r -> r.getText().contains(repository)).findFirst().orElseThrow();
    }

    @Test
    void aDeveloperAsksAndAnotherOwnerApproves(Api admin, Users users) {
        String project = Fixtures.createProject(admin, "SAB");
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        Api developer = users.withProjectRole("DEVELOPER", project);
        String ownRepository = "git@git.example.com:acme/release-tools.git";
        assertEquals(201, owner.post("/api/v1/projects/" + project + "/source-access", "{\"repository\":\"" + ownRepository
                + "\",\"access\":\"CLONE\",\"reason\":\"release build\",\"validUntil\":\""
                + Instant.now().plus(Duration.ofDays(10)) + "\"}").status());
        String repository = "git@git.example.com:acme/shop.git";

        browser.get(admin.base().resolve("/").toString());
        Browser.logIn(browser, developer.loginName(), Users.PASSWORD);
        browser.get(admin.base().resolve("/#/source-access").toString());
        waiting().until(d -> "source-access".equals(d.findElement(By.id("view")).getAttribute("data-screen")));
        new Select(browser.findElement(By.id("access-project"))).selectByValue(project);
        waiting().until(d -> d.findElement(By.id("access-request")));
        browser.findElement(By.id("access-repository")).sendKeys(repository);
        new Select(browser.findElement(By.id("access-kind"))).selectByValue("READ");
        browser.findElement(By.id("access-reason")).sendKeys("fix SHOP-42");
        browser.findElement(By.cssSelector("#access-request button[type=submit]")).click();
        waiting().until(d -> d.findElement(By.id("access-done")).getText().contains("request is recorded"));
        waiting().until(d -> rowOf(repository).getAttribute("data-standing").equals("REQUESTED"));
        assertTrue(rowOf(repository).findElements(By.cssSelector("button.access-approve")).isEmpty(),
                "a developer decides nothing");

        browser.findElement(By.id("logout")).click();
        Browser.logIn(browser, owner.loginName(), Users.PASSWORD);
        browser.get(admin.base().resolve("/#/source-access").toString());
        waiting().until(d -> "source-access".equals(d.findElement(By.id("view")).getAttribute("data-screen")));
        new Select(browser.findElement(By.id("access-project"))).selectByValue(project);
        waiting().until(d -> rowOf(ownRepository).getText().contains("another owner decides"));
        assertTrue(rowOf(ownRepository).findElements(By.cssSelector("button.access-approve")).isEmpty());
        rowOf(repository).findElement(By.cssSelector("button.access-approve")).click();
        waiting().until(d -> rowOf(repository).getAttribute("data-standing").equals("IN_FORCE"));
        assertTrue(rowOf(repository).getText().contains(owner.loginName()), rowOf(repository).getText());
        assertEquals("APPROVED", owner.get("/api/v1/projects/" + project + "/source-access?standing=in-force").json()
                .get(0).get("state").asText());

        List<LogEntry> errors = Browser.errors(browser);
        assertTrue(errors.isEmpty(), errors.toString());
    }
}
