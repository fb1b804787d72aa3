package io.mlconnector.infor.camel;

import io.mlconnector.infor.api.BodOperations;
import io.mlconnector.infor.api.CallPacer;
import io.mlconnector.infor.api.ChartOfAccountsSource;
import io.mlconnector.infor.api.GrantType;
import io.mlconnector.infor.api.InforIonConnection;
import io.mlconnector.infor.api.InforIonConnectionProvider;
import io.mlconnector.infor.api.InforIonSettings;
import io.mlconnector.infor.api.IonApiCredentials;
import io.mlconnector.infor.api.M3Operations;
import io.mlconnector.infor.api.MessagingOperations;
import io.mlconnector.infor.api.ValidationOperations;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The {@code infor-ion:} component: holds the shared connection (one token per tenant) and the operations; each
 * endpoint calls one of them. Configure either {@link #setConnection(InforIonConnection)} or
 * {@link #setIonapiFile(String)} (+ {@link #setFromLogicalId(String)}, or a whole {@link #setSettings}).
 */
@Component("infor-ion")
public class InforIonComponent extends DefaultComponent {
    @Metadata(description = "Path of the .ionapi credentials file (used when no connection is set)")
    private String ionapiFile;
    @Metadata(description = "Logical id of the IMS via API Gateway connection point, e.g. lid://infor.ims.mlconnector")
    private String fromLogicalId;
    @Metadata(description = "Token grant", defaultValue = "PASSWORD")
    private GrantType grantType = GrantType.PASSWORD;
    @Metadata(description = "Logical id the BODs are addressed to (ToLogicalID)", defaultValue = "lid://default")
    private String toLogicalId = "lid://default";
    @Metadata(description = "Largest message ION takes; a larger BOD is refused before it is sent",
            defaultValue = "" + InforIonSettings.DEFAULT_MAX_MESSAGE_BYTES)
    private long maxMessageBytes = InforIonSettings.DEFAULT_MAX_MESSAGE_BYTES;
    @Metadata(description = "Calls per minute to the ION API Gateway, retries included: the connection spaces its"
            + " calls evenly at this rate so the tenant's quota is kept rather than discovered, and a 429 slows every"
            + " caller of the connection. 0 sends every call at once. The default is the Essentials tier's quota"
            + " (https://docs.infor.com/inforos/12.0.x/en-us/usagelimits-igs/uup1651243668177.html)",
            defaultValue = "3000")
    private int callsPerMinute = CallPacer.ESSENTIALS_CALLS_PER_MINUTE;
    @Metadata(description = "Complete connection settings; overrides fromLogicalId, toLogicalId, maxMessageBytes,"
            + " grantType and callsPerMinute")
    private InforIonSettings settings;
    @Metadata(description = "An existing connection to share (the component then does not close it)")
    private InforIonConnection connection;
    @Metadata(description = "Where validate looks codes up; default M3 CRS630MI through the connection")
    private ChartOfAccountsSource chartOfAccountsSource;
    @Metadata(description = "A chart-of-accounts CSV snapshot used instead of M3 when set")
    private String chartOfAccountsCsv;
    @Metadata(description = "How long validate reuses an answer", defaultValue = "PT15M")
    private Duration validationCacheTtl = ValidationOperations.DEFAULT_TTL;

    private boolean ownsConnection;
    private volatile ValidationOperations validation;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        InforIonEndpoint endpoint = new InforIonEndpoint(uri, this, remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    synchronized InforIonConnection connection() {
        if (connection == null) {
            if (ionapiFile == null) {
                throw new IllegalStateException("infor-ion: set the component's ionapiFile or connection");
            }
            connection = new InforIonConnectionProvider(IonApiCredentials.load(Path.of(ionapiFile)), effectiveSettings())
                    .connect();
            ownsConnection = true;
        }
        return connection;
    }

    private InforIonSettings effectiveSettings() {
        return settings != null ? settings
                : InforIonSettings.builder().fromLogicalId(fromLogicalId).toLogicalId(toLogicalId)
                        .maxMessageBytes(maxMessageBytes).grantType(grantType).callsPerMinute(callsPerMinute).build();
    }

    MessagingOperations messaging() {
        return new MessagingOperations(connection());
    }

    M3Operations m3() {
        return new M3Operations(connection());
    }

    BodOperations bods() {
        InforIonConnection c = connection();
        return BodOperations.forConnection(c);
    }

    ValidationOperations validation() {
        if (validation == null) {
            synchronized (this) {
                if (validation == null) {
                    ChartOfAccountsSource source = chartOfAccountsSource != null ? chartOfAccountsSource
                            : chartOfAccountsCsv != null ? ChartOfAccountsSource.csv(Path.of(chartOfAccountsCsv))
                            : ChartOfAccountsSource.m3(connection());
                    validation = new ValidationOperations(source, validationCacheTtl, Clock.systemUTC());
                }
            }
        }
        return validation;
    }

    @Override
    protected synchronized void doStop() throws Exception {
        if (ownsConnection && connection != null) {
            connection.close();
            connection = null;
            ownsConnection = false;
        }
        validation = null;
        super.doStop();
    }

    public String getIonapiFile() { return ionapiFile; }
    public void setIonapiFile(String ionapiFile) { this.ionapiFile = ionapiFile; }
    public String getFromLogicalId() { return fromLogicalId; }
    public void setFromLogicalId(String fromLogicalId) { this.fromLogicalId = fromLogicalId; }
    public GrantType getGrantType() { return grantType; }
    public void setGrantType(GrantType grantType) { this.grantType = grantType; }
    public String getToLogicalId() { return toLogicalId; }
    public void setToLogicalId(String toLogicalId) { this.toLogicalId = toLogicalId; }
    public long getMaxMessageBytes() { return maxMessageBytes; }
    public void setMaxMessageBytes(long maxMessageBytes) { this.maxMessageBytes = maxMessageBytes; }
    public int getCallsPerMinute() { return callsPerMinute; }
    public void setCallsPerMinute(int callsPerMinute) { this.callsPerMinute = callsPerMinute; }
    public InforIonSettings getSettings() { return settings; }
    public void setSettings(InforIonSettings settings) { this.settings = settings; }
    public InforIonConnection getConnection() { return connection; }
    public void setConnection(InforIonConnection connection) { this.connection = connection; this.ownsConnection = false; }
    public ChartOfAccountsSource getChartOfAccountsSource() { return chartOfAccountsSource; }
    public void setChartOfAccountsSource(ChartOfAccountsSource source) { this.chartOfAccountsSource = source; }
    public String getChartOfAccountsCsv() { return chartOfAccountsCsv; }
    public void setChartOfAccountsCsv(String chartOfAccountsCsv) { this.chartOfAccountsCsv = chartOfAccountsCsv; }
    public Duration getValidationCacheTtl() { return validationCacheTtl; }
    public void setValidationCacheTtl(Duration ttl) { this.validationCacheTtl = ttl; }
}
