package org.gatehouse.web.inventory;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatehouse.findings.inventory.LicencePolicies;
import org.gatehouse.findings.inventory.LicencePolicy;
import org.gatehouse.findings.inventory.UnknownLicences;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.web.security.CurrentActor;
import org.gatehouse.web.security.Requires;
import org.gatehouse.web.support.RequestBodies;

/**
 * A project's licence policy (C.4): allowed and denied licences and the rule for unknown ones; read
 * with the project's findings, replaced by project owners and security administrators (audited).
 */
@Path("/projects/{key}/licence-policy")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "inventory")
public class ProjectLicencePolicyResource {
    @Inject
    LicencePolicies policies;

    @Inject
    RequestBodies bodies;

    @Context
    ContainerRequestContext request;

    /** The body of a replacement; the lists may be empty, the rule defaults to FINDING. */
    public static class PolicyRequest {
        @Size(max = LicencePolicy.MAX_ENTRIES, message = "{validation.size}")
        public List<String> allowed;

        @Size(max = LicencePolicy.MAX_ENTRIES, message = "{validation.size}")
        public List<String> denied;

        @Size(max = 20, message = "{validation.size}")
        public String unknownLicences;
    }

    /** The policy; {@code version} 0 and no {@code updatedBy} for the default of a project without one. */
    public record PolicyView(String project, List<String> allowed, List<String> denied, String unknownLicences,
            long version, String updatedBy, Instant updatedAt) {
        static PolicyView of(LicencePolicies.Stored s) {
            return new PolicyView(s.project().value(), s.policy().allowed(), s.policy().denied(),
                    s.policy().unknown().name(), s.version(), s.updatedBy().orElse(null),
                    s.updatedAt().map(OffsetDateTime::toInstant).orElse(null));
        }
    }

    @GET
    @Requires(value = Permission.FINDING_READ, scope = Requires.Scope.PROJECT)
    @Operation(summary = "The project's licence policy (the default when none was set)")
    public PolicyView get(@PathParam("key") String key) {
        return PolicyView.of(policies.of(CurrentActor.of(request), key));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(value = Permission.INVENTORY_MANAGE, scope = Requires.Scope.PROJECT)
    @Operation(summary = "Replace the project's licence policy; applies from the next bill of materials imported")
    public PolicyView put(@PathParam("key") String key, PolicyRequest body) {
        PolicyRequest valid = bodies.valid(body);
        LicencePolicy policy = new LicencePolicy(valid.allowed == null ? List.of() : valid.allowed,
                valid.denied == null ? List.of() : valid.denied, UnknownLicences.parse(valid.unknownLicences));
        return PolicyView.of(policies.replace(CurrentActor.of(request), key, policy));
    }
}
