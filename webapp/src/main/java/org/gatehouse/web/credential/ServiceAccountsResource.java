package org.gatehouse.web.credential;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.identity.account.Account;
import org.gatehouse.identity.token.ApiScope;
import org.gatehouse.identity.token.ApiToken;
import org.gatehouse.identity.token.ServiceAccounts;
import org.gatehouse.web.security.CurrentActor;
import org.gatehouse.web.security.Requires;
import org.gatehouse.web.support.RequestBodies;
import org.gatehouse.workflow.api.ProjectKey;
import org.gatehouse.workflow.project.Projects;

/** CI credentials of a project: service accounts and their API tokens (7.8.3). */
@Path("/projects/{key}/service-accounts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "credentials")
public class ServiceAccountsResource {
    @Inject
    ServiceAccounts serviceAccounts;

    @Inject
    Projects projects;

    @Inject
    RequestBodies bodies;

    @Context
    ContainerRequestContext request;

    /** A service account and its tokens (never their secrets). */
    public record ServiceAccountView(String login, String project, Instant createdAt, List<TokenView> tokens) {
        static ServiceAccountView of(Account account, List<ApiToken> tokens) {
            return new ServiceAccountView(account.login().value(), account.projectKey().orElse(null),
                    account.createdAt().toInstant(), tokens.stream().map(t -> TokenView.of(t, null)).toList());
        }
    }

    /**
     * A token's metadata; {@code token} and {@code signingKey} (base64 of the HMAC key) carry the
     * secrets only in the response that created it.
     */
    public record TokenView(String id, String name, String prefix, List<String> scopes, Instant createdAt,
            Instant expiresAt, Instant revokedAt, Instant lastUsedAt, String lastUsedAddress, String signingKeyId,
            List<String> allowedSources, String token, String signingKey) {
        static TokenView of(ApiToken t, String secret) {
            return of(t, secret, null);
        }

        static TokenView of(ApiToken t, String secret, String signingKey) {
            return new TokenView(t.id().toString(), t.name(), t.prefix(), t.scopes().stream().map(ApiScope::id).toList(),
                    t.createdAt().toInstant(), t.expiresAt().toInstant(), t.revokedAt().map(OffsetDateTime::toInstant).orElse(null),
                    t.lastUsedAt().map(OffsetDateTime::toInstant).orElse(null), t.lastUsedAddress().orElse(null),
                    t.signingKeyId().orElse(null), t.allowedSources().stream().map(Object::toString).toList(), secret,
                    signingKey);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(value = Permission.CREDENTIAL_ADMIN, scope = Requires.Scope.PROJECT)
    @Operation(summary = "Create a CI service account of the project (role CI_SERVICE)")
    public Response create(@PathParam("key") String key, ServiceAccountRequest body) {
        ServiceAccountRequest valid = bodies.valid(body);
        Account account = serviceAccounts.create(actor(), project(key), valid.name);
        return Response.status(Response.Status.CREATED).entity(ServiceAccountView.of(account, List.of())).build();
    }

    @GET
    @Requires(value = Permission.CREDENTIAL_ADMIN, scope = Requires.Scope.PROJECT)
    @Operation(summary = "List the project's service accounts and their tokens")
    public List<ServiceAccountView> list(@PathParam("key") String key) {
        return serviceAccounts.list(actor(), project(key)).stream()
                .map(account -> ServiceAccountView.of(account, serviceAccounts.tokensOf(account))).toList();
    }

    @POST
    @Path("{login}/tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(value = Permission.CREDENTIAL_ADMIN, scope = Requires.Scope.PROJECT)
    @Operation(summary = "Issue an API token; its secret is in this response only")
    public Response issue(@PathParam("key") String key, @PathParam("login") String login, TokenRequest body) {
        TokenRequest valid = bodies.valid(body);
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        for (String scope : valid.scopes) {
            scopes.add(ApiScope.parse(scope).orElseThrow(() -> new IllegalArgumentException("unknown scope")));
        }
        ServiceAccounts.Issued issued = serviceAccounts.issue(actor(), project(key), login, valid.name, scopes,
                Optional.ofNullable(valid.expiresInDays), Boolean.TRUE.equals(valid.signed),
                Optional.ofNullable(valid.allowedSources).orElse(List.of()));
        return Response.status(Response.Status.CREATED)
                .entity(TokenView.of(issued.token(), issued.secret(), issued.signingKey().orElse(null))).build();
    }

    @DELETE
    @Path("{login}/tokens/{token}")
    @Requires(value = Permission.CREDENTIAL_ADMIN, scope = Requires.Scope.PROJECT)
    @Operation(summary = "Revoke an API token")
    public Response revoke(@PathParam("key") String key, @PathParam("login") String login, @PathParam("token") String token) {
        serviceAccounts.revoke(actor(), project(key), login, token);
        return Response.noContent().build();
    }

    private ProjectKey project(String key) {
        return projects.get(actor(), Permission.CREDENTIAL_ADMIN, key).key();
    }

    private Actor actor() {
        return CurrentActor.of(request);
    }
}
