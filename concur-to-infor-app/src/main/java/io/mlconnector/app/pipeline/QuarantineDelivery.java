package io.mlconnector.app.pipeline;

import io.mlconnector.app.config.QuarantineSettings;
import io.mlconnector.app.store.Intake;
import io.mlconnector.concur.api.ConcurWebhookSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the deliveries the webhook refused, bounded by who sent them. A body Concur signed that is not a valid event
 * (answered 400, which ESS does not deliver again) is kept whole: it is Concur's and nothing else holds it. A body
 * without a valid signature (401; ESS retries its own) is kept as its size, SHA-256 and first
 * {@code quarantine.max-body-bytes}, and only {@code quarantine.refused-per-minute} of them per sender address: beyond
 * that they are answered and counted, not stored. A genuine signed event never gets here; it goes to the inbox.
 */
final class QuarantineDelivery implements ConcurWebhookSource.RejectedDeliveryListener {
    static final String BEAN = "quarantineDelivery";
    private static final Logger LOG = LoggerFactory.getLogger(QuarantineDelivery.class);

    private final Services services;
    private final Intake intake;
    private final QuarantineSettings settings;
    private final RefusedDeliveryLimit limit;

    QuarantineDelivery(Services services) {
        this.services = services;
        this.intake = new Intake(services.store);
        this.settings = services.settings.quarantine();
        this.limit = new RefusedDeliveryLimit(settings.refusedPerMinute(), services.clock);
    }

    @Override
    public void onRejected(ConcurWebhookSource.RefusedDelivery delivery) {
        ConcurWebhookSource.Answer answer = delivery.answer();
        String reason = answer.status() + " " + answer.message();
        if (answer.signatureVerified()) {
            keep(delivery, reason, Integer.MAX_VALUE);
        } else if (limit.allow(delivery.clientAddress())) {
            keep(delivery, reason, settings.maxBodyBytes());
        } else {
            services.metrics.refusedNotKept();
            LOG.warn("webhook delivery from {} answered {} and not kept: more than {} refused deliveries from it this"
                    + " minute ({} bytes)", delivery.clientAddress(), answer.status(), settings.refusedPerMinute(),
                    delivery.body().length);
        }
    }

    private void keep(ConcurWebhookSource.RefusedDelivery delivery, String reason, int maxStoredBytes) {
        long id = intake.quarantine(reason, delivery.headers(), delivery.body(), delivery.clientAddress(),
                maxStoredBytes);
        services.metrics.quarantined();
        LOG.warn("webhook delivery from {} answered {} and quarantined as #{}: {}", delivery.clientAddress(),
                delivery.answer().status(), id, delivery.answer().message());
    }
}
