package org.gatehouse.findings.finding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FindingRecordsTest {

    @Test
    void detailsKeepTheToolsOrder() {
        Map<String, String> details = FindingRecords.details(new String[] {"risk", "confidence", "attack"},
                new String[] {"High", "Medium", "' OR \"1\""});
        assertEquals(List.of("risk", "confidence", "attack"), List.copyOf(details.keySet()));
        assertEquals("' OR \"1\"", details.get("attack"));
    }
}
