package io.mlconnector.app.pipeline;

import io.mlconnector.app.store.Intake;
import io.mlconnector.concur.api.ConcurWebhookSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * Keeps every delivery the webhook refused (bad signature, malformed JSON, oversize) with its raw body, so nothing
 * Concur sent is lost even when ESS will not deliver it again (it drops 4xx other than 401/403/429).
 */
final class QuarantineDelivery implements ConcurWebhookSource.RejectedDeliveryListener {
    static final String BEAN = "quarantineDelivery";
    private static final Logger LOG = LoggerFactory.getLogger(QuarantineDelivery.class);

    private final Services services;
    private final Intake intake;

    QuarantineDelivery(Services services) {
        this.services = services;
        this.intake = new Intake(services.store);
    }

    @Override
    public void onRejected(ConcurWebhookSource.RefusedDelivery delivery) {
        ConcurWebhookSource.Answer answer = delivery.answer();
        long id = intake.quarantine(answer.status() + " " + answer.message(), delivery.headers(), delivery.body());
        services.metrics.quarantined();
        LOG.warn("webhook delivery answered {} and quarantined as #{}: {}", answer.status(), id, answer.message());
    }
}
