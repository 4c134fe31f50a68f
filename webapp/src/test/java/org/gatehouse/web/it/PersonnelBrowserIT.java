package org.gatehouse.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The personnel screen (C.1) in a real browser under the strict CSP: a security administrator opens a
 * project's team, opens a developer's register entry, records that the confidentiality agreement ran out
 * yesterday, and sees the role suspended in the team, in English and Chinese; the project's owner reads
 * the team but gets no recording forms.
 */
@ExtendWith(GatehouseServer.class)
class PersonnelBrowserIT {
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
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    private void setDate(String id, LocalDate date) {
        browser.executeScript("arguments[0].value = arguments[1];", browser.findElement(By.id(id)), date.toString());
    }

    @Test
    void aSecurityAdministratorRecordsAnExpiredAgreementAndTheRoleShowsSuspended(Api admin, Users users) {
        String project = Fixtures.createProject(admin, "PBR"); // level 2
        Api owner = users.withProjectRole("PROJECT_OWNER", project);
        Api developer = users.withProjectRole("DEVELOPER", project);
        Api sec = users.personnelAdmin();
        String row = "#team-table tr[data-login='" + developer.loginName() + "']";

        browser.get(admin.base().resolve("/").toString());
        Browser.logIn(browser, sec.loginName(), Users.PASSWORD);
        browser.get(admin.base().resolve("/#/admin/personnel/" + project).toString());
        WebElement vetted = waiting().until(d -> d.findElement(By.cssSelector(row)));
        assertEquals("false", vetted.getAttribute("data-suspended"));
        assertTrue(vetted.getText().contains("vetted"), vetted.getText());

        vetted.click();
        waiting().until(d -> d.findElement(By.id("person-detail")).getText().contains(developer.loginName()));
        WebElement form = browser.findElement(By.id("agreement-form"));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        setDate("nda-signed", today.minusYears(1));
        setDate("nda-expires", today.minusDays(1));
        form.findElement(By.id("nda-sha")).sendKeys("ef".repeat(32));
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waiting().until(d -> d.findElement(By.id("person-notice")).getText().contains("Recorded"));
        WebElement suspended = waiting().until(d -> {
            WebElement tr = d.findElement(By.cssSelector(row));
            return "true".equals(tr.getAttribute("data-suspended")) ? tr : null;
        });
        assertTrue(suspended.getText().contains("suspended"), suspended.getText());
        assertTrue(browser.findElement(By.id("person-roles")).getText().contains("confidentiality agreement"),
                browser.findElement(By.id("person-roles")).getText());
        browser.findElement(By.id("language")).click();
        WebDriverWait chinese = waiting();
        chinese.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        chinese.until(d -> d.findElement(By.cssSelector(row)).getText().contains("已暂停"));
        assertEquals(project, new Select(browser.findElement(By.id("personnel-project"))).getFirstSelectedOption()
                .getAttribute("value"), "the address names the project");

        List<?> errors = Browser.errors(browser);
        assertTrue(errors.isEmpty(), () -> "browser console errors (CSP violations among them): " + errors);

        // the owner reads the team of the project, without recording forms or register entries
        browser.findElement(By.id("logout")).click();
        Browser.logIn(browser, owner.loginName(), Users.PASSWORD);
        browser.get(admin.base().resolve("/#/admin/personnel").toString());
        waiting().until(d -> d.findElement(By.cssSelector(row))); // the owner's one project comes first
        assertTrue(browser.findElements(By.id("person-lookup")).isEmpty());
        assertTrue(browser.findElements(By.id("agreement-form")).isEmpty());
    }
}
