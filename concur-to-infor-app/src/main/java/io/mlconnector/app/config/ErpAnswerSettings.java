package io.mlconnector.app.config;

import io.mlconnector.app.posting.PostingKind;

import java.time.Duration;

/**
 * The ERP's answers: when Concur hears success per posting kind, how long a chunk may wait for the ERP before an
 * exception record says so, and the inbound IMS endpoint ION pushes the answers to.
 *
 * @param confirmAfterGl  {@code infor.confirm-after.gl}: the GL journal chunks (Sync.SourceSystemJournalEntry)
 * @param confirmAfterAp  {@code infor.confirm-after.ap}: the AP invoice (Process.SupplierInvoice)
 * @param answerTimeout   {@code infor.erp-answer-timeout}: after this long without an answer, an exception record
 * @param host            {@code ims.host}
 * @param port            {@code ims.port} ({@code 0} = ephemeral)
 * @param path            {@code ims.path}: the IMS base path ION is configured with
 * @param publicUrl       {@code ims.public-url}: the base URL ION addresses (behind a proxy); empty = the Host header
 * @param consumerKey     {@code ims.consumer-key}: the connection point's OAuth consumer key
 * @param consumerSecret  {@code ims.consumer-secret}: its OAuth consumer secret
 * @param applyInterval   {@code ims.apply-interval}: how often stored answers are applied to the ledger
 */
public record ErpAnswerSettings(ConfirmAfter confirmAfterGl, ConfirmAfter confirmAfterAp, Duration answerTimeout,
                                String host, int port, String path, String publicUrl, String consumerKey,
                                String consumerSecret, Duration applyInterval) {

    /** Whether a chunk of {@code kind} must be acknowledged by the ERP before Concur hears success. */
    public boolean waitsForErp(PostingKind kind) {
        ConfirmAfter policy = switch (kind) {
            case GL -> confirmAfterGl;
            case AP -> confirmAfterAp;
            case REVERSAL -> ConfirmAfter.ION_ACCEPTED; // backing out never waits: the error confirmation must go out
        };
        return switch (policy) {
            case ION_ACCEPTED -> false;
            case ERP_ACKNOWLEDGED -> true;
        };
    }

    /** True when some posting kind waits for the ERP. */
    public boolean waitsForAnyErpAnswer() {
        return !kindsWaitingForErp().isEmpty();
    }

    /** The posting kinds that wait for the ERP. */
    public java.util.Set<PostingKind> kindsWaitingForErp() {
        java.util.Set<PostingKind> kinds = java.util.EnumSet.noneOf(PostingKind.class);
        for (PostingKind kind : PostingKind.values()) {
            if (waitsForErp(kind)) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    public boolean hasCredentials() {
        return !consumerKey.isBlank() && !consumerSecret.isBlank();
    }

    @Override
    public String toString() {
        return "ErpAnswerSettings[gl=" + confirmAfterGl + ", ap=" + confirmAfterAp + ", timeout=" + answerTimeout
                + ", ims=" + host + ":" + port + path + ", consumerKey=" + consumerKey + "]";
    }
}
