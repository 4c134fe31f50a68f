package org.gatehouse.web.paging;

import jakarta.ws.rs.QueryParam;
import java.util.Optional;
import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/**
 * {@code ?cursor=…&limit=…} of every keyset-paginated listing. Read as text so that a bad value is a
 * 400 problem naming the parameter, not the 404 that JAX-RS gives a query parameter it cannot convert.
 */
public class PageQuery {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    @QueryParam("cursor")
    String cursor;

    @QueryParam("limit")
    String limit;

    public Optional<String> cursor() {
        return Optional.ofNullable(cursor).filter(c -> !c.isEmpty());
    }

    public int limit() {
        if (limit == null || limit.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidLimit();
    }

    /** The limit is not a number from 1 to {@value #MAX_LIMIT}. */
    public static final class InvalidLimit extends DomainException {
        private static final long serialVersionUID = 1L;

        InvalidLimit() {
            super(ProblemType.BAD_REQUEST, "limit.invalid", MAX_LIMIT);
        }
    }
}
