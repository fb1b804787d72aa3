package io.mlconnector.concur.camel;

import io.mlconnector.concur.api.ConcurConfiguration;
import io.mlconnector.concur.api.ConcurConnection;
import io.mlconnector.concur.api.ConcurConnectionProvider;
import io.mlconnector.concur.api.ConcurErrorType;
import io.mlconnector.concur.api.ConcurException;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

import java.util.Map;

/**
 * The {@code concur:} component: holds the shared {@link ConcurConfiguration} (one company) and the one connection all
 * producer endpoints use; the {@code concur:webhook} consumer needs no configuration beyond its URI options.
 */
@Component("concur")
public class ConcurComponent extends DefaultComponent {
    @Metadata(description = "The connector configuration (client id/secret, company id, token store, timeouts …)."
            + " Required for producer endpoints.")
    private ConcurConfiguration configuration;

    @Metadata(label = "advanced", description = "A connection to share (for example the one a host application"
            + " already holds for the same company); the component then neither creates nor closes one.")
    private ConcurConnection connection;
    private boolean ownsConnection;

    public ConcurComponent() {
    }

    public ConcurComponent(ConcurConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        ConcurEndpoint endpoint = new ConcurEndpoint(uri, this, ConcurOperation.of(remaining));
        setProperties(endpoint, parameters);
        return endpoint;
    }

    public ConcurConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(ConcurConfiguration configuration) {
        this.configuration = configuration;
    }

    public ConcurConnection getConnection() {
        return connection;
    }

    public synchronized void setConnection(ConcurConnection connection) {
        this.connection = connection;
        this.ownsConnection = false;
    }

    /** The shared connection, created on first use. */
    public synchronized ConcurConnection connection() {
        if (connection == null) {
            if (configuration == null) {
                throw new ConcurException(ConcurErrorType.CONFIGURATION,
                        "the concur component has no configuration (set ConcurComponent.configuration)");
            }
            connection = new ConcurConnectionProvider(configuration).connect();
            ownsConnection = true;
        }
        return connection;
    }

    @Override
    protected synchronized void doStop() throws Exception {
        if (ownsConnection && connection != null) {
            connection.close();
            connection = null;
            ownsConnection = false;
        }
        super.doStop();
    }
}
