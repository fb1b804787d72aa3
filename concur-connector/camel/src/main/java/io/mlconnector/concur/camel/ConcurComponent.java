package io.mlconnector.concur.camel;

import io.mlconnector.concur.api.ConcurConnection;
import io.mlconnector.concur.api.ConcurConnectionProvider;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

import java.util.HashMap;
import java.util.Map;

/**
 * The {@code concur:} component: the SAP Concur connector's operations as producer endpoints and the ESS webhook as
 * a consumer. It holds the company connection settings every endpoint copies ({@link ConcurEndpointConfiguration});
 * endpoints with equal settings share one connection, or all share the one a host application sets.
 */
@Component("concur")
public class ConcurComponent extends DefaultComponent {
    /** The company connection settings each endpoint copies (and its URI may override). */
    @Metadata
    private ConcurEndpointConfiguration configuration = new ConcurEndpointConfiguration();

    /**
     * A connection to share, for example the one the host application already holds for the company: the
     * component then neither creates nor closes one, and the connection settings are not used.
     */
    @Metadata(label = "advanced")
    private ConcurConnection connection;

    private final Map<ConcurEndpointConfiguration, ConcurConnection> ownConnections = new HashMap<>();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        ConcurEndpoint endpoint = new ConcurEndpoint(uri, this, remaining, configuration.copy());
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /** The shared connection, else the one for these settings, created on first use. */
    synchronized ConcurConnection connection(ConcurEndpointConfiguration settings) {
        if (connection != null) {
            return connection;
        }
        ConcurConnection own = ownConnections.get(settings);
        if (own == null) {
            own = new ConcurConnectionProvider(settings.toConnectorConfiguration()).connect();
            ownConnections.put(settings.copy(), own);
        }
        return own;
    }

    @Override
    protected synchronized void doStop() throws Exception {
        ownConnections.values().forEach(ConcurConnection::close);
        ownConnections.clear();
        super.doStop();
    }

    public ConcurEndpointConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(ConcurEndpointConfiguration configuration) {
        this.configuration = configuration;
    }

    public ConcurConnection getConnection() {
        return connection;
    }

    public synchronized void setConnection(ConcurConnection connection) {
        this.connection = connection;
    }
}
