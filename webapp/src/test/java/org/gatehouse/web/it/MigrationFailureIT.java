package org.gatehouse.web.it;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A migration that cannot run fails the start clearly: the harness (and the launcher, which shares
 * its process handling) sees the failed deployment and kills the Payara Micro that would otherwise
 * stay alive holding its port.
 */
class MigrationFailureIT {

    @Test
    void aFailedMigrationFailsTheStartAndLeavesNoServerRunning() {
        try (TestDatabase database = TestDatabase.create(GatehouseServer.itDirectory().resolve("databases"))) {
            // A table in the way of V1 makes the first migration fail.
            database.execute(database.owner(), "CREATE TABLE project (unrelated integer)");
            GatehouseServer.PayaraStartFailed failure = assertThrows(GatehouseServer.PayaraStartFailed.class,
                    () -> GatehouseServer.start(database.application()));
            assertTrue(failure.getMessage().contains("migration failed"), failure::getMessage);
        }
    }
}
