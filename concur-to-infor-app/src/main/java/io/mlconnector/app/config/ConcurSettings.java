package io.mlconnector.app.config;

import io.mlconnector.concur.api.FisDocType;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The Concur side of the configuration.
 *
 * @param authBaseUrl          the global auth host; later calls go to the token's geolocation
 * @param clientId             the app's client id
 * @param clientSecret         the app's client secret (never printed)
 * @param companyId            the company UUID
 * @param requestToken         one-time company request token for the first token grant (never printed)
 * @param webhookPublicKeys    PEM files of the keys that may sign webhook deliveries (several during a key rotation)
 * @param signatureAlgorithm   JCA name of the webhook signature algorithm
 * @param topics               ESS topics to handle
 * @param approvalStatuses     report statuses that count as approved on {@code public.concur.expense.report}
 * @param rateLimit            Concur calls per minute, shared by every instance on the database; 0 = unpaced
 * @param fisDocTypes          the FIS docTypes this app posts; readyForIntegration events of any other docType are
 *                             neither acknowledged nor confirmed (left in Concur for the system that handles them)
 * @param systemId             the FIS {@code systemId} sent on acknowledgements and posting confirmations
 * @param tokenKey             base64 AES key the stored Concur tokens are encrypted with (never printed)
 */
public record ConcurSettings(URI authBaseUrl, String clientId, String clientSecret, String companyId,
                             String requestToken, List<Path> webhookPublicKeys, String signatureAlgorithm,
                             List<String> topics, List<String> approvalStatuses, int rateLimit,
                             Set<FisDocType> fisDocTypes, String systemId, String tokenKey) {
    /** The FIS docTypes the mapping turns into postings; funds reservations and payroll are not among them. */
    public static final Set<FisDocType> POSTABLE_DOC_TYPES =
            Set.of(FisDocType.EXPENSE, FisDocType.INVOICE, FisDocType.CASHADVANCE);

    @Override
    public String toString() {
        return "ConcurSettings[authBaseUrl=" + authBaseUrl + ", clientId=" + clientId + ", clientSecret="
                + AppConfig.mask(clientSecret) + ", companyId=" + companyId + ", requestToken="
                + AppConfig.mask(requestToken) + ", webhookPublicKeys=" + webhookPublicKeys + ", signatureAlgorithm="
                + signatureAlgorithm + ", topics=" + topics + ", approvalStatuses=" + approvalStatuses + ", rateLimit="
                + rateLimit + ", fisDocTypes=" + fisDocTypes + ", systemId=" + systemId + ", tokenKey="
                + AppConfig.mask(tokenKey) + "]";
    }
}
