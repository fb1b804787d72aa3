package io.mlconnector.infor.api;

/** How the connector obtains its access token (reference notes §2.1). */
public enum GrantType {
    /** Resource-owner password grant with the service-account keys saak/sask: Infor's backend-service default. */
    PASSWORD,
    /** Client credentials grant (ci/cs only), offered for newer backend-service apps. */
    CLIENT_CREDENTIALS
}
