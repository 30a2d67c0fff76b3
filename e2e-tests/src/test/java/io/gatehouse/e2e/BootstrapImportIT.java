package io.gatehouse.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatehouse.launcher.Suite;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Issue 16.4: with GATEHOUSE_BOOTSTRAP_FILE in the environment every service imports the file at start, all four at
 * once on one database (RunningSuite sets it for each): each reports its import, none fails or exits.
 */
class BootstrapImportIT {

    @Test
    void everyServiceImportedTheBootstrapFileAndNoneCollided() throws Exception {
        Suite suite = RunningSuite.get();
        Path logs = Path.of(System.getProperty("gatehouse.root", "..")).toAbsolutePath().normalize()
                .resolve("e2e-tests/target/service-logs");
        for (Suite.Service service : suite.services()) {
            String log = Files.readString(logs.resolve(service.name() + ".log"));
            assertTrue(log.contains("bootstrap ") && log.contains(" unchanged"), service.name() + " reports its import");
            assertFalse(log.contains("duplicate key value"), service.name() + " collided with another importer");
        }
    }
}
