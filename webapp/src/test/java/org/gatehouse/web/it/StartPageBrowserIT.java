package org.gatehouse.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The start page in Debian's Chromium, driven by Selenium (settings from RUNTIME.md; nothing is downloaded). */
@InBrowser
class StartPageBrowserIT {
    private ChromeDriver browser;

    @Test
    void showsProductVersionAndReadinessWithoutCspViolations(Api api) {
        browser.get(api.base().resolve("/").toString());
        assertEquals("Gatehouse", browser.getTitle(), browser::getPageSource);
        assertEquals("Gatehouse", browser.findElement(By.id("product")).getText());
        assertEquals(System.getProperty("gatehouse.version"), browser.findElement(By.id("version")).getText());

        // The ES module ran under the strict CSP and asked the API whether the server is ready.
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(d -> "ready".equals(d.findElement(By.id("status")).getAttribute("data-state")));
        assertTrue(browser.findElement(By.id("status")).getText().contains("就绪"));

        List<LogEntry> errors = Browser.errors(browser);
        assertTrue(errors.isEmpty(), () -> "browser console errors: " + errors);
    }
}
