package org.gatehouse.web.inventory;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatehouse.findings.inventory.LicenceVerdict;
import org.gatehouse.findings.inventory.ReleaseComponents;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.web.paging.PageQuery;
import org.gatehouse.web.paging.PageView;
import org.gatehouse.web.security.CurrentActor;
import org.gatehouse.web.security.Requires;

/** A release's software inventory (C.4): the components of its latest bills of materials, with licences and verdicts. */
@Path("/releases/{id}/components")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "inventory")
public class ReleaseComponentsResource {
    @Inject
    ReleaseComponents components;

    @Context
    ContainerRequestContext request;

    /** One licence of a component and the policy's verdict at import. */
    public record LicenceView(String kind, String value, String verdict) {
    }

    /** One component. */
    public record ComponentView(String id, String importId, String identity, String type, String group, String name,
            String version, String purl, String bomRef, int depth, List<String> hashes, String verdict,
            List<LicenceView> licences, List<String> flags) {
        static ComponentView of(ReleaseComponents.Component c) {
            return new ComponentView(c.id().toString(), c.importId().toString(), c.identity(), c.type(), c.group(),
                    c.name(), c.version(), c.purl().orElse(null), c.bomRef().orElse(null), c.depth(), c.hashes(),
                    c.verdict().name(), c.licences().stream().map(l -> new LicenceView(l.kind(), l.value(),
                            l.verdict().name())).toList(), c.flags());
        }
    }

    @GET
    @Requires(value = Permission.FINDING_READ, scope = Requires.Scope.RELEASE)
    @Operation(summary = "The release's components by name (keyset pages), optionally of one licence verdict"
            + " (ALLOWED, NOT_LISTED, UNKNOWN, DENIED)")
    public PageView<ComponentView> list(@PathParam("id") String id, @QueryParam("verdict") String verdict,
            @BeanParam PageQuery page) {
        Optional<LicenceVerdict> only = Optional.ofNullable(verdict).filter(v -> !v.isBlank()).map(LicenceVerdict::parse);
        return PageView.of(components.of(CurrentActor.of(request), id, only, page.cursor(), page.limit()),
                ComponentView::of);
    }
}
