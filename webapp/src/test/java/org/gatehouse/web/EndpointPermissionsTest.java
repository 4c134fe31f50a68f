package org.gatehouse.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.gatehouse.web.security.Public;
import org.gatehouse.web.security.Requires;
import org.junit.jupiter.api.Test;

/** Every JAX-RS resource method declares the permission it needs, or is explicitly public (B.2.4.2). */
class EndpointPermissionsTest {
    private static final List<Class<?>> HTTP_METHODS = List.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class,
            HEAD.class, OPTIONS.class);
    /** The only endpoints anyone may call. Adding one here is a security decision. */
    // reviewed: product info, login, the release-certificate CA and verification (7.8.4: anyone holding a certificate),
    // and issue-tracker webhooks (issue 7: authenticated by their HMAC signature under the connection's secret)
    private static final Set<String> PUBLIC = Set.of("InfoResource.get", "SessionResource.login",
            "CertificatesResource.authority", "CertificatesResource.verify", "TrackerWebhooksResource.receive");

    @Test
    void everyResourceMethodDeclaresExactlyOnePermissionOrIsPublic() {
        Set<String> publicOnes = new TreeSet<>();
        int endpoints = 0;
        for (JavaClass resource : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.gatehouse")) {
            if (!resource.isAnnotatedWith(Path.class)) {
                continue;
            }
            for (JavaMethod method : resource.getMethods()) {
                boolean endpoint = HTTP_METHODS.stream().anyMatch(m -> method.isAnnotatedWith(m.getName()));
                if (!endpoint) {
                    continue;
                }
                endpoints++;
                boolean requires = method.isAnnotatedWith(Requires.class);
                boolean open = method.isAnnotatedWith(Public.class);
                assertTrue(requires ^ open, method.getFullName() + " must declare @Requires or @Public (exactly one)");
                if (open) {
                    publicOnes.add(resource.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertTrue(endpoints >= 14, "found only " + endpoints + " endpoints");
        assertEquals(new TreeSet<>(PUBLIC), publicOnes);
    }
}
