package org.gatehouse.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The documents tab in a real browser (issue 8 over ADR 0013): a project owner generates a document,
 * generating it again unchanged keeps the version, the versions show classification and the change
 * note (hostile text as text), the HTML opens in a new tab under its sandbox policy, the PDF downloads;
 * a secret document is outside the owner's distribution scope, which the screen says plainly.
 */
@InBrowser
class DocumentsBrowserIT {
    private ChromeDriver browser;

    private WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    @Test
    void anOwnerGeneratesViewsAndDownloadsDocuments(Api admin, Users users) {
        String project = Fixtures.createProject(admin, "DB");
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        String release = owner.post("/api/v1/projects/" + project + "/releases", "{\"version\":\"5.0\"}").json().get("id")
                .asText();
        String hostile = "<img src=x onerror=\"window.__pwned=1\"> after the re-scan";

        browser.get(admin.base().resolve("/").toString());
        Browser.logIn(browser, owner.loginName(), Users.PASSWORD);
        browser.get(admin.base().resolve("/#/releases/" + release + "/documents").toString());
        WebElement form = waiting().until(d -> d.findElement(By.id("document-generate")));
        assertEquals("page", browser.findElement(By.id("board-tab-documents")).getAttribute("aria-current"));
        new Select(form.findElement(By.id("document-kind"))).selectByValue("code-scan-report");
        new Select(form.findElement(By.id("document-language"))).selectByValue("en");
        form.findElement(By.id("document-note")).sendKeys(hostile);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waiting().until(d -> d.findElement(By.id("documents-status")).getText().equals("Code Scan Report: version 1 generated."));
        WebElement row = browser.findElement(By.cssSelector("tr[data-kind=code-scan-report][data-version='1']"));
        assertTrue(row.getText().contains(hostile), row.getText());
        assertTrue(row.findElements(By.tagName("img")).isEmpty(), "a change note is never parsed as markup");
        assertEquals("internal", row.findElement(By.cssSelector(".classification")).getAttribute("data-classification"));

        // unchanged content: the latest version stays
        WebElement again = browser.findElement(By.id("document-generate"));
        new Select(again.findElement(By.id("document-kind"))).selectByValue("code-scan-report");
        new Select(again.findElement(By.id("document-language"))).selectByValue("en");
        again.findElement(By.id("document-note")).sendKeys("nothing new");
        again.findElement(By.cssSelector("button[type=submit]")).click();
        waiting().until(d -> d.findElement(By.id("documents-status")).getText().contains("nothing changed since version 1"));
        assertEquals(1, browser.findElements(By.cssSelector("tr[data-kind=code-scan-report]")).size());

        // the PDF downloads (fetched here: its type and first bytes), the HTML opens in a new tab
        WebElement pdf = browser.findElement(By.cssSelector("tr[data-kind=code-scan-report] a.doc-pdf"));
        assertTrue(pdf.getAttribute("download").endsWith(".pdf"));
        Object fetched = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done(r.status + ' ' + r.headers.get('content-type') + ' '"
                + " + String.fromCharCode(...new Uint8Array(b).slice(0, 5)))));", pdf.getAttribute("href"));
        assertEquals("200 application/pdf %PDF-", fetched);
        String main = browser.getWindowHandle();
        WebElement html = browser.findElement(By.cssSelector("tr[data-kind=code-scan-report] a.doc-html"));
        assertEquals("_blank", html.getAttribute("target"));
        html.click();
        waiting().until(d -> d.getWindowHandles().size() == 2);
        Set<String> handles = browser.getWindowHandles();
        handles.remove(main);
        browser.switchTo().window(handles.iterator().next());
        waiting().until(d -> d.findElement(By.tagName("body")).getText().contains("Code Scan Report"));
        browser.close();
        browser.switchTo().window(main);

        // a secret version is generated but not the owner's to read: the list leaves it out, its link says why
        String secret = owner.post("/api/v1/releases/" + release + "/documents/test-recommendations",
                "{\"classification\":\"secret\",\"changeNote\":\"for the reviewers\"}").json().get("id").asText();
        browser.get(admin.base().resolve("/#/documents/" + secret).toString());
        WebElement refused = waiting().until(d -> d.findElement(By.id("document-refused")));
        assertTrue(refused.getText().contains("outside your distribution scope"), refused.getText());
        browser.findElement(By.id("language")).click();
        waiting().until(d -> d.findElement(By.id("document-refused")).getText().contains("分发范围"));

        assertEquals(null, browser.executeScript("return window.__pwned;"));
        List<?> errors = Browser.errors(browser).stream().filter(e -> !e.getMessage().contains("403")).toList();
        assertTrue(errors.isEmpty(), () -> "browser console errors (CSP violations among them): " + errors);
    }
}
