package org.gatehouse.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Time to first render of a screen in Debian's Chromium (issue 8): a full page load of the screen's address, then the
 * browser's own clock ({@code performance.now()}, milliseconds since the navigation started) when the screen's first
 * row is in the document. The login happens once through the form; every measured load is a new navigation.
 */
final class FirstRender implements AutoCloseable {
    private static final String WAIT_FOR = "const [selector, done] = [arguments[0], arguments[arguments.length - 1]];"
            + " const check = () => document.querySelector(selector) ? done(performance.now()) : setTimeout(check, 5);"
            + " check();";

    private final ChromeDriver browser;
    private final URI base;

    FirstRender(URI base, String login, String password) throws Exception {
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        System.setProperty("SE_OFFLINE", "true");
        Path profile = Files.createTempDirectory("gatehouse-bench-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1280,900", "--lang=en-GB", "--user-data-dir=" + profile);
        org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
        logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        this.browser = new ChromeDriver(options);
        this.base = base;
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        browser.get(base.resolve("/").toString());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        WebElement form = wait.until(d -> d.findElement(By.id("login-form")));
        form.findElement(By.id("login")).sendKeys(login);
        form.findElement(By.id("password")).sendKeys(password);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> d.findElement(By.id("who")).getText().equals(login));
    }

    /** Milliseconds from navigation start to the first element matching {@code selector}, for each of {@code rounds} loads. */
    List<Double> measure(String hash, String selector, int rounds) {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            browser.get("about:blank");
            browser.get(base.resolve("/" + hash).toString());
            try {
                Object at = ((JavascriptExecutor) browser).executeAsyncScript(WAIT_FOR, selector);
                times.add(((Number) at).doubleValue());
            } catch (org.openqa.selenium.ScriptTimeoutException e) {
                throw new IllegalStateException(selector + " did not appear at " + browser.getCurrentUrl() + "; the page says: "
                        + browser.findElement(By.tagName("body")).getText() + "; console: "
                        + browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll(), e);
            }
        }
        return times;
    }

    @Override
    public void close() {
        browser.quit();
    }
}
