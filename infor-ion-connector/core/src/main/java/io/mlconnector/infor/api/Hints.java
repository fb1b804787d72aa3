package io.mlconnector.infor.api;

import java.net.URI;

/**
 * Plain-words explanations of ION set-up problems
 * (https://docs.infor.com/ion/2022.x/en-us/ioncedg_cloud_osm/ooo1519994008158.html,
 * https://docs.infor.com/ion/2022.x/en-us/ioncedg_cloud_osm/kvk1582711819513.html); shared by ping and post errors.
 */
final class Hints {
    static final String NO_FROM_LOGICAL_ID = "fromLogicalId is not configured: set it to the logical id of the "
            + "'IMS via API Gateway' connection point (lid://infor.ims.<connection point name>)";
    static final String TOKEN_REFUSED = "the API Gateway refused a freshly issued token: the authorized app may be "
            + "disabled or not allowed to call ION Messaging Service";
    static final String NOT_FOUND = "the API Gateway does not know this route: check iu and ti in the .ionapi file";

    private Hints() {
    }

    static String token(InforIonException e, IonApiCredentials credentials) {
        return switch (e.type()) {
            case UNAUTHORIZED -> "the authorization server refused the .ionapi credentials (" + e.vendorCode()
                    + "): download the credentials again from API Gateway > Authorized Apps (backend service with a "
                    + "service account) and check that the service account is active";
            case THROTTLED -> "the authorization server refused the login because the login quota is used up "
                    + "(Essentials: 20 per minute, 1,000 per day): wait, and check that no other client logs in per call";
            case CONFIGURATION -> e.detail();
            default -> "cannot get an access token from " + credentials.tokenUri() + ": " + e.getMessage();
        };
    }

    static String ping(int status, URI pingUri) {
        return switch (status) {
            case 503 -> "ION Messaging Service answered ping with 503: the data flow that uses the IMS connection "
                    + "point is not active; activate it in ION Desk > Data Flows";
            case 401, 403 -> "the API Gateway refused the token for ION Messaging Service (HTTP " + status
                    + "): the authorized app is not allowed to call the Infor ION suite";
            case 404 -> "ION Messaging Service was not found at " + pingUri + ": check iu and ti in the .ionapi file";
            default -> "ION Messaging Service answered ping with HTTP " + status;
        };
    }

    static String connectionPoint(String logicalId, String clientId) {
        return "ION knows no active IMS connection point with logical id " + logicalId + " for client id "
                + clientId + " (HTTP 412): in ION Desk create an 'IMS via API Gateway' connection point with this "
                + "client id, activate it, and set fromLogicalId to its logical id";
    }

    static String documentMissing(String documentName, String logicalId) {
        return "document " + documentName + " is not on the Documents tab of the IMS connection point " + logicalId
                + ": add it there as sent by the application";
    }

    static String forbidden(String logicalId, String clientId) {
        return "fromLogicalId " + logicalId + " must match the logical id of the IMS connection point that holds "
                + "client id " + clientId;
    }

    static String preconditionFailed(String documentName, String logicalId) {
        return "the document " + documentName + " must be on the Documents tab of the IMS connection point "
                + logicalId + ", the connection point must be active, and its data flow must be active";
    }
}
