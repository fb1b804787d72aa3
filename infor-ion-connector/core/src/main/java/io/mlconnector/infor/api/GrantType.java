package io.mlconnector.infor.api;

/**
 * How the connector obtains its access token (the grants of
 * https://github.com/infor-cloud/ion-api-sdk/blob/master/README.md).
 */
public enum GrantType {
    /** Resource-owner password grant with the service-account keys saak/sask: Infor's backend-service default. */
    PASSWORD,
    /** Client credentials grant (ci/cs only), offered for newer backend-service apps. */
    CLIENT_CREDENTIALS
}
