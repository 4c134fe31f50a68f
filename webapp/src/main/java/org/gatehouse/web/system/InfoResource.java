package org.gatehouse.web.system;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What is running: product name and version (the start page shows them). */
@Path("/info")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "system")
public class InfoResource {
    private final Info info = load();

    /** Product and version of this build. */
    public record Info(String product, String version, String api) {
    }

    @GET
    @org.gatehouse.web.security.Public("the start page shows the product and version before login")
    @Operation(summary = "Product name and version")
    public Info get() {
        return info;
    }

    private static Info load() {
        Properties build = new Properties();
        try (InputStream in = InfoResource.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Info("Gatehouse", build.getProperty("version", "unknown"), "v1");
    }
}
