package org.gatehouse.web.problem;

import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** Every exception that leaves a resource becomes exactly one problem+json response, here. */
public final class ProblemMappers {
    private ProblemMappers() {
    }

    abstract static class Base<E extends Throwable> implements ExceptionMapper<E> {
        @Context
        HttpHeaders headers;

        @Context
        UriInfo uriInfo;

        Locale locale() {
            return headers == null ? Locale.ENGLISH : Problems.locale(headers);
        }

        String instance() {
            return uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
        }

        Response generic(ProblemType type) {
            return Problems.response(type, locale(), Problems.genericDetail(type, locale()), instance());
        }

        /** A body reader may wrap a domain exception (a size cap hit while reading): that one says more. */
        Response causeOrGeneric(Throwable e, ProblemType fallback) {
            for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
                if (t instanceof DomainException domain) {
                    return Problems.response(domain.type(), locale(), domain.detail(locale()), instance());
                }
            }
            return generic(fallback);
        }
    }

    /** Business rules: the exception knows its type and its message key. */
    @Provider
    public static class DomainMapper extends Base<DomainException> {
        @Override
        public Response toResponse(DomainException e) {
            return Problems.response(e.type(), locale(), e.detail(locale()), instance());
        }
    }

    /** 404, 405, 406, 415 and the rest that JAX-RS raises itself. */
    @Provider
    public static class WebApplicationMapper extends Base<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 400 && e.getCause() != null) {
                return causeOrGeneric(e, ProblemType.MALFORMED_REQUEST);
            }
            if (status >= 500) {
                return InternalErrorMapper.incident(e, this);
            }
            Response problem = generic(ProblemType.forStatus(status));
            if (e instanceof NotAllowedException) {
                return Response.fromResponse(problem).allow(e.getResponse().getAllowedMethods()).build();
            }
            return problem;
        }
    }

    /** A request body that is not JSON, or not the JSON the endpoint reads. */
    @Provider
    public static class MalformedBodyMapper extends Base<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException e) {
            return causeOrGeneric(e, ProblemType.MALFORMED_REQUEST);
        }
    }

    /** The same, when the JSON-B provider lets its own exception through. */
    @Provider
    public static class JsonbMapper extends Base<JsonbException> {
        @Override
        public Response toResponse(JsonbException e) {
            return causeOrGeneric(e, ProblemType.MALFORMED_REQUEST);
        }
    }

    /** Bean Validation on request DTOs: one entry per violated constraint, messages in the client's language. */
    @Provider
    public static class ValidationMapper extends Base<ConstraintViolationException> {
        private static final Pattern KEY = Pattern.compile("^\\{([A-Za-z0-9_.-]+)}$");
        private static final Pattern ATTRIBUTE = Pattern.compile("\\{([A-Za-z]+)}");

        @Override
        public Response toResponse(ConstraintViolationException e) {
            Locale locale = locale();
            List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                    .map(v -> new Problem.FieldError(field(v.getPropertyPath()), message(v, locale)))
                    .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                    .toList();
            Problem problem = Problems.problem(ProblemType.VALIDATION_FAILED, locale,
                    Problems.genericDetail(ProblemType.VALIDATION_FAILED, locale), instance(), errors);
            return Problems.response(problem, locale);
        }

        /** {@code create.arg0.name} becomes {@code name}: the client knows its body, not our method names. */
        static String field(Path path) {
            StringBuilder field = new StringBuilder();
            int index = 0;
            for (Path.Node node : path) {
                index++;
                if (index <= 2 && (node.getKind() == jakarta.validation.ElementKind.METHOD
                        || node.getKind() == jakarta.validation.ElementKind.PARAMETER)) {
                    continue;
                }
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
            return field.isEmpty() ? "body" : field.toString();
        }

        static String message(ConstraintViolation<?> violation, Locale locale) {
            Matcher key = KEY.matcher(violation.getMessageTemplate());
            if (!key.matches()) {
                return violation.getMessage();
            }
            String pattern = DomainException.Messages.format(ValidationMapper.class, key.group(1), locale);
            if (pattern.equals(key.group(1))) {
                return violation.getMessage();
            }
            Map<String, Object> attributes = violation.getConstraintDescriptor().getAttributes();
            Matcher attribute = ATTRIBUTE.matcher(pattern);
            StringBuilder out = new StringBuilder();
            while (attribute.find()) {
                Object value = attributes.get(attribute.group(1));
                attribute.appendReplacement(out, Matcher.quoteReplacement(value == null ? attribute.group() : value.toString()));
            }
            attribute.appendTail(out);
            return out.toString();
        }
    }

    /** Invariants a DTO did not catch: still the client's fault, still no stack trace. */
    @Provider
    public static class IllegalArgumentMapper extends Base<IllegalArgumentException> {
        @Override
        public Response toResponse(IllegalArgumentException e) {
            return generic(ProblemType.BAD_REQUEST);
        }
    }

    /** Anything else: logged with an incident id that the response names, so support can find it. */
    @Provider
    public static class InternalErrorMapper extends Base<Throwable> {
        private static final Logger LOG = Logger.getLogger(InternalErrorMapper.class.getName());

        @Override
        public Response toResponse(Throwable e) {
            return incident(e, this);
        }

        static Response incident(Throwable e, Base<?> mapper) {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "incident " + incident + " at " + mapper.instance(), e);
            Locale locale = mapper.locale();
            String detail = DomainException.Messages.format(Problems.class, "detail.incident", locale, incident);
            return Problems.response(ProblemType.INTERNAL_ERROR, locale, detail, mapper.instance());
        }
    }
}
