package org.gatehouse.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The compliance screen in a real browser (issue 9): from the portfolio's project row to the matrix of a
 * project whose release went online; status chips with a word, evidence linking to the release board and
 * the documents, the filter by status, the report's links, Chinese; no console error or CSP violation.
 */
@ExtendWith(GatehouseServer.class)
class ComplianceBrowserIT {
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

    private WebElement row(String clause) {
        return browser.findElement(By.cssSelector("tr[data-clause='" + clause + "']"));
    }

    @Test
    void anOwnerOpensTheMatrixFromThePortfolio(Api admin, Users users) {
        String project = Fixtures.uniqueKey("CB");
        assertEquals(201, admin.post("/api/v1/projects", Fixtures.project(project, "Shop " + project, 1)).status());
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        Api developer = users.withProjectRole("DEVELOPER", project);
        Api tester = users.withProjectRole("TESTER", project);
        Api reviewer = users.withProjectRole("SECURITY_REVIEWER", project);
        String release = ReleaseDriver.released(owner, developer, tester, reviewer, project, "3.0");
        assertEquals(201, developer.post("/api/v1/releases/" + release + "/documents/security-requirements",
                "{\"changeNote\":\"first issue\"}").status());

        browser.get(admin.base().resolve("/").toString());
        Browser.logIn(browser, owner.loginName(), Users.PASSWORD);
        WebElement link = waiting().until(d -> d.findElement(By.cssSelector(
                "#portfolio-rows tr[data-project='" + project + "'] a.compliance-link")));
        link.click();
        waiting().until(d -> d.getCurrentUrl().endsWith("#/projects/" + project + "/compliance"));
        waiting().until(d -> "projects".equals(d.findElement(By.id("view")).getAttribute("data-screen")));

        assertEquals(33, browser.findElements(By.cssSelector("tr[data-clause]")).size());
        WebElement risk = row("8.2-ek, el");
        assertEquals("SATISFIED", risk.getAttribute("data-status"));
        assertTrue(risk.findElement(By.cssSelector(".chip.status")).getText().contains("satisfied"));
        WebElement gate = risk.findElement(By.cssSelector("li[data-kind=GATE] a.evidence-release"));
        assertTrue(gate.getAttribute("href").endsWith("#/releases/" + release), gate.getAttribute("href"));
        assertFalse(row("B.1.3.1-ib").findElements(By.cssSelector("a.evidence-document")).isEmpty(),
                "the agreed Security Requirements document is linked");
        assertTrue(row("7.2.7, B.2.4.5").getText().contains("Backup and verified restore"),
                "manual clauses show what the platform must");

        // a picture of the screen for a person to look at (target/it/compliance-screen.png)
        try {
            java.nio.file.Path picture = java.nio.file.Path.of("target", "it", "compliance-screen.png");
            java.nio.file.Files.createDirectories(picture.getParent());
            java.nio.file.Files.write(picture, browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        // the filter by status
        new Select(browser.findElement(By.id("compliance-filter"))).selectByValue("MISSING");
        assertFalse(row("B.1.4.1, B.1.4.7").getAttribute("hidden") != null, "a missing clause stays");
        assertTrue(row("B.1.4.1, B.1.4.7").getText().contains("No black-box (OWASP ZAP) report"));
        assertTrue(row("8.2-ek, el").getAttribute("hidden") != null, "a satisfied clause is hidden");
        assertTrue(browser.findElement(By.id("compliance-shown")).getText().contains("of 33"));
        new Select(browser.findElement(By.id("compliance-filter"))).selectByValue("");

        // the report: HTML in a new tab, PDF downloaded, both languages
        WebElement html = browser.findElement(By.id("compliance-report-html-en"));
        assertTrue(html.getAttribute("href").endsWith("/api/v1/projects/" + project + "/compliance/report?lang=en&format=html"));
        assertEquals("_blank", html.getAttribute("target"));
        assertTrue(browser.findElement(By.id("compliance-report-pdf-zh-CN")).getAttribute("download").endsWith(".pdf"));

        browser.findElement(By.id("language")).click();
        waiting().until(d -> row("8.2-ek, el").findElement(By.cssSelector(".chip.status")).getText().contains("满足"));
        assertTrue(row("8.2-ek, el").getText().contains("风险评估"), row("8.2-ek, el").getText());
        browser.findElement(By.id("language")).click();
        // the switch renders the screen again: wait for the English one before clicking in it
        waiting().until(d -> row("8.2-ek, el").findElement(By.cssSelector(".chip.status")).getText().contains("satisfied"));

        // the evidence link opens the release board
        waiting().until(d -> {
            d.findElement(By.cssSelector("tr[data-clause='8.2-ek, el'] a.evidence-release")).click();
            return true;
        });
        waiting().until(d -> "releases".equals(d.findElement(By.id("view")).getAttribute("data-screen")));

        List<?> errors = Browser.errors(browser);
        assertTrue(errors.isEmpty(), () -> "browser console errors (CSP violations among them): " + errors);
    }
}
