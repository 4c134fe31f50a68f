package org.gatehouse.web.audit;

import jakarta.ws.rs.QueryParam;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.gatehouse.identity.audit.AuditResult;
import org.gatehouse.identity.audit.AuditSearch;
import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** {@code ?from=&to=&actor=&type=&target=&result=} of the audit search; times are ISO-8601 with offset. */
public class AuditQuery {
    @QueryParam("from")
    String from;

    @QueryParam("to")
    String to;

    @QueryParam("actor")
    String actor;

    @QueryParam("type")
    String type;

    @QueryParam("target")
    String target;

    @QueryParam("result")
    String result;

    AuditSearch.Criteria criteria() {
        return new AuditSearch.Criteria(time("from", from), time("to", to), text(actor), text(type), text(target),
                text(result).map(r -> {
                    try {
                        return AuditResult.valueOf(r);
                    } catch (IllegalArgumentException e) {
                        throw new InvalidParameter("result", r);
                    }
                }));
    }

    private static Optional<String> text(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank()).map(v -> v.length() > 400 ? v.substring(0, 400) : v);
    }

    private static Optional<OffsetDateTime> time(String name, String value) {
        try {
            return text(value).map(OffsetDateTime::parse);
        } catch (DateTimeParseException e) {
            throw new InvalidParameter(name, value);
        }
    }

    /** A query parameter that cannot be read. */
    public static final class InvalidParameter extends DomainException {
        private static final long serialVersionUID = 1L;

        public InvalidParameter(String name, String value) {
            super(ProblemType.BAD_REQUEST, "audit.invalid-parameter", name, value.length() > 60 ? value.substring(0, 60) : value);
        }
    }
}
