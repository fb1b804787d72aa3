package io.mlconnector.app.pipeline;

import io.mlconnector.app.config.QuarantineSettings;
import io.mlconnector.app.store.Retention;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The retention step: deletes expired quarantine rows and clears expired bodies of finished inbox rows. */
final class PurgeExpired implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger(PurgeExpired.class);

    private final Retention retention;
    private final QuarantineSettings settings;

    PurgeExpired(Services services) {
        this.retention = new Retention(services.store, services.clock);
        this.settings = services.settings.quarantine();
    }

    @Override
    public void process(Exchange exchange) {
        Retention.Purged purged = retention.purge(settings.quarantineAge(), settings.inboxBodyAge());
        if (purged.any()) {
            LOG.info("retention: deleted {} quarantined deliveries older than {}, cleared {} inbox bodies done more than"
                    + " {} ago", purged.quarantinedDeliveries(), settings.quarantineAge(), purged.inboxBodies(),
                    settings.inboxBodyAge());
        }
    }
}
