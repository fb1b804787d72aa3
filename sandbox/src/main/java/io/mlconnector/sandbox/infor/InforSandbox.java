package io.mlconnector.sandbox.infor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.sandbox.http.Faults;
import io.mlconnector.sandbox.http.SimRequest;
import io.mlconnector.sandbox.http.SimServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A simulated Infor OS tenant on a real loopback HTTP server: the authorization server ({@code pu}), the ION API
 * Gateway ({@code iu}) with the ION Messaging Service v3 and M3 MI programs, a chart of accounts, and a
 * {@code .ionapi} file for all of it. See {@code sandbox/README-infor.md} for what is reproduced and the choices made
 * where Infor's documentation is silent.
 *
 * <p>One server serves both {@code iu} and {@code pu}, so {@link #faults()} and {@link #requests()} cover the token
 * endpoint as well as the gateway; restrict a fault to one of them with {@code Fault.onPath(...)} and the path
 * patterns {@link #tokenPathRegex()}, {@link #ionPathRegex()}, {@link #m3PathRegex()}.
 */
public final class InforSandbox implements AutoCloseable {
    private final InforSandboxSettings settings;
    private final SimServer server;
    private final InforAuthorizationServer authorization;
    private final ImsMessagingService ims;
    private final ChartOfAccounts chart;
    private final M3Sandbox m3;
    private final ErpSimulator erp;
    private final Path ionapiFile;
    private final GatewayThrottle throttle;

    private InforSandbox(InforSandboxSettings settings) {
        this.settings = settings;
        this.chart = ChartOfAccounts.defaults();
        this.authorization = new InforAuthorizationServer(settings);
        this.ims = new ImsMessagingService(settings, authorization);
        this.m3 = new M3Sandbox(settings.tenant(), chart, authorization);
        this.erp = new ErpSimulator(settings.tenant());
        ims.onAccepted(erp::onAccepted);
        this.server = SimServer.start("infor-sandbox", settings.port());
        this.throttle = new GatewayThrottle(ionPathRegex(), m3PathRegex());
        try {
            server.gate(throttle);
            authorization.register(server);
            ims.register(server);
            m3.register(server);
            this.ionapiFile = writeIonapiFile();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** Starts a sandbox with the default settings on an ephemeral loopback port. */
    public static InforSandbox start() {
        return start(InforSandboxSettings.defaults());
    }

    public static InforSandbox start(InforSandboxSettings settings) {
        return new InforSandbox(settings);
    }

    public InforSandboxSettings settings() {
        return settings;
    }

    /**
     * A {@code .ionapi} file for this sandbox (keys in the order of a real file;
     * https://docs.infor.com/crm/9.0.x/en-us/webclient/upi1639111995644.html).
     */
    public Path ionapiFile() {
        return ionapiFile;
    }

    /** The same content as {@link #ionapiFile()}, as JSON. */
    public ObjectNode ionapi() {
        ObjectNode ionapi = SimServer.JSON.createObjectNode();
        ionapi.put("ti", settings.tenant());
        ionapi.put("cn", "MLConnector_Sandbox");
        ionapi.put("dt", "12");
        ionapi.put("ci", authorization.clientId());
        ionapi.put("cs", authorization.clientSecret());
        ionapi.put("iu", baseUri().toString());
        ionapi.put("pu", authorizationServerUri().toString());
        ionapi.put("oa", InforAuthorizationServer.AUTHORIZATION_PATH);
        ionapi.put("ot", InforAuthorizationServer.TOKEN_PATH);
        ionapi.put("or", InforAuthorizationServer.REVOKE_PATH);
        ionapi.put("ev", "V1480769020");
        ionapi.put("v", "1.0");
        ionapi.put("saak", authorization.serviceAccountAccessKey());
        ionapi.put("sask", authorization.serviceAccountSecretKey());
        return ionapi;
    }

    public String tenant() {
        return settings.tenant();
    }

    /** {@code iu}: the API Gateway base URL (no trailing slash). Product APIs live under {@code iu/ti/...}. */
    public URI baseUri() {
        return server.baseUri();
    }

    /** {@code pu}: the authorization server base URL, ending in {@code /<tenant>/as/}. */
    public URI authorizationServerUri() {
        return URI.create(server.baseUri() + "/" + settings.tenant() + "/as/");
    }

    /** {@code pu + ot}. */
    public URI tokenUri() {
        return URI.create(authorizationServerUri() + InforAuthorizationServer.TOKEN_PATH);
    }

    /** {@code pu + or}. */
    public URI revokeUri() {
        return URI.create(authorizationServerUri() + InforAuthorizationServer.REVOKE_PATH);
    }

    /** {@code iu/ti/IONSERVICES/api/ion/messaging/service}. */
    public URI ionMessagingServiceUri() {
        return URI.create(server.baseUri() + "/" + settings.tenant() + ImsMessagingService.BASE);
    }

    /** {@code iu/ti/M3/m3api-rest/v2/execute}. */
    public URI m3ExecuteUri() {
        return URI.create(server.baseUri() + "/" + settings.tenant() + M3Sandbox.BASE);
    }

    public String clientId() {
        return authorization.clientId();
    }

    public String clientSecret() {
        return authorization.clientSecret();
    }

    /** {@code saak}: the service account access key (username of the password grant). */
    public String serviceAccountAccessKey() {
        return authorization.serviceAccountAccessKey();
    }

    /** {@code sask}: the service account secret key (password of the password grant). */
    public String serviceAccountSecretKey() {
        return authorization.serviceAccountSecretKey();
    }

    public String connectionPointLogicalId() {
        return settings.connectionPointLogicalId();
    }

    /** Successful token grants so far, of every grant type (password, client_credentials, refresh_token). */
    public int loginCount() {
        return authorization.loginCount();
    }

    /** Successful grants of one grant type ({@code password}, {@code client_credentials}, {@code refresh_token}). */
    public int loginCount(String grantType) {
        return authorization.grantCount(grantType);
    }

    /** Calls to the revoke endpoint that passed client authentication. */
    public int revocationCount() {
        return authorization.revocationCount();
    }

    /** Gateway calls (IMS, M3) answered 401 because the bearer token was missing, unknown, expired or revoked. */
    public int unauthorizedCount() {
        return authorization.unauthorizedCount();
    }

    /** Access tokens that are neither expired nor revoked. */
    public long activeAccessTokenCount() {
        return authorization.activeAccessTokenCount();
    }

    /** Every access token issued so far expires now: the gateway answers 401 until the client logs in again. */
    public void expireAllTokens() {
        authorization.expireAllTokens();
    }

    /** Every refresh token issued so far stops working (invalid_grant): the client must log in with saak/sask. */
    public void expireAllRefreshTokens() {
        authorization.expireAllRefreshTokens();
    }

    /** Every message ION accepted (202) through v3/multipartMessage, in order; duplicates included. */
    public List<ImsMessage> messages() {
        return ims.messages();
    }

    public void clearMessages() {
        ims.clearMessages();
    }

    /** Switches the connection point's data flow on or off (off: ping 503, multipartMessage 412). */
    public void dataFlowActive(boolean active) {
        ims.dataFlowActive(active);
    }

    public boolean dataFlowActive() {
        return ims.dataFlowActive();
    }

    /** Switches the IMS connection point on or off (off: acceptedDocuments and multipartMessage 412). */
    public void connectionPointActive(boolean active) {
        ims.connectionPointActive(active);
    }

    /** Adds a documentName to the connection point's Documents tab. */
    public void acceptDocument(String documentName) {
        ims.acceptDocument(documentName);
    }

    /** Removes a documentName from the connection point's Documents tab (multipartMessage then answers 412). */
    public void refuseDocument(String documentName) {
        ims.refuseDocument(documentName);
    }

    public List<String> acceptedDocuments() {
        return ims.acceptedDocuments();
    }

    public ChartOfAccounts chart() {
        return chart;
    }

    public M3Sandbox m3() {
        return m3;
    }

    /** The ERP behind ION: answers Process BODs through the application's IMS endpoint once told where it is. */
    public ErpSimulator erp() {
        return erp;
    }

    public Faults faults() {
        return server.faults();
    }

    /**
     * The gateway's quota: {@code gatewayThrottle().limit(5)} answers ION and M3 calls above 5 per second with 429
     * and a Retry-After (the token endpoint is not counted); off by default.
     */
    public GatewayThrottle gatewayThrottle() {
        return throttle;
    }

    /** Every request the server received (token endpoint included), in arrival order. */
    public List<SimRequest> requests() {
        return server.requests();
    }

    /** Path regex of the token endpoint, for {@code Fault.onPath}. */
    public String tokenPathRegex() {
        return "/" + java.util.regex.Pattern.quote(settings.tenant()) + "/as/token\\.oauth2";
    }

    /** Path regex of every ION Messaging Service endpoint, for {@code Fault.onPath}. */
    public String ionPathRegex() {
        return "/" + java.util.regex.Pattern.quote(settings.tenant()) + "/IONSERVICES/.*";
    }

    /** Path regex of every M3 MI call, for {@code Fault.onPath}. */
    public String m3PathRegex() {
        return "/" + java.util.regex.Pattern.quote(settings.tenant()) + "/M3/.*";
    }

    @Override
    public void close() {
        erp.close();
        server.close();
        try {
            Files.deleteIfExists(ionapiFile);
        } catch (IOException e) {
            // a leftover temp file is harmless
        }
    }

    @Override
    public String toString() {
        return "InforSandbox[iu=" + baseUri() + ", tenant=" + tenant() + "]";
    }

    private Path writeIonapiFile() {
        try {
            Path file = Files.createTempFile("infor-sandbox-" + settings.tenant() + "-", ".ionapi");
            SimServer.JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), ionapi());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
