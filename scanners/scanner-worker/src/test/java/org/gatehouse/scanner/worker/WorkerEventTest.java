package org.gatehouse.scanner.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkerEventTest {

    @Test
    void readsEveryLineItWrites() {
        for (WorkerEvent event : new WorkerEvent[] {new ScanProgress(3, 37), new WorkerEvent.Classes(5),
                new WorkerEvent.Done(0), new WorkerEvent.Failed("artifact not found: /x.jar")}) {
            assertEquals(Optional.of(event), WorkerEvent.parse(event.line()));
        }
    }

    @Test
    void ignoresWhatIsNotAnEvent() {
        assertEquals(Optional.empty(), WorkerEvent.parse("SLF4J(W): No SLF4J providers were found."));
        assertEquals(Optional.empty(), WorkerEvent.parse("progress"));
        assertEquals(Optional.empty(), WorkerEvent.parse("progress 5 four"));
        assertEquals(Optional.empty(), WorkerEvent.parse("progress 9 5"));
        assertEquals(Optional.empty(), WorkerEvent.parse(""));
    }

    @Test
    void anErrorIsOneLine() {
        assertEquals("error cannot read a b", new WorkerEvent.Failed("cannot read\n a\tb \n").line());
        assertEquals("error unknown error", new WorkerEvent.Failed(null).line());
    }

    @Test
    void progressIsBounded() {
        assertThrows(IllegalArgumentException.class, () -> new ScanProgress(6, 5));
        assertEquals(true, new ScanProgress(5, 5).complete());
        assertEquals(false, new ScanProgress(4, 5).complete());
    }
}
