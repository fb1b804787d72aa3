package io.mlconnector.concur.mule.internal;

import io.mlconnector.concur.api.ConcurConfiguration;
import org.mule.runtime.extension.api.annotation.param.Optional;
import org.mule.runtime.extension.api.annotation.param.Parameter;
import org.mule.runtime.extension.api.annotation.param.display.Password;
import org.mule.runtime.extension.api.annotation.param.display.Summary;

/** The app's OAuth credentials and the company it acts for (Concur App Management and the Connect redirect). */
public class ConcurCredentials {

    /** App client id (a UUID from App Management). */
    @Parameter
    private String clientId;

    /** App client secret. */
    @Parameter
    @Password
    private String clientSecret;

    /** Company UUID (the {@code id} of the Connect redirect). */
    @Parameter
    private String companyId;

    /** Company request token (valid 24 h); used only while no refresh token is stored for the company. */
    @Parameter
    @Optional
    @Password
    @Summary("Only for the first connection of a company; later connections use the stored refresh token")
    private String requestToken;

    public ConcurCredentials() {
    }

    public ConcurCredentials(String clientId, String clientSecret, String companyId, String requestToken) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.companyId = companyId;
        this.requestToken = requestToken;
    }

    void applyTo(ConcurConfiguration.Builder builder) {
        builder.clientId(clientId).clientSecret(clientSecret).companyId(companyId).requestToken(requestToken);
    }
}
