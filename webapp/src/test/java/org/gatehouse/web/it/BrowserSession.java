package org.gatehouse.web.it;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A fresh Chromium ({@link Browser#open()}) for each test of a browser IT: before each test it fills the test
 * class's one {@code ChromeDriver} field, after it quits that browser (also when the test failed). Used through
 * {@link InBrowser}.
 */
final class BrowserSession implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        field(context).set(context.getRequiredTestInstance(), Browser.open());
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        Field field = field(context);
        Object browser = field.get(context.getRequiredTestInstance());
        if (browser instanceof ChromeDriver driver) {
            field.set(context.getRequiredTestInstance(), null);
            driver.quit();
        }
    }

    private static Field field(ExtensionContext context) {
        List<Field> fields = Arrays.stream(context.getRequiredTestClass().getDeclaredFields())
                .filter(f -> f.getType() == ChromeDriver.class).toList();
        if (fields.size() != 1) {
            throw new IllegalStateException(context.getRequiredTestClass().getSimpleName()
                    + " needs exactly one ChromeDriver field for @InBrowser, has " + fields.size());
        }
        fields.get(0).setAccessible(true);
        return fields.get(0);
    }
}
