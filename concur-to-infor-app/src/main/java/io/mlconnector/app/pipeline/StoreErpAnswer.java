package io.mlconnector.app.pipeline;

import io.mlconnector.app.store.AuditKeys;
import io.mlconnector.app.store.AuditStep;
import io.mlconnector.app.store.InsertOutcome;
import io.mlconnector.infor.api.ErpAcknowledgement;
import io.mlconnector.infor.api.ImsInboundSource;
import io.mlconnector.infor.api.InboundMessage;
import io.mlconnector.infor.api.InforIonErrorType;
import io.mlconnector.infor.api.InforIonException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/**
 * What the IMS endpoint does with a message ION pushes, within the push: an ERP answer it can read is stored (with its
 * audit entry) before ION hears 202, a repeat is answered 202 and stored once; anything else is refused 400 and
 * quarantined with its raw body (a data flow sending this app documents it does not handle). A database failure
 * answers 500, so ION delivers again.
 */
final class StoreErpAnswer implements ImsInboundSource.MessageListener, ImsInboundSource.RejectedListener {
    private static final Logger LOG = LoggerFactory.getLogger(StoreErpAnswer.class);

    private final Services services;

    StoreErpAnswer(Services services) {
        this.services = services;
    }

    @Override
    public void onMessage(InboundMessage message) {
        if (!ErpAcknowledgement.isAnswer(message.documentName())) {
            throw new InforIonException(InforIonErrorType.INVALID_MESSAGE, "document " + message.documentName()
                    + " is not an ERP answer this application reads (Acknowledge.<Noun>, Confirm.BOD)");
        }
        ErpAcknowledgement.read(message.payload()); // refuses what cannot be applied later, before answering
        InsertOutcome outcome = services.store.erpAnswers().accept(message.messageId(), message.documentName(),
                message.fromLogicalId(), message.tenantId(), message.parameters(), message.payloadText());
        if (outcome.isDuplicate()) {
            services.metrics.erpAnswer("duplicate-delivery");
        }
    }

    @Override
    public void onRejected(ImsInboundSource.Answer answer, byte[] body, Map<String, List<String>> headers) {
        long id = services.store.quarantine().keep("IMS " + answer.status() + " " + answer.body(), headers, body);
        services.store.audit().append(AuditKeys.event(null), AuditStep.ERP_ANSWER_QUARANTINED,
                Map.of("quarantineId", id, "status", answer.status()));
        services.metrics.quarantined();
        LOG.warn("IMS message answered {} and quarantined as #{}: {}", answer.status(), id, answer.body());
    }
}
