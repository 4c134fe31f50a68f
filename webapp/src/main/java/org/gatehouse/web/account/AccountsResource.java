package org.gatehouse.web.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
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
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.identity.access.Role;
import org.gatehouse.identity.access.RoleGrant;
import org.gatehouse.identity.access.RoleGrants;
import org.gatehouse.identity.account.Account;
import org.gatehouse.identity.account.Accounts;
import org.gatehouse.identity.account.LoginName;
import org.gatehouse.web.paging.PageQuery;
import org.gatehouse.web.paging.PageView;
import org.gatehouse.web.security.CurrentActor;
import org.gatehouse.web.security.Requires;
import org.gatehouse.web.support.RequestBodies;
import org.gatehouse.workflow.api.ProjectKey;

/** Accounts, created by administrators only (no self-registration), and their roles. */
@Path("/accounts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "accounts")
public class AccountsResource {
    @Inject
    Accounts accounts;

    @Inject
    RoleGrants grants;

    @Inject
    RequestBodies bodies;

    @Context
    ContainerRequestContext request;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.ACCOUNT_ADMIN)
    @Operation(summary = "Create a person account; the one-time password is returned once when Gatehouse generated it")
    public Response create(NewAccountRequest body) {
        NewAccountRequest valid = bodies.valid(body);
        Accounts.Created created = accounts.createPerson(actor(), new LoginName(valid.login), valid.displayName,
                Optional.ofNullable(valid.email), Optional.ofNullable(valid.initialPassword).filter(p -> !p.isEmpty()));
        return Response.created(uriInfo.getBaseUriBuilder().path(AccountsResource.class).path(valid.login).build())
                .entity(AccountView.of(created.account(), List.of(), created.generatedPassword().orElse(null)))
                .build();
    }

    @GET
    @Requires(Permission.ACCOUNT_READ)
    @Operation(summary = "List accounts by login name, keyset-paginated")
    public PageView<AccountView> list(@BeanParam PageQuery page) {
        return PageView.of(accounts.list(actor(), page.cursor(), page.limit()),
                account -> AccountView.of(account, grants.of(account.id()), null));
    }

    @GET
    @Path("{login}")
    @Requires(Permission.ACCOUNT_READ)
    @Operation(summary = "Read an account with its roles")
    public AccountView get(@PathParam("login") String login) {
        Account account = accounts.get(actor(), login);
        return AccountView.of(account, grants.of(account.id()), null);
    }

    @POST
    @Path("{login}/roles")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.ROLE_ADMIN)
    @Operation(summary = "Grant a role, globally or in a project")
    public Response grant(@PathParam("login") String login, RoleGrantRequest body) {
        RoleGrantRequest valid = bodies.valid(body);
        Account account = accounts.get(actor(), login);
        RoleGrant grant = grants.grant(actor(), account.id(), login, Role.valueOf(valid.role),
                Optional.ofNullable(valid.project).map(ProjectKey::new));
        return Response.status(Response.Status.CREATED).entity(AccountView.GrantView.of(grant)).build();
    }

    @DELETE
    @Path("{login}/roles/{grant}")
    @Requires(Permission.ROLE_ADMIN)
    @Operation(summary = "Revoke a role grant")
    public Response revoke(@PathParam("login") String login, @PathParam("grant") String grant) {
        Account account = accounts.get(actor(), login);
        grants.revoke(actor(), account.id(), login, grant);
        return Response.noContent().build();
    }

    private Actor actor() {
        return CurrentActor.of(request);
    }
}
