package org.gatehouse.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web UI in a real browser (issue 8): log in, upload a report, list, filter and open findings,
 * triage one, switch to Chinese, all under the strict CSP, with hostile scanner text shown as text.
 */
@InBrowser
class FindingsBrowserIT {
    /** A SARIF result whose rule and message try to inject markup and script. */
    static final String HOSTILE = "<img src=x onerror=\\\"window.__pwned=1\\\">";

    private ChromeDriver browser;

    private WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @Test
    void aDeveloperUploadsAReportAndTriagesItsFindings(Api admin, Users users) throws Exception {
        String project = Fixtures.createProject(admin, "WEB");
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        owner.post("/api/v1/projects/" + project + "/releases", "{\"version\":\"2.0\"}");
        String sarif = new String(FindingsIT.sarif("", 0, FindingsIT.A, FindingsIT.B, FindingsIT.C), StandardCharsets.UTF_8)
                .replace("problem in src/main/java/shop/Cart.java", HOSTILE);
        Path report = Files.createTempFile(GatehouseServer.itDirectory(), "report", ".sarif");
        Files.writeString(report, sarif);

        browser.get(admin.base().resolve("/").toString());
        WebElement form = waiting().until(d -> d.findElement(By.id("login-form")));
        form.findElement(By.id("login")).sendKeys(owner.loginName());
        form.findElement(By.id("password")).sendKeys(Users.PASSWORD);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        // the start screen is the portfolio now; the notice shows there
        assertTrue(waiting().until(d -> d.findElement(By.id("previous-login"))).getText().contains("Previous login"));
        waiting().until(d -> "portfolio".equals(d.findElement(By.id("view")).getAttribute("data-screen")));

        browser.findElement(By.id("nav-import")).click();
        WebElement upload = waiting().until(d -> d.findElement(By.id("upload-form")));
        waiting().until(d -> new Select(d.findElement(By.id("release"))).getOptions().size() == 1);
        new Select(upload.findElement(By.id("scanner"))).selectByValue("sarif");
        upload.findElement(By.id("report")).sendKeys(report.toString());
        upload.findElement(By.cssSelector("button[type=submit]")).click();
        waiting().until(d -> d.findElement(By.id("upload-result")).getText().startsWith("Imported: 3 created"));

        browser.findElement(By.id("nav-findings")).click();
        waiting().until(d -> d.findElements(By.cssSelector("#findings-rows tr")).size() == 3);
        new Select(browser.findElement(By.id("severity"))).selectByValue("MEDIUM");
        browser.findElement(By.cssSelector("#findings-filter button[type=submit]")).click();
        waiting().until(d -> d.findElements(By.cssSelector("#findings-rows tr")).size() == 1);
        new Select(browser.findElement(By.id("severity"))).selectByValue("");
        browser.findElement(By.cssSelector("#findings-filter button[type=submit]")).click();
        waiting().until(d -> d.findElements(By.cssSelector("#findings-rows tr")).size() == 3);

        // the finding with the hostile message: shown as text, nothing injected
        WebElement cart = browser.findElements(By.cssSelector("#findings-rows tr")).stream()
                .filter(row -> row.getText().contains("Cart.java")).findFirst().orElseThrow();
        cart.click();
        WebElement detail = waiting().until(d -> {
            WebElement aside = d.findElement(By.id("finding-detail"));
            return aside.getText().contains("onerror") ? aside : null;
        });
        assertTrue(detail.findElement(By.cssSelector(".description")).getText().contains("<img src=x onerror="));
        assertTrue(detail.findElements(By.tagName("img")).isEmpty(), "scanner text is never parsed as markup");
        assertEquals(null, browser.executeScript("return window.__pwned;"));

        detail.findElement(By.cssSelector("button[data-action=confirm]")).click();
        waiting().until(d -> d.findElement(By.id("finding-detail")).getText().contains("NEW → CONFIRMED"));
        waiting().until(d -> d.findElements(By.cssSelector("#findings-rows tr")).stream()
                .anyMatch(row -> row.getText().contains("Cart.java") && row.getText().contains("CONFIRMED")));

        browser.findElement(By.id("language")).click();
        waiting().until(d -> d.findElement(By.id("nav-findings")).getText().equals("发现项"));
        assertEquals("严重程度", browser.findElement(By.cssSelector("#findings-table th")).getText());

        // a white-box scan of a jar, followed live to its end
        browser.findElement(By.id("nav-scan")).click();
        WebElement scan = waiting().until(d -> d.findElement(By.id("scan-form")));
        waiting().until(d -> new Select(d.findElement(By.id("scan-release"))).getOptions().size() == 1);
        Path jar = Files.write(Files.createTempFile(GatehouseServer.itDirectory(), "shop", ".jar"), Artifacts.vulnerableJar());
        scan.findElement(By.id("artifact")).sendKeys(jar.toString());
        scan.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(120))
                .until(d -> "SUCCEEDED".equals(d.findElement(By.id("scan-state")).getAttribute("data-state")));
        assertTrue(browser.findElement(By.id("scan-state")).getText().contains("1"), "classes analysed are shown");

        List<?> errors = Browser.errors(browser);
        assertTrue(errors.isEmpty(), () -> "browser console errors (CSP violations among them): " + errors);
    }
}
