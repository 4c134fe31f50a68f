package org.gatehouse.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.gatehouse.platform.error.DomainException;
import org.junit.jupiter.api.Test;

/** Every user-facing message exists in English and zh-CN, and every domain exception has its bundle. */
class MessageBundlesTest {

    @Test
    void everyBundleHasTheSameKeysInBothLanguages() throws IOException {
        Set<String> packages = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.gatehouse").stream().map(JavaClass::getPackageName)
                .collect(Collectors.toCollection(TreeSet::new));
        int bundles = 0;
        for (String pkg : packages) {
            String base = "/" + pkg.replace('.', '/') + "/Messages";
            Properties en = load(base + ".properties");
            Properties zh = load(base + "_zh_CN.properties");
            if (en == null && zh == null) {
                continue;
            }
            bundles++;
            assertTrue(en != null && zh != null, "both languages for " + base);
            assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(zh.stringPropertyNames()), base);
            for (String key : zh.stringPropertyNames()) {
                assertFalse(zh.getProperty(key).equals(en.getProperty(key)), base + " " + key + " is not translated");
            }
        }
        assertTrue(bundles >= 5, "found " + bundles + " bundles");
    }

    @Test
    void everyDomainExceptionPackageHasABundle() {
        new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.gatehouse").stream()
                .filter(type -> type.isAssignableTo(DomainException.class) && !type.getName().equals(DomainException.class.getName()))
                .forEach(type -> assertTrue(getClass().getResource("/" + type.getPackageName().replace('.', '/')
                        + "/Messages.properties") != null, "no Messages.properties beside " + type.getName()));
    }

    private Properties load(String resource) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }
}
