package org.gatehouse.web.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.identity.session.Sessions;
import org.gatehouse.identity.token.ServiceAccounts;
import org.gatehouse.platform.error.ProblemType;
import org.gatehouse.web.problem.Problems;
import org.gatehouse.workflow.api.ProjectKey;

/**
 * Authentication and authorization of every API request (B.2.4.2: deny by default).
 * <ol>
 * <li>Who: an API token ({@code Authorization: Bearer}), else the session cookie of a live
 * server-side session, else the caller is anonymous. A token's source ranges and, for a token with
 * a signing key or in a project of protection level 3, the request signature are checked at once
 * ({@link SignedRequests}, ADR 0012).</li>
 * <li>What may be called: the method's {@link Requires} permission, checked against
 * {@link PermissionMatrix} through the actor's roles; {@link Public} methods are open; a method
 * with neither is refused.</li>
 * <li>Changes made with a cookie carry the session's CSRF token in {@code X-CSRF-Token}.</li>
 * <li>An account whose password must change, or whose role requires a second factor it has not
 * enrolled, may only use its own session endpoints.</li>
 * </ol>
 * Refusals are audited by {@link DeniedRequestAudit}.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AccessControlFilter implements ContainerRequestFilter {
    public static final String SESSION_COOKIE = "gatehouse_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String BEARER = "Bearer ";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest servletRequest;

    @Inject
    Sessions sessions;

    @Inject
    ServiceAccounts serviceAccounts;

    @Inject
    ClientAddress clientAddress;

    @Inject
    SignedRequests signedRequests;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(ApiCallRecorder.STARTED, System.nanoTime());
        String address = clientAddress.of(servletRequest);
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        Optional<Sessions.Active> session = Optional.empty();
        Actor actor;
        if (authorization != null) {
            // An API token; a request that sends one is judged by it alone (no cookie, no CSRF token needed).
            Optional<ServiceAccounts.TokenUse> token = authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                    ? serviceAccounts.resolve(authorization.substring(BEARER.length()).strip(), address)
                    : Optional.empty();
            actor = token.map(ServiceAccounts.TokenUse::actor).orElseGet(() -> Actor.anonymous(address));
            if (token.isPresent()) {
                request.setProperty(CurrentActor.ACTOR, actor);
                request.setProperty(ApiCallRecorder.TOKEN, token.get());
                try {
                    // source ranges, signatures, and level-3 projects' demand for them (ADR 0012)
                    signedRequests.check(request, token.get());
                } catch (SignatureRejected | SourceRejected e) {
                    Locale locale = Problems.locale(acceptable(request));
                    request.abortWith(Response.fromResponse(Problems.response(e.type(), locale, e.detail(locale),
                            request.getUriInfo().getRequestUri().getRawPath())).header("Connection", "close").build());
                    return;
                }
            }
        } else {
            session = Optional.ofNullable(request.getCookies().get(SESSION_COOKIE))
                    .map(Cookie::getValue)
                    .flatMap(token -> sessions.resolve(token, address));
            actor = session.map(Sessions.Active::actor).orElseGet(() -> Actor.anonymous(address));
        }
        request.setProperty(CurrentActor.ACTOR, actor);
        session.ifPresent(s -> request.setProperty(CurrentActor.SESSION, s));

        Method method = resource.getResourceMethod();
        if (method == null || method.isAnnotationPresent(Public.class)) {
            return;
        }
        Requires requires = method.getAnnotation(Requires.class);
        if (requires == null) {
            deny(request, ProblemType.FORBIDDEN);
            return;
        }
        if (!actor.isAuthenticated()) {
            deny(request, ProblemType.UNAUTHENTICATED);
            return;
        }
        if (!SAFE_METHODS.contains(request.getMethod()) && session.isPresent()
                && !csrfMatches(session.get(), request.getHeaderString(CSRF_HEADER))) {
            deny(request, ProblemType.CSRF_REJECTED);
            return;
        }
        if (actor.restriction().isPresent() && requires.value() != Permission.SELF) {
            deny(request, actor.mustChangePassword() ? ProblemType.PASSWORD_CHANGE_REQUIRED
                    : ProblemType.SECOND_FACTOR_ENROLMENT_REQUIRED);
            return;
        }
        if (!permitted(actor, requires, request)) {
            deny(request, ProblemType.FORBIDDEN);
        }
    }

    static boolean permitted(Actor actor, Requires requires, ContainerRequestContext request) {
        Permission permission = requires.value();
        return switch (requires.scope()) {
            case GLOBAL -> actor.may(permission);
            case PROJECT -> ProjectKey.parse(request.getUriInfo().getPathParameters().getFirst("key"))
                    .map(key -> actor.may(permission, key))
                    .orElse(actor.may(permission));
            // The project of a release is known only after loading it: the boundary checks exactly;
            // here the actor must at least hold the permission somewhere.
            case RELEASE, FINDING, ANY_PROJECT -> actor.mayInSomeProject(permission);
        };
    }

    private static boolean csrfMatches(Sessions.Active session, String header) {
        return header != null && MessageDigest.isEqual(session.csrfToken().getBytes(StandardCharsets.US_ASCII),
                header.getBytes(StandardCharsets.US_ASCII));
    }

    private static void deny(ContainerRequestContext request, ProblemType type) {
        Locale locale = Problems.locale(acceptable(request));
        request.abortWith(Problems.response(type, locale, Problems.genericDetail(type, locale),
                request.getUriInfo().getRequestUri().getRawPath()));
    }

    private static java.util.List<Locale> acceptable(ContainerRequestContext request) {
        try {
            return request.getAcceptableLanguages();
        } catch (RuntimeException malformed) {
            return java.util.List.of();
        }
    }
}
