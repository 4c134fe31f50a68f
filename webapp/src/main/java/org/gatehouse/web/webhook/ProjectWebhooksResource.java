package org.gatehouse.web.webhook;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.notify.webhook.WebhookNotFound;
import org.gatehouse.notify.webhook.Webhooks;
import org.gatehouse.web.security.CurrentActor;
import org.gatehouse.web.security.Requires;
import org.gatehouse.web.support.RequestBodies;
import org.gatehouse.workflow.api.ProjectKey;
import org.gatehouse.workflow.project.Projects;

/**
 * A project's webhooks (issue 7): owners create (the secret is in that answer only), change, remove
 * and redeliver; owners and auditors read them and the delivery log with response codes.
 */
@Path("/projects/{key}/webhooks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "webhooks")
public class ProjectWebhooksResource {
    static final int MAX_PAGE = 200;

    @Inject
    Webhooks webhooks;

    @Inject
    Projects projects;

    @Inject
    RequestBodies bodies;

    @Context
    ContainerRequestContext request;

    /** A webhook; {@code secret} only in the answer that created it. */
    public record WebhookView(String id, String project, String url, List<String> events, String description,
            boolean active, Instant createdAt, String createdBy, String secret, String signatureHeader) {
        static WebhookView of(Webhooks.Webhook w, String secret) {
            return new WebhookView(w.id().toString(), w.project().value(), w.url(), w.events(), w.description().orElse(null),
                    w.active(), w.createdAt().toInstant(), w.createdBy(), secret, "Gatehouse-Signature");
        }
    }

    /** One attempt of a delivery. */
    public record AttemptView(int attempt, Instant startedAt, long durationMs, Integer statusCode, String error) {
    }

    /** One delivery with its attempts. */
    public record DeliveryView(String id, String event, String eventType, String status, int attempts, int maxAttempts,
            Instant createdAt, Instant nextAttemptAt, Instant deliveredAt, Integer lastStatus, String lastError,
            List<AttemptView> history) {
        static DeliveryView of(Webhooks.Delivery d) {
            return new DeliveryView(d.id().toString(), d.event().toString(), d.eventType(), d.status(), d.attempts(),
                    d.maxAttempts(), d.createdAt().toInstant(), d.nextAttemptAt().toInstant(),
                    d.deliveredAt().map(OffsetDateTime::toInstant).orElse(null), d.lastStatus().orElse(null),
                    d.lastError().orElse(null), d.history().stream().map(a -> new AttemptView(a.attempt(),
                            a.startedAt().toInstant(), a.durationMs(), a.statusCode().orElse(null), a.error().orElse(null)))
                            .toList());
        }
    }

    @GET
    @Requires(value = Permission.WEBHOOK_READ, scope = Requires.Scope.PROJECT)
    @Operation(summary = "The project's webhooks (never their secrets)")
    public List<WebhookView> list(@PathParam("key") String key) {
        return webhooks.list(actor(), project(key, Permission.WEBHOOK_READ)).stream().map(w -> WebhookView.of(w, null))
                .toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(value = Permission.WEBHOOK_ADMIN, scope = Requires.Scope.PROJECT)
    @Operation(summary = "Create a webhook; its signing secret is in this answer only")
    public Response create(@PathParam("key") String key, WebhookRequest body) {
        ProjectKey project = project(key, Permission.WEBHOOK_ADMIN);
        Webhooks.Created created = webhooks.create(actor(), project, definition(bodies.valid(body)));
        return Response.status(Response.Status.CREATED).entity(WebhookView.of(created.webhook(), created.secret())).build();
    }

    @GET
    @Path("{id}")
    @Requires(value = Permission.WEBHOOK_READ, scope = Requires.Scope.PROJECT)
    @Operation(summary = "One webhook")
    public WebhookView get(@PathParam("key") String key, @PathParam("id") String id) {
        return WebhookView.of(webhooks.get(actor(), project(key, Permission.WEBHOOK_READ), id), null);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(value = Permission.WEBHOOK_ADMIN, scope = Requires.Scope.PROJECT)
    @Operation(summary = "Change a webhook's URL, events, description or whether it is on (the secret stays)")
    public WebhookView update(@PathParam("key") String key, @PathParam("id") String id, WebhookRequest body) {
        ProjectKey project = project(key, Permission.WEBHOOK_ADMIN);
        return WebhookView.of(webhooks.update(actor(), project, id, definition(bodies.valid(body))), null);
    }

    @DELETE
    @Path("{id}")
    @Requires(value = Permission.WEBHOOK_ADMIN, scope = Requires.Scope.PROJECT)
    @Operation(summary = "Remove a webhook (its delivery log is kept)")
    public Response remove(@PathParam("key") String key, @PathParam("id") String id) {
        webhooks.remove(actor(), project(key, Permission.WEBHOOK_ADMIN), id);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/deliveries")
    @Requires(value = Permission.WEBHOOK_READ, scope = Requires.Scope.PROJECT)
    @Operation(summary = "The webhook's deliveries, newest first, with every attempt's status code, duration and error")
    public List<DeliveryView> deliveries(@PathParam("key") String key, @PathParam("id") String id,
            @QueryParam("before") String before, @QueryParam("limit") Integer limit) {
        Optional<UUID> cursor = Optional.ofNullable(before).filter(b -> !b.isBlank()).map(ProjectWebhooksResource::uuid);
        int size = limit == null ? 50 : Math.max(1, Math.min(MAX_PAGE, limit));
        return webhooks.deliveries(actor(), project(key, Permission.WEBHOOK_READ), id, cursor, size).stream()
                .map(DeliveryView::of).toList();
    }

    @POST
    @Path("{id}/deliveries/{delivery}/redelivery")
    @Requires(value = Permission.WEBHOOK_ADMIN, scope = Requires.Scope.PROJECT)
    @Operation(summary = "Send a delivery again, with the same delivery id")
    public Response redeliver(@PathParam("key") String key, @PathParam("id") String id,
            @PathParam("delivery") String delivery) {
        webhooks.redeliver(actor(), project(key, Permission.WEBHOOK_ADMIN), id, delivery);
        return Response.accepted().build();
    }

    private static Webhooks.Definition definition(WebhookRequest body) {
        return new Webhooks.Definition(body.url, body.events, Optional.ofNullable(body.description).filter(d -> !d.isBlank()),
                !Boolean.FALSE.equals(body.active));
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new WebhookNotFound(text.length() > 40 ? "" : text);
        }
    }

    private ProjectKey project(String key, Permission permission) {
        return projects.get(actor(), permission, key).key();
    }

    private Actor actor() {
        return CurrentActor.of(request);
    }
}
