package io.mlconnector.sandbox.concur;

import io.mlconnector.sandbox.concur.ConcurOAuth.Host;
import io.mlconnector.sandbox.http.Faults;
import io.mlconnector.sandbox.http.SimRequest;
import io.mlconnector.sandbox.http.SimServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * A simulated SAP Concur company on real loopback HTTP servers: the GLZ token host, the company's data centre (OAuth,
 * ESS, FIS v4, Expense v4, Invoice v3) and a second data centre where this company does not live.
 * See {@code sandbox/README-concur.md} for the documented behaviours it reproduces.
 */
public final class ConcurSandbox implements AutoCloseable {
    /**
     * Concur-Signature = base64(SHA256withRSA(raw body)); the docs do not name the algorithm
     * (https://developer.concur.com/api-reference/ess/v4.event-subscription.html).
     */
    public static final String SIGNATURE_ALGORITHM = "SHA256withRSA";

    private final ConcurSandboxSettings settings;
    private final SimServer glz;
    private final SimServer dataCentre;
    private final SimServer otherDataCentre;
    private final ConcurOAuth oauth;
    private final ConcurEvents events;
    private final ConcurFis fis;
    private final ConcurReports reports;
    private volatile KeyPair signingKeys;
    private volatile Path publicKeyPem;

    private ConcurSandbox(ConcurSandboxSettings settings) {
        this.settings = settings;
        Clock clock = Clock.systemUTC();
        Random ids = new Random(settings.seed());
        String entityId = "p" + String.format("%07d", ids.nextInt(10_000_000)) + letters(ids, 4);
        String companyCode = Integer.toString(100_000 + ids.nextInt(900_000));
        this.signingKeys = rsaKeyPair();
        this.publicKeyPem = writePem(signingKeys);
        ConcurEvents[] eventsRef = new ConcurEvents[1];
        this.oauth = new ConcurOAuth(settings, clock, () -> eventsRef[0].companyConnected());
        this.events = new ConcurEvents(settings, clock, signingKeys, oauth.clientId(), oauth.companyId(), entityId);
        eventsRef[0] = events;
        int port = settings.basePort();
        this.glz = SimServer.start("concur-glz", port);
        this.dataCentre = SimServer.start("concur-dc", port == 0 ? 0 : port + 1);
        this.otherDataCentre = SimServer.start("concur-other-dc", port == 0 ? 0 : port + 2);
        oauth.geolocations(dataCentre.baseUri(), otherDataCentre.baseUri());
        this.fis = new ConcurFis(events, oauth.companyId(), companyCode, entityId, dataCentre::baseUri);
        this.reports = new ConcurReports(events, clock, oauth.companyId(), oauth.userId(), dataCentre::baseUri);
        registerRoutes();
    }

    /** Starts a sandbox with the default settings on ephemeral ports. */
    public static ConcurSandbox start() {
        return start(ConcurSandboxSettings.defaults());
    }

    public static ConcurSandbox start(ConcurSandboxSettings settings) {
        return new ConcurSandbox(settings);
    }

    private void registerRoutes() {
        String token = "/oauth2/v0/token";
        glz.route("POST", token, req -> ApiRoutes.withCorrelationId(req, oauth.token(req, Host.GLZ)));
        dataCentre.route("POST", token, req -> ApiRoutes.withCorrelationId(req, oauth.token(req, Host.HOME)));
        otherDataCentre.route("POST", token, req -> ApiRoutes.withCorrelationId(req, oauth.token(req, Host.OTHER)));
        ApiRoutes api = new ApiRoutes(dataCentre, oauth);
        events.register(api);
        fis.register(api);
        reports.register(api);
    }

    /** The global landing zone: company token calls answer with the company's geolocation. */
    public URI glzUri() { return glz.baseUri(); }

    /** The company's data centre (== the geolocation of its tokens): OAuth, ESS, FIS v4, Expense v4, Invoice v3. */
    public URI dataCentreUri() { return dataCentre.baseUri(); }

    /** A data centre where this company does not live: its token calls answer code 16 with the right geolocation. */
    public URI otherDataCentreUri() { return otherDataCentre.baseUri(); }

    public String clientId() { return oauth.clientId(); }
    public String clientSecret() { return oauth.clientSecret(); }
    /** The company UUID (the {@code sub} of company tokens, the {@code companyId} of events). */
    public String companyId() { return oauth.companyId(); }
    /** The UUID of the sandbox user who owns the reports added without a userId. */
    public String userId() { return oauth.userId(); }

    /** A one-time request token for {@code grant_type=password&credtype=authtoken&username=<companyId>}. */
    public String newCompanyRequestToken() { return oauth.newCompanyRequestToken(); }

    public String userName() { return oauth.userName(); }
    public String userPassword() { return oauth.userPassword(); }

    /** Every refresh token issued so far now answers code 108 (re-authorisation needed). */
    public void revokeRefreshTokens() { oauth.revokeRefreshTokens(); }

    /** Every access token issued so far is expired now: the next API call with it answers 401. */
    public void expireAccessTokens() { oauth.expireAccessTokens(); }

    /**
     * Rotates the webhook signing key, as Concur does every year with its webhook certificate: events published
     * from now on are signed with a new RSA key, whose PEM is the new {@link #webhookPublicKeyPem()}. Retries of
     * events published before keep their old signature. Returns the new PEM path.
     */
    public synchronized Path rotateWebhookSigningKey() {
        KeyPair next = newRsaKeyPair();
        Path previous = publicKeyPem;
        this.publicKeyPem = writePem(next);
        this.signingKeys = next;
        events.signWith(next);
        try {
            Files.deleteIfExists(previous);
        } catch (IOException e) {
            // a leftover temp file is harmless
        }
        return publicKeyPem;
    }

    /** PEM (SubjectPublicKeyInfo) of the RSA key that signs webhook deliveries; a temp file deleted on close. */
    public Path webhookPublicKeyPem() { return publicKeyPem; }

    public KeyPair webhookSigningKeys() { return signingKeys; }

    public String signatureAlgorithm() { return SIGNATURE_ALGORITHM; }

    /** Faults of the data-centre server. */
    public Faults faults() { return dataCentre.faults(); }

    public Faults glzFaults() { return glz.faults(); }

    public Faults otherDataCentreFaults() { return otherDataCentre.faults(); }

    /** Every request the data-centre server received. */
    public List<SimRequest> requests() { return dataCentre.requests(); }

    public List<SimRequest> glzRequests() { return glz.requests(); }

    public List<SimRequest> otherDataCentreRequests() { return otherDataCentre.requests(); }

    public ConcurFis fis() { return fis; }

    public ConcurEvents events() { return events; }

    public ConcurReports reports() { return reports; }

    public ConcurSandboxSettings settings() { return settings; }

    @Override
    public void close() {
        events.close();
        glz.close();
        dataCentre.close();
        otherDataCentre.close();
        try {
            Files.deleteIfExists(publicKeyPem);
        } catch (IOException e) {
            // a leftover temp file is harmless
        }
    }

    /**
     * One 2048-bit RSA key pair per JVM, generated when the first sandbox starts: key generation costs up to a second
     * on a busy 2-core machine and every connector and app test starts its own sandbox.
     */
    private static synchronized KeyPair rsaKeyPair() {
        if (sharedKeys == null) {
            sharedKeys = newRsaKeyPair();
        }
        return sharedKeys;
    }

    private static KeyPair sharedKeys;

    private static KeyPair newRsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048); // the published ESS keys are 2048-bit RSA
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path writePem(KeyPair keys) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keys.getPublic().getEncoded());
        String pem = "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
        try {
            Path file = Files.createTempFile("concur-sandbox-webhook-", ".pem");
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String letters(Random random, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append((char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }
}
