package org.gatehouse.platform.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PageCursorTest {

    @Test
    void roundTripsKeysContainingSeparatorsAndEscapes() {
        PageCursor cursor = PageCursor.of("releases", "2026-11-25T10:00:00Z", "a|b%7C%c");
        assertEquals(cursor, PageCursor.decode(cursor.encode(), "releases", 2));
    }

    @Test
    void rejectsCursorOfAnotherListing() {
        String encoded = PageCursor.of("projects", "SHOP").encode();
        assertThrows(InvalidCursor.class, () -> PageCursor.decode(encoded, "releases", 1));
    }

    @Test
    void rejectsWrongKeyCountGarbageAndOversizedInput() {
        String twoKeys = PageCursor.of("projects", "A", "B").encode();
        assertThrows(InvalidCursor.class, () -> PageCursor.decode(twoKeys, "projects", 1));
        assertThrows(InvalidCursor.class, () -> PageCursor.decode("!!not base64!!", "projects", 1));
        assertThrows(InvalidCursor.class, () -> PageCursor.decode("x".repeat(2000), "projects", 1));
        assertThrows(InvalidCursor.class, () -> PageCursor.decode(null, "projects", 1));
    }

    @Test
    void pageFromOverfetchKeepsLimitAndPointsCursorAtLastKeptRow() {
        Page<String> page = Page.fromOverfetch(List.of("A", "B", "C"), 2, row -> PageCursor.of("l", row));
        assertEquals(List.of("A", "B"), page.items());
        assertEquals(Optional.of(PageCursor.of("l", "B")), page.next());

        Page<String> last = Page.fromOverfetch(List.of("A", "B"), 2, row -> PageCursor.of("l", row));
        assertEquals(Optional.empty(), last.next());
    }
}
