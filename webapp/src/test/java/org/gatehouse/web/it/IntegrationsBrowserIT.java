package org.gatehouse.web.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The integrations screen and the e-mail preferences (issue 7) in a real browser under the strict CSP, on the
 * real server: a project owner opens the project's integrations from the portfolio, sees the server's field
 * errors next to the fields, a hostile webhook URL and description shown as text, creates a webhook to a receiver
 * in this test (its secret shown once), sees the delivery of a refused move in the log with its status code and
 * redelivers it (same delivery id); connects a fake GitHub (WireMock, the documented shapes) and sees the webhook
 * secret once and the address and header to register; reads the screen in Chinese; chooses e-mail events and
 * language on the account screen and finds them after a reload.
 */
@InBrowser
class IntegrationsBrowserIT {
    private static final String TOKEN = "ghp_INTEGRATIONS-token-never-shown";
    private static final String HOSTILE = "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script>";
    private static final WireMockServer GITHUB = new WireMockServer(options().dynamicPort());

    private ChromeDriver browser;

    @BeforeAll
    static void startTracker() {
        GITHUB.start();
        GITHUB.stubFor(get(urlPathEqualTo("/repos/acme/shop")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":1,\"full_name\":\"acme/shop\",\"has_issues\":true}")));
    }

    @AfterAll
    static void stopTracker() {
        GITHUB.stop();
    }

    private WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private WebElement byId(String id) {
        return browser.findElement(By.id(id));
    }

    private void type(String id, String text) {
        WebElement input = byId(id);
        input.clear();
        input.sendKeys(text);
    }

    private WebElement deliveryRow() {
        return browser.findElement(By.cssSelector("#delivery-rows tr[data-delivery]"));
    }

    @Test
    void anOwnerWiresWebhooksAndATrackerAndChoosesTheirEMail(Api admin, Users users) throws Exception {
        String project = Fixtures.createProject(admin, "INT");
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        String release = owner.post("/api/v1/projects/" + project + "/releases", "{\"version\":\"1.0\"}").json()
                .get("id").asText();

        try (OutboundEventsIT.Receiver receiver = new OutboundEventsIT.Receiver("none", 0)) {
            browser.get(admin.base().resolve("/").toString());
            Browser.logIn(browser, owner.loginName(), Users.PASSWORD);
            browser.get(admin.base().resolve("/#/portfolio").toString());
            waiting().until(d -> d.findElement(By.cssSelector("tr[data-project='" + project + "'] a.integrations-link"))).click();
            waiting().until(d -> "projects".equals(byId("view").getAttribute("data-screen")));
            waiting().until(d -> byId("tracker-none").isDisplayed());

            // the server's field errors next to the fields
            byId("webhook-submit").click();
            waiting().until(d -> !d.findElements(By.cssSelector("#webhook-form .at-field[data-field=url]")).isEmpty());
            assertFalse(browser.findElements(By.cssSelector("#webhook-events + .at-field[data-field=events]")).isEmpty());
            assertEquals("true", byId("webhook-url").getAttribute("aria-invalid"));

            // a hostile URL comes back in the server's refusal: shown as text, never run
            type("webhook-url", "http://127.0.0.1/" + HOSTILE);
            byId("webhook-event-gate-blocked").click();
            byId("webhook-submit").click();
            waiting().until(d -> byId("webhooks-error").getText().contains("<img src=x"));
            assertNull(browser.executeScript("return window.__pwned;"));
            assertNull(byId("webhook-url").getAttribute("aria-invalid"), "no field error for this refusal");

            // create: the secret once, the hostile description as text
            type("webhook-url", receiver.url());
            type("webhook-description", HOSTILE);
            byId("webhook-submit").click();
            String secret = waiting().until(d -> byId("webhook-secret-value").getAttribute("value"));
            assertTrue(secret.startsWith("whsec_"), secret);
            WebElement row = waiting().until(d -> d.findElement(By.cssSelector("#webhook-rows tr[data-webhook]")));
            assertEquals(HOSTILE, row.findElement(By.cssSelector(".webhook-description")).getText());
            assertTrue(browser.findElements(By.cssSelector("#webhooks img, #webhooks script")).isEmpty());
            assertNull(browser.executeScript("return window.__pwned;"));
            assertTrue(row.getText().contains(receiver.url()), row.getText());
            String hook = row.getAttribute("data-webhook");
            JsonNode listed = owner.get("/api/v1/projects/" + project + "/webhooks").json().get(0);
            assertEquals("[\"gate.blocked\"]", listed.get("events").toString());
            assertTrue(listed.path("secret").isNull() || listed.path("secret").isMissingNode(), "never listed again");

            // an event: a refused move is announced; the log shows the delivery with its status code
            assertEquals(409, owner.post("/api/v1/releases/" + release + "/lifecycle/transitions", "{\"trigger\":\"advance\"}",
                    "If-Match", "\"0\"").status());
            List<OutboundEventsIT.Received> first = receiver.await("gate.blocked", 1, Duration.ofSeconds(30));
            assertEquals(1, first.size());
            String deliveryId = first.get(0).header("Gatehouse-Delivery");
            row.findElement(By.cssSelector("button.webhook-log")).click();
            waiting().until(d -> {
                if (d.findElements(By.cssSelector("#delivery-rows tr[data-status=DELIVERED]")).isEmpty()) {
                    byId("deliveries-refresh").click();
                    return false;
                }
                return true;
            });
            assertEquals(deliveryId, deliveryRow().getAttribute("data-delivery"));
            assertEquals("204", deliveryRow().findElement(By.cssSelector(".delivery-code")).getText());
            assertTrue(deliveryRow().findElement(By.cssSelector(".delivery-attempts-count")).getText().startsWith("1 / "));

            // redeliver: the same delivery id once more, a second attempt in the log
            deliveryRow().findElement(By.cssSelector("button.delivery-redeliver")).click();
            waiting().until(d -> byId("deliveries-status").getText().contains("sent again"));
            List<OutboundEventsIT.Received> twice = receiver.await("gate.blocked", 2, Duration.ofSeconds(30));
            assertEquals(2, twice.size());
            assertEquals(deliveryId, twice.get(1).header("Gatehouse-Delivery"));
            waiting().until(d -> {
                WebElement again = deliveryRow();
                if (!"2".equals(again.getAttribute("data-attempts")) || !"DELIVERED".equals(again.getAttribute("data-status"))) {
                    byId("deliveries-refresh").click();
                    return false;
                }
                return true;
            });

            // deactivate
            browser.findElement(By.cssSelector("#webhook-rows tr[data-webhook] button.webhook-toggle")).click();
            waiting().until(d -> "false".equals(d.findElement(By.cssSelector("#webhook-rows tr[data-webhook]"))
                    .getAttribute("data-active")));
            assertFalse(owner.get("/api/v1/projects/" + project + "/webhooks/" + hook).json().get("active").asBoolean());
        }

        // the tracker: connect a fake GitHub, the webhook secret once, the address and header to register
        type("tracker-base-url", GITHUB.baseUrl());
        type("tracker-container", "acme/shop");
        type("tracker-token", TOKEN);
        byId("tracker-submit").click();
        String trackerSecret = waiting().until(d -> byId("tracker-secret-value").getAttribute("value"));
        assertTrue(trackerSecret.length() >= 40, trackerSecret);
        assertEquals("X-Hub-Signature-256", byId("tracker-signature-header").getText());
        assertTrue(byId("tracker-webhook-address").getText().contains("/api/v1/tracker-webhooks/"),
                byId("tracker-webhook-address").getText());
        assertEquals("acme/shop", byId("tracker-container").getText());
        byId("tracker-check").click();
        waiting().until(d -> byId("tracker-done").getText().contains("acme/shop"));

        browser.navigate().refresh();
        waiting().until(d -> d.findElement(By.id("tracker-facts")));
        assertTrue(browser.findElements(By.id("tracker-secret-value")).isEmpty(), "the secret is shown once");
        assertFalse(browser.getPageSource().contains(trackerSecret) || browser.getPageSource().contains(TOKEN));
        assertTrue(browser.findElements(By.id("webhook-secret-value")).isEmpty());

        // in Chinese
        byId("language").click();
        waiting().until(d -> byId("tracker-title").getText().equals("问题跟踪系统"));
        assertTrue(browser.findElement(By.tagName("h2")).getText().contains(project + " 的集成"));
        assertEquals("已停用", browser.findElement(By.cssSelector("#webhook-rows .webhook-active")).getText());
        byId("language").click();
        waiting().until(d -> byId("tracker-title").getText().equals("Issue tracker"));

        // the e-mail preferences: chosen, saved, and there after a reload
        browser.get(admin.base().resolve("/#/account").toString());
        waiting().until(d -> d.findElement(By.id("notify-gate-blocked")));
        byId("notify-gate-blocked").click();
        byId("notify-findings-changed").click();
        new org.openqa.selenium.support.ui.Select(byId("notify-language")).selectByValue("en");
        byId("notify-submit").click();
        waiting().until(d -> byId("notify-done").getText().contains("saved"));
        browser.navigate().refresh();
        waiting().until(d -> d.findElement(By.id("notify-gate-blocked")));
        assertTrue(byId("notify-gate-blocked").isSelected());
        assertTrue(byId("notify-findings-changed").isSelected());
        assertFalse(byId("notify-release-phase-changed").isSelected());
        assertEquals("en", byId("notify-language").getAttribute("value"));
        JsonNode preferences = owner.get("/api/v1/session/notification-preferences").json();
        assertEquals("en", preferences.get("language").asText());
        assertEquals(2, preferences.get("events").size(), preferences::toString);

        // console errors and CSP violations: none but the refusals this test asked for (400) and "not connected" (404)
        List<LogEntry> errors = Browser.errors(browser).stream()
                .filter(e -> !e.getMessage().matches("(?s).*status of (400|404).*")).toList();
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void anAuditorReadsWithoutFormsAndADeveloperIsNotOffered(Api admin, Users users) {
        String project = Fixtures.createProject(admin, "INR");
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        Api developer = users.withProjectRole("DEVELOPER", project);
        Api auditor = users.withGlobalRole("AUDITOR");
        assertEquals(201, owner.post("/api/v1/projects/" + project + "/webhooks",
                "{\"url\":\"http://127.0.0.1:9/hook\",\"events\":[\"gate.blocked\"],\"description\":\"CI\"}").status());

        browser.get(admin.base().resolve("/").toString());
        Browser.logIn(browser, auditor.loginName(), Users.PASSWORD);
        browser.get(admin.base().resolve("/#/projects/" + project + "/integrations").toString());
        WebElement row = waiting().until(d -> d.findElement(By.cssSelector("#webhook-rows tr[data-webhook]")));
        assertTrue(row.getText().contains("http://127.0.0.1:9/hook"), row.getText());
        assertFalse(row.findElements(By.cssSelector("button.webhook-log")).isEmpty(), "auditors read the log");
        assertTrue(row.findElements(By.cssSelector("button.webhook-edit, button.webhook-delete, button.webhook-toggle")).isEmpty());
        assertTrue(browser.findElements(By.id("webhook-form")).isEmpty(), "owners only");
        assertTrue(browser.findElements(By.id("tracker")).isEmpty(), "the tracker connection is the owners'");

        browser.findElement(By.id("logout")).click();
        Browser.logIn(browser, developer.loginName(), Users.PASSWORD);
        browser.get(admin.base().resolve("/#/portfolio").toString());
        waiting().until(d -> d.findElement(By.cssSelector("tr[data-project='" + project + "']")));
        assertTrue(browser.findElements(By.cssSelector("a.integrations-link")).isEmpty(), "not offered to developers");
        browser.get(admin.base().resolve("/#/projects/" + project + "/integrations").toString());
        waiting().until(d -> d.findElement(By.id("integrations-none")));

        List<LogEntry> errors = Browser.errors(browser);
        assertTrue(errors.isEmpty(), errors.toString());
    }
}
