package org.gatehouse.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.gatehouse.identity.secondfactor.Totp;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The account and administration screens in a real browser (issue 8): an administrator creates an
 * account, grants it a role and issues a CI token whose secret is shown once; an auditor finds the
 * account's creation in the audit trail and sees the chain intact; all under the strict CSP, in
 * English and Chinese. And a person's own account: a password change refused with the server's
 * message, then done; an authenticator app enrolled from its QR code.
 */
@InBrowser
class AdminBrowserIT {
    private ChromeDriver browser;

    private WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    private void logIn(Api api, String login) {
        browser.get(api.base().resolve("/").toString());
        WebElement form = waiting().until(d -> d.findElement(By.id("login-form")));
        form.findElement(By.id("login")).sendKeys(login);
        form.findElement(By.id("password")).sendKeys(Users.PASSWORD);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waiting().until(d -> d.findElement(By.id("who")).getText().equals(login));
    }

    private static void type(WebElement input, String text) {
        input.clear();
        input.sendKeys(text);
    }

    @Test
    void anAdministratorManagesAccountsAndTokensAndAnAuditorChecksTheTrail(Api admin, Users users) {
        String project = Fixtures.createProject(admin, "ADM");
        Api administrator = users.withGlobalRole("ADMINISTRATOR");
        logIn(administrator, administrator.loginName());

        // an administrator (no findings of its own) starts in Administration → accounts
        waiting().until(d -> d.findElement(By.id("account-create")).isDisplayed());
        assertEquals("page", browser.findElement(By.id("tab-accounts")).getAttribute("aria-current"));
        assertTrue(browser.findElements(By.id("nav-findings")).isEmpty(), "no findings menu without a role that reads them");
        assertTrue(browser.findElements(By.id("tab-audit")).isEmpty(), "administrators do not read the audit trail");

        // create an account; Gatehouse generates its one-time password and shows it once
        String login = ("web" + Fixtures.uniqueKey("")).toLowerCase(Locale.ROOT);
        WebElement create = browser.findElement(By.id("account-create"));
        type(create.findElement(By.id("new-login")), login);
        type(create.findElement(By.id("new-name")), "Web <b>Tester</b>");
        create.findElement(By.cssSelector("button[type=submit]")).click();
        waiting().until(d -> d.findElement(By.id("account-created")).getText().contains(login));
        assertFalse(browser.findElement(By.id("one-time-password-value")).getAttribute("value").isBlank());
        WebElement detail = waiting().until(d -> {
            WebElement aside = d.findElement(By.id("account-detail"));
            return aside.getText().contains(login) ? aside : null;
        });
        assertTrue(detail.getText().contains("Web <b>Tester</b>"), "a display name is shown as text");
        assertTrue(detail.findElements(By.tagName("b")).isEmpty());

        // grant it a project role (C.1: the project is at level 2, so the person is vetted first)
        users.vet(login);
        new Select(browser.findElement(By.id("grant-role"))).selectByValue("DEVELOPER");
        new Select(browser.findElement(By.id("grant-project"))).selectByValue(project);
        browser.findElement(By.cssSelector("#role-grant button[type=submit]")).click();
        waiting().until(d -> !d.findElements(By.cssSelector("#account-roles li[data-role=DEVELOPER][data-project='" + project + "']"))
                .isEmpty());
        assertTrue(admin.get("/api/v1/accounts/" + login).body().contains("\"DEVELOPER\""), "the grant is on the server");
        assertTrue(browser.findElement(By.id("account-detail")).getText().contains("Developer — " + project));

        // a CI service account of the project and a token: the secret shown once, and it works
        browser.findElement(By.id("tab-credentials")).click();
        waiting().until(d -> d.findElement(By.id("service-account-create")));
        new Select(browser.findElement(By.id("cred-project"))).selectByValue(project);
        waiting().until(d -> d.findElement(By.id("service-accounts-none")));
        type(browser.findElement(By.id("sa-name")), "jenkins");
        browser.findElement(By.cssSelector("#service-account-create button[type=submit]")).click();
        String serviceLogin = "ci-" + project.toLowerCase(Locale.ROOT) + "-jenkins";
        WebElement issue = waiting().until(d -> d.findElement(By.id("issue-" + serviceLogin)));
        type(issue.findElement(By.id("issue-" + serviceLogin + "-name")), "main");
        issue.findElement(By.id("issue-" + serviceLogin + "-releases-read")).click();
        issue.findElement(By.cssSelector("button[type=submit]")).click();
        String secret = waiting().until(d -> d.findElement(By.id("token-secret-value"))).getAttribute("value");
        assertTrue(secret.startsWith("gh_"), secret);
        assertTrue(browser.findElement(By.id("token-secret")).getText().contains("only this once"));
        String tokenRow = ".service-account[data-login='" + serviceLogin + "'] table.tokens tbody tr";
        waiting().until(d -> d.findElements(By.cssSelector(tokenRow)).size() == 1);
        assertEquals(200, new Api(admin.base()).withToken(secret).get("/api/v1/projects/" + project + "/releases").status());

        browser.navigate().refresh();
        new Select(waiting().until(d -> d.findElement(By.id("cred-project")))).selectByValue(project);
        waiting().until(d -> d.findElements(By.cssSelector(tokenRow)).size() == 1);
        assertTrue(browser.findElements(By.id("token-secret-value")).isEmpty(), "the secret is not shown again");
        assertFalse(browser.getPageSource().contains(secret), "the secret is nowhere on the page after a reload");
        assertTrue(browser.findElement(By.cssSelector(tokenRow)).getText().contains("releases:read"));

        List<LogEntry> adminErrors = Browser.errors(browser);
        assertTrue(adminErrors.isEmpty(), () -> "browser console errors (CSP violations among them): " + adminErrors);

        // an auditor searches the trail for the account's creation and verifies the chain
        browser.findElement(By.id("logout")).click();
        waiting().until(d -> d.findElement(By.id("login-form")));
        Api auditor = users.withGlobalRole("AUDITOR");
        logIn(auditor, auditor.loginName());
        browser.findElement(By.id("nav-admin")).click();
        waiting().until(d -> d.findElement(By.id("tab-audit"))).click();
        WebElement filter = waiting().until(d -> d.findElement(By.id("audit-filter")));
        type(filter.findElement(By.id("audit-target")), "account:" + login);
        type(filter.findElement(By.id("audit-type")), "account.created");
        filter.findElement(By.cssSelector("button[type=submit]")).click();
        waiting().until(d -> d.findElements(By.cssSelector("#audit-rows tr")).size() == 1
                && d.findElement(By.id("audit-rows")).getText().contains(administrator.loginName()));
        String row = browser.findElement(By.id("audit-rows")).getText();
        assertTrue(row.contains("account.created") && row.contains("account:" + login), row);
        String csv = browser.findElement(By.id("audit-export-csv")).getAttribute("href");
        assertTrue(csv.contains("format=csv") && csv.contains("target=account%3A" + login), csv);
        Object exported = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(r => r.text()).then(done, e => done('failed: ' + e));", csv);
        assertTrue(String.valueOf(exported).contains("account:" + login), () -> "export: " + exported);

        browser.findElement(By.id("audit-verify")).click();
        waiting().until(d -> "intact".equals(d.findElement(By.id("audit-verification")).getAttribute("data-state")));
        assertTrue(browser.findElement(By.id("audit-verification")).getText().startsWith("Intact:"));

        // in Chinese
        browser.findElement(By.id("language")).click();
        waiting().until(d -> d.findElement(By.id("nav-admin")).getText().equals("系统管理"));
        waiting().until(d -> d.findElement(By.id("tab-audit")).getText().equals("审计记录"));
        assertEquals("校验审计链", browser.findElement(By.id("audit-verify")).getText());
        assertEquals("对象", browser.findElement(By.cssSelector("label[for=audit-target]")).getText());

        List<LogEntry> errors = Browser.errors(browser);
        assertTrue(errors.isEmpty(), () -> "browser console errors (CSP violations among them): " + errors);
    }

    @Test
    void aPersonChangesTheirPasswordAfterARefusalAndEnrolsAnAuthenticatorApp(Users users) {
        Api person = users.withoutRoles();
        logIn(person, person.loginName());

        // a person without roles starts on their account screen
        WebElement form = waiting().until(d -> d.findElement(By.id("account-password")));
        type(form.findElement(By.id("account-current")), "Not-The-Password-2026");
        type(form.findElement(By.id("account-new")), "Brand-New-Password-2026");
        type(form.findElement(By.id("account-repeat")), "Brand-New-Password-2026");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waiting().until(d -> d.findElement(By.id("account-password-error")).getText().equals("The current password is wrong."));
        assertEquals("", browser.findElement(By.id("account-password-done")).getText());

        type(form.findElement(By.id("account-current")), Users.PASSWORD);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waiting().until(d -> d.findElement(By.id("account-password-done")).getText().startsWith("Password changed."));
        assertEquals("", browser.findElement(By.id("account-password-error")).getText());
        person.anonymous().login(person.loginName(), "Brand-New-Password-2026");

        // the authenticator app: the QR code is shown (a data: image under the CSP), a code confirms it
        browser.findElement(By.id("totp-begin")).click();
        WebElement qr = waiting().until(d -> d.findElement(By.id("totp-qr")));
        waiting().until(d -> ((Number) browser.executeScript("return arguments[0].naturalWidth;", qr)).intValue() > 0);
        byte[] secret = SecondFactorIT.base32(browser.findElement(By.id("totp-secret")).getText());
        type(browser.findElement(By.id("totp-code")), Totp.code(secret, Totp.step(Instant.now().getEpochSecond())));
        browser.findElement(By.cssSelector("#totp-confirm button[type=submit]")).click();
        String codes = waiting().until(d -> d.findElement(By.id("totp-recovery-value"))).getAttribute("value");
        assertEquals(10, codes.lines().count(), codes);
        assertTrue(browser.findElement(By.id("totp-enrolled")).isDisplayed());
        Api.Reply withoutCode = person.anonymous().post("/api/v1/session",
                "{\"login\":\"" + person.loginName() + "\",\"password\":\"Brand-New-Password-2026\"}");
        assertEquals(401, withoutCode.status(), withoutCode::toString);
        assertTrue(withoutCode.body().contains("second-factor-required"), withoutCode::toString);

        List<LogEntry> csp = Browser.errors(browser).stream()
                .filter(e -> e.getMessage().contains("Content Security Policy")).toList();
        assertTrue(csp.isEmpty(), () -> "CSP violations: " + csp);
    }
}
