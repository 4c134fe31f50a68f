package org.gatehouse.scanner.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Where a report begins, and the stream left as it was. */
class ReportStartTest {

    private static ReportStart peek(byte[] bytes) throws IOException {
        BufferedInputStream in = new BufferedInputStream(new ByteArrayInputStream(bytes));
        ReportStart start = ReportStart.peek(in);
        assertEquals(bytes.length == 0 ? -1 : bytes[0] & 0xFF, in.read(), "reset to the start");
        return start;
    }

    @Test
    void theFirstNonBlankByteAndItsLineAndColumn() throws IOException {
        ReportStart start = peek("\uFEFF\n\n   <OWASPZAPReport/>".getBytes(StandardCharsets.UTF_8));
        assertEquals('<', start.firstByte());
        assertEquals(new ReportParseException.Position(3, 4), start.position());
        assertEquals(new ReportParseException.Position(1, 1), peek("{}".getBytes(StandardCharsets.UTF_8)).position());
    }

    @Test
    void anEmptyOrBlankReportIsEmptyAtItsEnd() throws IOException {
        assertTrue(peek(new byte[0]).empty());
        assertEquals(ReportParseException.Position.START, peek(new byte[0]).position());
        ReportStart blank = peek(" \n ".getBytes(StandardCharsets.UTF_8));
        assertTrue(blank.empty());
        assertEquals(new ReportParseException.Position(2, 2), blank.position());
    }
}
