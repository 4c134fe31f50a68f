package org.gatehouse.web.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AuditExportTest {

    @Test
    void csvCellsAreQuotedPerRfc4180() {
        assertEquals("plain", AuditExport.Csv.escape("plain"));
        assertEquals("\"a,b\"", AuditExport.Csv.escape("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", AuditExport.Csv.escape("say \"hi\""));
        assertEquals("\"two\nlines\"", AuditExport.Csv.escape("two\nlines"));
        assertEquals("", AuditExport.Csv.escape(null));
    }

    @Test
    void cellsASpreadsheetWouldEvaluateAreDefused() {
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\")\"", AuditExport.Csv.escape("=HYPERLINK(\"http://x\")"));
        assertEquals("\"'+1\"", AuditExport.Csv.escape("+1"));
        assertEquals("\"'-2\"", AuditExport.Csv.escape("-2"));
        assertEquals("\"'@SUM(A1)\"", AuditExport.Csv.escape("@SUM(A1)"));
    }
}
