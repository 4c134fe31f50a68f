package org.gatehouse.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The workflow definitions screen in a real browser under the strict CSP (issue 6, 8.1, ADR 0023): a security
 * administrator reads the catalogue and a version's phases, gates and thresholds, is refused an invalid document
 * with the JSON pointer of the culprit, publishes a stricter level-2 version through the form and sees it as the
 * current one with its diff against the version before; a developer reads the catalogue but gets no publish form.
 * Runs on a server of its own (as WorkflowDefinitionsIT does): a published definition changes what every later
 * release of its level starts with.
 */
@ExtendWith(BrowserSession.class)
class WorkflowDefinitionsBrowserIT {
    private static OwnServer own;
    private static Users users;
    private ChromeDriver browser;

    @BeforeAll
    static void start() {
        own = OwnServer.start();
        users = own.users();
    }

    @AfterAll
    static void stop() {
        if (own != null) {
            own.close();
        }
    }

    private WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private WebElement row(String id, int version) {
        return browser.findElement(By.cssSelector("tr[data-definition='" + id + "'][data-version='" + version + "']"));
    }

    private void openCatalogue(String login) {
        browser.get(own.baseUri().resolve("/").toString());
        Browser.logIn(browser, login, Users.PASSWORD);
        waiting().until(d -> d.findElement(By.id("nav-workflow-definitions"))).click();
        waiting().until(d -> "workflow-definitions".equals(d.findElement(By.id("view")).getAttribute("data-screen")));
    }

    @Test
    void aSecurityAdministratorPublishesAStricterLevelTwoThroughTheForm() {
        Api securityAdmin = users.withGlobalRole("SECURITY_ADMINISTRATOR");
        openCatalogue(securityAdmin.loginName());
        assertEquals("true", row("sdl-level-2", 2).getAttribute("data-current"));
        assertEquals("false", row("sdl-level-2", 1).getAttribute("data-current"));
        assertTrue(row("sdl-level-2", 2).getText().contains("built in"), row("sdl-level-2", 2).getText());

        row("sdl-level-2", 2).findElement(By.tagName("a")).click();
        WebElement phases = waiting().until(d -> d.findElement(By.id("wfd-phases")));
        waiting().until(d -> d.findElement(By.id("wfd-publish")));
        assertTrue(phases.getText().contains("white-box.no-open-findings — threshold: high"), phases.getText());
        assertTrue(browser.findElement(By.id("wfd-diff-title")).getText().contains("Changes since version 1"));
        String prefilled = (String) browser.executeScript("return document.getElementById('wfd-document').value;");
        assertTrue(prefilled.contains("\"format\": \"gatehouse-workflow/1\""), prefilled);

        // a misspelt field: refused whole, the problem names where
        browser.executeScript("const a = document.getElementById('wfd-document'); a.value = a.value.replace('\"gates\"', '\"gate\"');");
        browser.findElement(By.id("wfd-note")).sendKeys("typo");
        browser.findElement(By.cssSelector("#wfd-publish button[type=submit]")).click();
        WebElement pointer = waiting().until(d -> {
            WebElement p = d.findElement(By.id("wfd-pointer"));
            return p.isDisplayed() ? p : null;
        });
        assertTrue(pointer.findElement(By.tagName("code")).getText().matches("/routes/\\d+/gate"), pointer.getText());
        assertTrue(browser.findElement(By.id("wfd-publish-error")).getText().contains("not part of the workflow definition format"),
                browser.findElement(By.id("wfd-publish-error")).getText());
        assertFalse(browser.findElements(By.cssSelector("tr[data-definition='sdl-level-2'][data-version='3']")).size() > 0);

        // the stricter version, with a note that must stay text
        browser.executeScript("const d = JSON.parse(arguments[0]);"
                + "d.gateParameters['white-box.no-open-findings'].threshold = 'medium';"
                + "document.getElementById('wfd-document').value = JSON.stringify(d, null, 2);", prefilled);
        WebElement note = browser.findElement(By.id("wfd-note"));
        note.clear();
        String hostile = "Medium blocks now <img src=x onerror=\"window.__pwned=1\">";
        note.sendKeys(hostile);
        browser.findElement(By.cssSelector("#wfd-publish button[type=submit]")).click();
        WebElement notice = waiting().until(d -> d.findElement(By.id("wfd-notice")));
        assertEquals("sdl-level-2 version 3 is published.", notice.getText());
        assertTrue(browser.getCurrentUrl().endsWith("#/workflow-definitions/sdl-level-2/3"), browser.getCurrentUrl());
        waiting().until(d -> d.findElement(By.id("wfd-diff")));

        WebElement newest = row("sdl-level-2", 3);
        assertEquals("true", newest.getAttribute("data-current"));
        assertEquals("false", row("sdl-level-2", 2).getAttribute("data-current"));
        assertTrue(newest.getText().contains(securityAdmin.loginName()), newest.getText());
        assertTrue(newest.getText().contains(hostile), newest.getText());
        assertTrue(newest.getText().contains("published"), newest.getText());
        assertTrue(newest.findElement(By.tagName("code")).getAttribute("title").matches("[0-9a-f]{64}"));
        assertTrue(browser.findElements(By.cssSelector("#wfd-catalogue img, #wfd-detail img")).isEmpty(), "notes are text");
        assertTrue(browser.findElement(By.id("wfd-phases")).getText().contains("white-box.no-open-findings — threshold: medium"));

        assertEquals("Changes since version 2", browser.findElement(By.id("wfd-diff-title")).getText());
        // the threshold and the version number changed, nothing else
        assertEquals("2 line(s) added, 2 line(s) removed (keys sorted).", browser.findElement(By.id("wfd-diff-summary")).getText());
        List<String> removed = browser.findElements(By.cssSelector("#wfd-diff .diff-line.del")).stream().map(WebElement::getText).toList();
        List<String> added = browser.findElements(By.cssSelector("#wfd-diff .diff-line.add")).stream().map(WebElement::getText).toList();
        assertTrue(removed.stream().anyMatch(l -> l.contains("\"threshold\": \"high\"")), removed::toString);
        assertTrue(removed.stream().anyMatch(l -> l.contains("\"version\": 2")), removed::toString);
        assertTrue(added.stream().anyMatch(l -> l.contains("\"threshold\": \"medium\"")), added::toString);
        assertTrue(added.stream().anyMatch(l -> l.contains("\"version\": 3")), added::toString);

        // and in Chinese
        browser.findElement(By.id("language")).click();
        waiting().until(d -> d.findElement(By.id("wfd-diff-title")).getText().equals("与第 2 版相比的变更"));

        assertEquals(null, browser.executeScript("return window.__pwned;"));
        List<?> errors = Browser.errors(browser).stream().filter(e -> !e.getMessage().contains("400")).toList();
        assertTrue(errors.isEmpty(), () -> "browser console errors (CSP violations among them): " + errors);
    }

    @Test
    void aDeveloperReadsTheCatalogueButCannotPublish() {
        String project = Fixtures.createProject(users.admin(), "WFB");
        Api developer = users.withProjectRole("DEVELOPER", project);
        openCatalogue(developer.loginName());
        assertEquals("true", row("sdl-level-3", 2).getAttribute("data-current"));
        row("sdl-level-3", 2).findElement(By.tagName("a")).click();
        WebElement phases = waiting().until(d -> d.findElement(By.id("wfd-phases")));
        assertTrue(phases.getText().contains("Requirements"), phases.getText());
        assertTrue(browser.findElement(By.id("wfd-json")).getAttribute("textContent").contains("\"defaultFor\": 3"));
        assertTrue(browser.findElements(By.id("wfd-publish")).isEmpty(), "only security administrators publish");
        assertTrue(Browser.errors(browser).isEmpty(), () -> "browser console errors: " + Browser.errors(browser));
    }
}
