package io.mlconnector.app.testing;

import io.mlconnector.app.config.DatabaseSettings;
import io.mlconnector.app.config.RetryPolicy;
import io.mlconnector.app.store.InboxEvent;
import io.mlconnector.app.store.Intake;
import io.mlconnector.app.store.Store;

import java.time.Duration;

/**
 * A separate JVM that opens the database like a running app would, stores one event, prints READY and holds the
 * database open until its stdin closes. Used to prove the CLI can read a database another process holds.
 */
public final class HoldDatabase {
    private HoldDatabase() {
    }

    public static void main(String[] args) throws Exception {
        try (Store store = Store.open(DatabaseSettings.of(args[0], "", ""),
                new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(1)))) {
            new Intake(store).accept(new InboxEvent("held-1", "t", "e", "FIS-held", null, "{}"));
            System.out.println("READY");
            System.out.flush();
            while (System.in.read() != -1) {
                // hold the database until the parent closes our stdin
            }
        }
    }
}
