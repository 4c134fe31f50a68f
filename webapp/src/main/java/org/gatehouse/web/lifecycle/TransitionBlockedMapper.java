package org.gatehouse.web.lifecycle;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Locale;
import org.gatehouse.web.problem.Problem;
import org.gatehouse.web.problem.Problems;
import org.gatehouse.workflow.lifecycle.TransitionBlocked;
import org.gatehouse.workflow.release.ReleaseLifecycles;

/**
 * A blocked move (409 {@code invalid-transition}) lists every blocking reason in {@code errors}:
 * {@code field} is {@code gate.<id>} for a gate, {@code activity} for an open activity.
 */
@Provider
public class TransitionBlockedMapper implements ExceptionMapper<TransitionBlocked> {
    @Inject
    ReleaseLifecycles lifecycles;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(TransitionBlocked e) {
        Locale locale = headers == null ? Locale.ENGLISH : Problems.locale(headers);
        LifecycleViews views = new LifecycleViews(lifecycles, locale, java.time.Instant.now());
        List<Problem.FieldError> errors = views.reasons(e.reasons()).stream()
                .map(r -> new Problem.FieldError(r.gate() == null ? "activity" : "gate." + r.gate(), r.message()))
                .toList();
        return Problems.response(Problems.problem(e.type(), locale, e.detail(locale),
                uriInfo == null ? null : uriInfo.getRequestUri().getRawPath(), errors), locale);
    }
}
