package org.gatehouse.web.ticket;

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
import org.gatehouse.workflow.ticket.TicketMoveRefused;

/** A refused ticket move (409 {@code invalid-transition}) lists every reason in {@code errors}, field {@code ticket}. */
@Provider
public class TicketMoveRefusedMapper implements ExceptionMapper<TicketMoveRefused> {
    @Context
    HttpHeaders headers;

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(TicketMoveRefused e) {
        Locale locale = headers == null ? Locale.ENGLISH : Problems.locale(headers);
        List<Problem.FieldError> errors = new TicketViews(locale).reasons(e.reasons()).stream()
                .map(r -> new Problem.FieldError("ticket", r.message())).toList();
        return Problems.response(Problems.problem(e.type(), locale, e.detail(locale),
                uriInfo == null ? null : uriInfo.getRequestUri().getRawPath(), errors), locale);
    }
}
