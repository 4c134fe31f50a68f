package org.gatehouse.platform.paging;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** One page of a keyset-paginated listing and the cursor of the next page, if there is one. */
public record Page<T>(List<T> items, Optional<PageCursor> next) {
    public Page {
        items = List.copyOf(items);
    }

    /**
     * Builds a page from a query that fetched {@code limit + 1} rows: the extra row only tells that
     * another page exists; the cursor is taken from the last row that is kept.
     */
    public static <T> Page<T> fromOverfetch(List<T> rows, int limit, Function<T, PageCursor> cursorOf) {
        if (rows.size() <= limit) {
            return new Page<>(rows, Optional.empty());
        }
        List<T> kept = rows.subList(0, limit);
        return new Page<>(kept, Optional.of(cursorOf.apply(kept.get(limit - 1))));
    }

}
