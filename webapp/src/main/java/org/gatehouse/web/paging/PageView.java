package org.gatehouse.web.paging;

import java.util.List;
import java.util.function.Function;
import org.gatehouse.platform.paging.Page;
import org.gatehouse.platform.paging.PageCursor;

/** A page as the API shows it: the items and the opaque cursor of the next page ({@code null} on the last). */
public record PageView<T>(List<T> items, String nextCursor) {

    public static <E, T> PageView<T> of(Page<E> page, Function<E, T> view) {
        return new PageView<>(page.items().stream().map(view).toList(),
                page.next().map(PageCursor::encode).orElse(null));
    }
}
