package io.mlconnector.app.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the database keeps and for how long: quarantined deliveries are deleted after {@code quarantineAge}; the raw
 * event body of an inbox row that is DONE is cleared after {@code inboxBodyAge} (the row, its keys and its audit
 * trail stay, so duplicates are still recognised and the history still answers). Each purge that removed anything is
 * written to the audit trail with its counts.
 */
public final class Retention {
    private final Jdbc jdbc;
    private final Clock clock;
    private final AuditTrail audit;

    /** What one purge removed. */
    public record Purged(int quarantinedDeliveries, int inboxBodies) {
        public boolean any() {
            return quarantinedDeliveries > 0 || inboxBodies > 0;
        }
    }

    public Retention(Store store, Clock clock) {
        this.jdbc = new Jdbc(store.database().dataSource());
        this.clock = clock;
        this.audit = store.audit();
    }

    public Purged purge(Duration quarantineAge, Duration inboxBodyAge) {
        Instant now = clock.instant();
        Instant quarantineCutoff = now.minus(quarantineAge);
        Instant inboxCutoff = now.minus(inboxBodyAge);
        int quarantined = jdbc.update("DELETE FROM quarantine WHERE received_at < ?", quarantineCutoff);
        int bodies = jdbc.update("UPDATE inbox SET body = '' WHERE state = 'DONE' AND updated_at < ? AND body <> ''",
                inboxCutoff);
        Purged purged = new Purged(quarantined, bodies);
        if (purged.any()) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("quarantinedDeliveriesDeleted", quarantined);
            detail.put("quarantineReceivedBefore", quarantineCutoff.toString());
            detail.put("inboxBodiesCleared", bodies);
            detail.put("inboxDoneBefore", inboxCutoff.toString());
            audit.append(new AuditKeys(null, null, null, null), AuditStep.RETENTION_PURGE, detail);
        }
        return purged;
    }
}
