package org.gatehouse.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The public REST API. Every resource and provider in the WAR is discovered by scanning. */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(info = @Info(title = "Gatehouse API", version = "v1",
        description = "Secure-SDLC governance: projects, releases and their security gates (TC260 B.1.3.1)."))
public class GatehouseApi extends Application {
}
