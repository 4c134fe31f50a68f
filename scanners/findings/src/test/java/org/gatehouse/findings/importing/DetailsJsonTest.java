package org.gatehouse.findings.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DetailsJsonTest {

    @Test
    void noDetailsAreSqlNull() {
        assertNull(DetailsJson.of(Map.of()));
    }

    @Test
    void detailsAreAnObjectInTheirOrderWithEveryStringEscaped() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("confidence", "Medium");
        details.put("evidence", "<script>alert(\"x\")</script>\\ \n\t\r\u0001\u0000end 中文");
        details.put("attack", "' OR '1'='1");
        assertEquals("{\"confidence\":\"Medium\",\"evidence\":\"<script>alert(\\\"x\\\")</script>\\\\ \\n\\t\\r\\u0001end 中文\","
                + "\"attack\":\"' OR '1'='1\"}", DetailsJson.of(details));
    }
}
