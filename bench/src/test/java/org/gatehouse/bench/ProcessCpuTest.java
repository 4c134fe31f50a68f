package org.gatehouse.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessCpuTest {

    @Test
    void connectionsAreToldFromPostgresOwnProcessesByTheirTitle() {
        assertTrue(ProcessCpu.Database.isBackend("postgres: gatehouse gatehouse 127.0.0.1(43210) idle\0\0"));
        assertTrue(ProcessCpu.Database.isBackend("postgres: postgres gatehouse [local] COPY"));
        assertTrue(ProcessCpu.Database.isBackend("postgres: app gatehouse ::1(5000)"));
        assertFalse(ProcessCpu.Database.isBackend("postgres: io worker 0"));
        assertFalse(ProcessCpu.Database.isBackend("postgres: autovacuum worker gatehouse"));
        assertFalse(ProcessCpu.Database.isBackend("postgres: checkpointer "));
        assertFalse(ProcessCpu.Database.isBackend("postgres: logical replication launcher"));
        assertFalse(ProcessCpu.Database.isBackend("/usr/lib/postgresql/bin/postgres -D /tmp/db -p 5432"));
    }

    @Test
    void theBusiestConnectionIsTheLargestGrowthNotTheLargestTotal() {
        ProcessCpu.Database before = new ProcessCpu.Database(Map.of(1L, 50.0, 2L, 1.0), 3.0);
        ProcessCpu.Database after = new ProcessCpu.Database(Map.of(1L, 50.5, 2L, 3.0, 3L, 0.25), 3.5);

        ProcessCpu.Used used = after.since(before);

        assertEquals(2.0, used.busiestBackend(), 1e-9);
        assertEquals(0.5, used.background(), 1e-9);
        assertEquals(0.5 + 2.0 + 0.25 + 0.5, used.total(), 1e-9);
    }
}
