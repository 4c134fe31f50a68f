package org.gatehouse.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Uploaded documents in the documents tab, in a real browser under the strict CSP (C.3, issue 8 over ADR 0024): a
 * project owner uploads a confidential design document with a narrowed distribution scope (a hostile title stays
 * text), adds a version, downloads it, and sees the quota bar turn to its warning past 80 % (the test server's quota
 * is 1 MB); a developer of the project, outside the scope, neither sees the document listed nor opens it, and reads
 * the server's refusal.
 */
@InBrowser
class UploadedDocumentsBrowserIT {
    private ChromeDriver browser;

    private WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private static Path file(String name, String content) throws Exception {
        Path dir = Files.createTempDirectory(GatehouseServer.itDirectory(), "uploads");
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void anOwnerUploadsAConfidentialDocumentThatADeveloperOutsideItsScopeCannotOpen(Api admin, Users users) throws Exception {
        String project = Fixtures.createProject(admin, "UDB");
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        Api developer = users.withProjectRole("DEVELOPER", project);
        String release = owner.post("/api/v1/projects/" + project + "/releases", "{\"version\":\"1.0\"}").json().get("id").asText();
        String hostile = "<img src=x onerror=\"window.__pwned=1\"> Threat model";
        String first = "threat model, first draft\n";
        Path v1 = file("threat-model.txt", first);
        Path v2 = file("threat-model-v2.txt", "x".repeat(880 * 1024)); // past 80 % of the 1 MB test quota

        browser.get(admin.base().resolve("/").toString());
        Browser.logIn(browser, owner.loginName(), Users.PASSWORD);
        browser.get(admin.base().resolve("/#/releases/" + release + "/documents").toString());
        WebElement form = waiting().until(d -> d.findElement(By.id("ud-form")));
        WebElement quota = waiting().until(d -> d.findElement(By.id("upload-quota")));
        assertEquals("0", quota.getAttribute("data-percent"));
        assertFalse(quota.getAttribute("class").contains("warning"));
        assertEquals("0 bytes of 1.0 MB used (0 %)", browser.findElement(By.id("upload-quota-text")).getText());

        form.findElement(By.id("ud-title")).sendKeys(hostile);
        new Select(form.findElement(By.id("ud-category"))).selectByValue("DESIGN");
        new Select(form.findElement(By.id("ud-classification"))).selectByValue("CONFIDENTIAL");
        // the confidential scope without the security reviewers: owners, auditors, security administrators
        waiting().until(d -> d.findElements(By.cssSelector("#ud-distribution input[name=ud-role]")).size() == 4);
        browser.findElement(By.id("ud-role-SECURITY_REVIEWER")).click();
        form.findElement(By.id("ud-note")).sendKeys("first draft");
        form.findElement(By.id("ud-impact")).sendKeys("names the trust boundaries");
        form.findElement(By.id("ud-file")).sendKeys(v1.toAbsolutePath().toString());
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waiting().until(d -> d.findElement(By.id("ud-status")).getText().endsWith("uploaded as version 1."));

        WebElement row = browser.findElement(By.cssSelector("#uploaded-table tr[data-uploaded]"));
        String id = row.getAttribute("data-uploaded");
        assertTrue(row.getText().contains(hostile), row.getText());
        assertTrue(browser.findElements(By.cssSelector("#uploaded-documents img")).isEmpty(), "a title is never parsed as markup");
        assertEquals("confidential", row.findElement(By.cssSelector(".classification")).getAttribute("data-classification"));
        String scope = row.findElement(By.cssSelector(".ud-scope")).getText();
        assertEquals(List.of("Auditor", "Project owner", "Security administrator"), java.util.Arrays.stream(scope.split(", ")).sorted().toList());

        // a version, and its download
        row.findElement(By.cssSelector("a.ud-open")).click();
        WebElement versionForm = waiting().until(d -> d.findElement(By.id("ud-version-form")));
        assertTrue(browser.findElement(By.id("ud-detail-title")).getText().contains(hostile));
        versionForm.findElement(By.id("ud-version-file")).sendKeys(v2.toAbsolutePath().toString());
        versionForm.findElement(By.id("ud-version-note")).sendKeys("the full model");
        versionForm.findElement(By.id("ud-version-impact")).sendKeys("adds the payment flow");
        versionForm.findElement(By.cssSelector("button[type=submit]")).click();
        waiting().until(d -> d.findElement(By.id("ud-detail-status")).getText().equals("Version 2 added."));
        List<WebElement> versions = browser.findElements(By.cssSelector("#ud-versions tbody tr"));
        assertEquals(2, versions.size());
        assertTrue(versions.get(0).getText().contains("adds the payment flow"), versions.get(0).getText());
        assertTrue(versions.get(1).getText().contains("names the trust boundaries"), versions.get(1).getText());
        assertTrue(versions.get(0).getText().contains("encrypted at rest"), versions.get(0).getText());
        WebElement download = browser.findElement(By.cssSelector("#ud-versions tr[data-version='1'] a.ud-download"));
        assertEquals("threat-model.txt", download.getAttribute("download"));
        Object fetched = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(r => r.text().then(b => done(r.status + ' ' + r.headers.get('content-disposition') + ' ' + b)));",
                download.getAttribute("href"));
        assertEquals("200 attachment; filename=\"threat-model.txt\" " + first, fetched);

        // back to the list: past 80 % of the quota the bar warns
        browser.findElement(By.linkText("All documents of the release")).click();
        WebElement warned = waiting().until(d -> {
            WebElement q = d.findElement(By.id("upload-quota"));
            return q.getAttribute("class").contains("warning") ? q : null;
        });
        assertTrue(Integer.parseInt(warned.getAttribute("data-percent")) >= 80, warned.getAttribute("data-percent"));
        assertTrue(warned.getText().contains("more than 80 % of the quota is used"), warned.getText());

        // the developer is outside the scope: not listed, and refused with the server's own words
        assertEquals(null, browser.executeScript("return window.__pwned;"));
        List<?> ownerErrors = Browser.errors(browser);
        assertTrue(ownerErrors.isEmpty(), () -> "browser console errors (CSP violations among them): " + ownerErrors);
        browser.findElement(By.id("logout")).click();
        Browser.logIn(browser, developer.loginName(), Users.PASSWORD);
        browser.get(admin.base().resolve("/#/releases/" + release + "/documents").toString());
        waiting().until(d -> d.findElement(By.id("upload-quota")));
        assertTrue(browser.findElements(By.cssSelector("tr[data-uploaded='" + id + "']")).isEmpty(), "outside the scope: not listed");
        assertTrue(browser.findElements(By.id("ud-form")).size() == 1, "developers upload documents too");
        browser.get(admin.base().resolve("/#/uploaded-documents/" + id).toString());
        WebElement refused = waiting().until(d -> d.findElement(By.id("uploaded-refused")));
        String problem = developer.get("/api/v1/uploaded-documents/" + id, "Accept-Language", "en").json().get("detail").asText();
        assertEquals(problem, refused.getText());
        assertFalse(refused.getText().contains("Threat model"), refused.getText());
        assertTrue(browser.findElements(By.cssSelector("a.ud-download")).isEmpty());
        assertEquals(null, browser.executeScript("return window.__pwned;"));
        List<?> errors = Browser.errors(browser).stream().filter(e -> !e.getMessage().contains("403")).toList();
        assertTrue(errors.isEmpty(), () -> "browser console errors (CSP violations among them): " + errors);
    }
}
