package org.gatehouse.web.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/** Debian's Chromium through Selenium, with the settings of RUNTIME.md (nothing is downloaded). */
final class Browser {
    private Browser() {
    }

    static ChromeDriver open() throws IOException {
        return open(java.util.Map.of());
    }

    /** A browser whose Chromium (and chromedriver) run with these environment variables added (e.g. FONTCONFIG_FILE). */
    static ChromeDriver open(java.util.Map<String, String> environment) throws IOException {
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        System.setProperty("SE_OFFLINE", "true");
        Path profile = Files.createTempDirectory(GatehouseServer.itDirectory(), "chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--window-size=1280,900", "--lang=en-GB",
                "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        if (environment.isEmpty()) {
            return new ChromeDriver(options);
        }
        return new ChromeDriver(new org.openqa.selenium.chrome.ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).withEnvironment(environment).build(), options);
    }

    /** Console errors, CSP violations included. */
    static List<LogEntry> errors(ChromeDriver browser) {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
    }

    /**
     * Fills and sends the login form, then waits for the start screen. After a logout the login
     * screen may render twice (the logout and the hash change): the form that stays is the one filled.
     */
    static void logIn(ChromeDriver browser, String login, String password) {
        org.openqa.selenium.support.ui.WebDriverWait wait = new org.openqa.selenium.support.ui.WebDriverWait(browser,
                java.time.Duration.ofSeconds(20));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        wait.until(d -> {
            org.openqa.selenium.WebElement form = d.findElement(org.openqa.selenium.By.id("login-form"));
            org.openqa.selenium.WebElement name = form.findElement(org.openqa.selenium.By.id("login"));
            name.clear();
            name.sendKeys(login);
            org.openqa.selenium.WebElement secret = form.findElement(org.openqa.selenium.By.id("password"));
            secret.clear();
            secret.sendKeys(password);
            form.findElement(org.openqa.selenium.By.cssSelector("button[type=submit]")).click();
            return true;
        });
        wait.until(d -> d.findElement(org.openqa.selenium.By.id("who")).getText().equals(login));
        // the start screen has rendered: it cannot replace the screen opened next
        wait.until(d -> {
            String screen = d.findElement(org.openqa.selenium.By.id("view")).getAttribute("data-screen");
            return screen != null && !screen.isEmpty();
        });
    }
}
