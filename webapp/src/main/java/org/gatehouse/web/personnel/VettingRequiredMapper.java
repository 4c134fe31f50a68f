package org.gatehouse.web.personnel;

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
import org.gatehouse.workflow.personnel.VettingRequired;

/**
 * A role refused for lack of vetting (C.1): 409 {@code vetting-required}; {@code errors} has one entry
 * per missing prerequisite, its stable wire name as {@code field} and its name in the reader's language.
 */
@Provider
public class VettingRequiredMapper implements ExceptionMapper<VettingRequired> {
    @Context
    HttpHeaders headers;

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(VettingRequired e) {
        Locale locale = headers == null ? Locale.ENGLISH : Problems.locale(headers);
        List<Problem.FieldError> errors = e.missing().stream()
                .map(p -> new Problem.FieldError(p.wireName(), p.label(locale))).toList();
        return Problems.response(Problems.problem(e.type(), locale, e.detail(locale),
                uriInfo == null ? null : uriInfo.getRequestUri().getRawPath(), errors), locale);
    }
}
