package org.gatehouse.web.problem;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code type} is stable ({@code urn:gatehouse:problem:<slug>}); title
 * and detail follow the request's {@code Accept-Language} (zh-CN or English); never a stack trace.
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "errors"})
public record Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors) {

    /** One rejected field of a request: {@code field} is a dotted path into the request body or a parameter name. */
    public record FieldError(String field, String message) {
    }
}
