package org.gatehouse.platform.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.gatehouse.platform.paging.InvalidCursor;
import org.junit.jupiter.api.Test;

class DomainExceptionTest {

    @Test
    void detailIsLocalisedInEnglishAndChinese() {
        InvalidCursor e = new InvalidCursor();
        assertEquals("The page cursor is not valid; start again from the first page.", e.detail(Locale.ENGLISH));
        assertEquals("分页游标无效，请从第一页重新开始。", e.detail(Locale.SIMPLIFIED_CHINESE));
        assertEquals(ProblemType.INVALID_CURSOR, e.type());
    }

    @Test
    void everyProblemTypeHasATitleInBothLanguagesAndAStableUri() {
        for (ProblemType type : ProblemType.values()) {
            String en = DomainException.Messages.format(ProblemType.class, type.titleKey(), Locale.ENGLISH);
            String zh = DomainException.Messages.format(ProblemType.class, type.titleKey(), Locale.SIMPLIFIED_CHINESE);
            assertEquals(false, en.equals(type.titleKey()), "English title missing for " + type);
            assertEquals(false, zh.equals(en), "Chinese title missing for " + type);
            assertEquals("urn:gatehouse:problem:" + type.slug(), type.uri().toString());
        }
    }

    @Test
    void bareStatusesMapToTheirGenericType() {
        assertEquals(ProblemType.NOT_FOUND, ProblemType.forStatus(404));
        assertEquals(ProblemType.BAD_REQUEST, ProblemType.forStatus(400));
        assertEquals(ProblemType.INTERNAL_ERROR, ProblemType.forStatus(502));
        assertEquals(ProblemType.BAD_REQUEST, ProblemType.forStatus(418));
    }
}
