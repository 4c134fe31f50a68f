package org.gatehouse.web.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A browser IT: the real server ({@link GatehouseServer}, its {@code Api} and {@code Users} parameters) and a fresh
 * Chromium per test in the class's {@code ChromeDriver} field ({@link BrowserSession}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith({GatehouseServer.class, BrowserSession.class})
@interface InBrowser {
}
