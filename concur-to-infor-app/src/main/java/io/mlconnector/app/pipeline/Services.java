package io.mlconnector.app.pipeline;

import io.mlconnector.app.config.AppConfig;
import io.mlconnector.app.config.AppSettings;
import io.mlconnector.app.config.ConcurSettings;
import io.mlconnector.app.config.ErpAnswerSettings;
import io.mlconnector.app.config.InforSettings;
import io.mlconnector.app.config.PostingMode;
import io.mlconnector.app.config.ValidationSource;
import io.mlconnector.app.mapping.MappingProvider;
import io.mlconnector.app.ops.Metrics;
import io.mlconnector.app.posting.ChunkLimits;
import io.mlconnector.app.posting.ChunkPlanner;
import io.mlconnector.app.store.SharedCallPacer;
import io.mlconnector.app.store.Store;
import io.mlconnector.concur.api.ConcurConfiguration;
import io.mlconnector.concur.api.ConcurConnection;
import io.mlconnector.concur.api.ConcurConnectionProvider;
import io.mlconnector.concur.api.ExpenseOperations;
import io.mlconnector.concur.api.FisOperations;
import io.mlconnector.concur.api.InvoiceOperations;
import io.mlconnector.concur.api.JdbcTokenStore;
import io.mlconnector.concur.api.ConcurException;
import io.mlconnector.concur.api.TokenEncryption;
import io.mlconnector.app.config.ConfigException;
import io.mlconnector.infor.api.BodOperations;
import io.mlconnector.infor.api.ChartOfAccountsSource;
import io.mlconnector.infor.api.InforIonConnection;
import io.mlconnector.infor.api.InforIonConnectionProvider;
import io.mlconnector.infor.api.InforIonSettings;
import io.mlconnector.infor.api.M3Operations;
import io.mlconnector.infor.api.MessagingOperations;
import io.mlconnector.infor.api.ValidationOperations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * What the route's steps share, built once from the configuration: the typed settings, the store, both connectors' connections and
 * operations, the mapping, the chunk planner and the metrics. Closing it closes the connections and the database.
 */
final class Services implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Services.class);

    final AppSettings settings;
    /** When Concur hears success, the ERP answer timeout, the inbound IMS endpoint. */
    final ErpAnswerSettings erp;
    final Clock clock;
    final Store store;
    final Metrics metrics;
    final MappingProvider mapping;
    final ConcurConnection concur;
    final FisOperations fis;
    final ExpenseOperations expenseReports;
    final InvoiceOperations invoices;
    final InforIonConnection infor;
    final MessagingOperations messaging;
    final BodOperations bods;
    final ValidationOperations validation;
    final ChunkPlanner planner;
    final ChunkSender sender;

    private Services(AppSettings settings, Clock clock, Store store, Metrics metrics, MappingProvider mapping,
                     ConcurConnection concur, InforIonConnection infor, ValidationOperations validation) {
        this.settings = settings;
        this.erp = settings.erpAnswers();
        this.clock = clock;
        this.store = store;
        this.metrics = metrics;
        this.mapping = mapping;
        this.concur = concur;
        this.fis = new FisOperations(concur);
        this.expenseReports = new ExpenseOperations(concur);
        this.invoices = new InvoiceOperations(concur);
        this.infor = infor;
        this.messaging = new MessagingOperations(infor);
        this.bods = BodOperations.forConnection(infor);
        this.validation = validation;
        InforSettings inforSettings = settings.infor();
        this.planner = new ChunkPlanner(new ChunkLimits(inforSettings.maxLinesPerChunk(),
                inforSettings.maxMessageBytes()), new BodSizeEstimator(bods));
        this.sender = inforSettings.postingMode() == PostingMode.M3_REST ? new M3ChunkSender(new M3Operations(infor))
                : new BodChunkSender(bods, planner);
    }

    /** Checks what the connections need ({@link StartupCheck}), then opens the store and both connections. */
    static Services open(AppConfig config) {
        Clock clock = Clock.systemUTC();
        StartupCheck.requireConnections(config);
        MappingProvider mapping = StartupCheck.mapping(config, clock);
        AppSettings settings = config.settings();
        Store store = Store.open(settings.database(), settings.worker().retryPolicy());
        try {
            ConcurConnection concur = new ConcurConnectionProvider(concurConfiguration(settings.concur(),
                    tokenStore(settings.concur(), store), store, clock)).connect();
            InforIonConnection infor = inforConnection(settings.infor(), store, clock);
            return new Services(settings, clock, store, Metrics.prometheus(), mapping, concur, infor,
                    new ValidationOperations(chartOfAccounts(settings.infor(), infor)));
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /**
     * The Concur token store, encrypted with {@code concur.token-key}. Checks at once that the stored tokens decrypt
     * with the key (a wrong or missing key is a start-up error, not a 108 at the first call) and encrypts tokens an
     * older version stored in clear.
     */
    static JdbcTokenStore tokenStore(ConcurSettings settings, Store store) {
        if (settings.tokenKey().isBlank()) {
            throw new ConfigException("concur.token-key is not set: the Concur refresh and access tokens are stored "
                    + "encrypted with it (AES-GCM). Generate one with `openssl rand -base64 32` and keep it with the "
                    + "other secrets; a restart needs the same key");
        }
        TokenEncryption encryption;
        try {
            encryption = TokenEncryption.withKey(settings.tokenKey());
        } catch (ConcurException e) {
            throw new ConfigException("concur.token-key: " + e.getMessage());
        }
        JdbcTokenStore tokens = new JdbcTokenStore(store.database().dataSource(), encryption);
        try {
            int encrypted = tokens.encryptStoredTokens();
            if (encrypted > 0) {
                LOG.info("encrypted the Concur tokens of {} principal(s) stored in clear by an older version", encrypted);
            }
        } catch (ConcurException e) {
            throw new ConfigException("concur.token-key: " + e.getMessage()
                    + " (set the key they were stored with; to start over, delete the rows of concur_token_state and "
                    + "set a new concur.request-token)");
        }
        return tokens;
    }

    /** Where validation checks GL accounts and cost centers: {@code infor.validation-source}. */
    private static ChartOfAccountsSource chartOfAccounts(InforSettings settings, InforIonConnection infor) {
        return settings.validationSource() == ValidationSource.CSV
                ? ChartOfAccountsSource.csv(settings.chartOfAccountsCsv()) : ChartOfAccountsSource.m3(infor);
    }

    /** Concur calls are paced at {@code concur.rate-limit} for all instances on the database together. */
    static ConcurConfiguration concurConfiguration(ConcurSettings settings, JdbcTokenStore tokenStore, Store store,
                                                   Clock clock) {
        ConcurConfiguration.Builder concur = ConcurConfiguration.builder()
                .authBaseUri(settings.authBaseUrl())
                .clientId(settings.clientId())
                .clientSecret(settings.clientSecret())
                .companyId(settings.companyId())
                .requestToken(settings.requestToken().isBlank() ? null : settings.requestToken())
                .systemId(settings.systemId())
                .tokenStore(tokenStore)
                .callsPerMinute(settings.rateLimit());
        if (settings.rateLimit() > 0) {
            concur.callPacer(new SharedCallPacer(store.database(), clock, "concur:" + settings.companyId(),
                    settings.rateLimit()));
        }
        return concur.build();
    }

    /**
     * ION API Gateway calls (IMS and M3 alike) are paced at {@code infor.rate-limit}: the gateway counts the tenant's
     * calls, so every instance on the database takes its calls from one shared pace (README-posting.md).
     */
    private static InforIonConnection inforConnection(InforSettings settings, Store store, Clock clock) {
        InforIonSettings ion = InforIonSettings.builder()
                .fromLogicalId(settings.fromLogicalId())
                .toLogicalId(settings.toLogicalId())
                .maxMessageBytes(settings.maxMessageBytes())
                .callsPerMinute(settings.rateLimit())
                .build();
        InforIonConnectionProvider provider = InforIonConnectionProvider.fromIonapiFile(settings.ionapiFile(), ion);
        if (settings.rateLimit() > 0) {
            provider = provider.withCallPacer(new SharedCallPacer(store.database(), clock,
                    "ion:" + provider.credentials().tenant(), settings.rateLimit()));
        }
        return provider.connect();
    }

    @Override
    public void close() {
        closeQuietly(infor);
        closeQuietly(concur);
        closeQuietly(store);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.warn("closing {} failed: {}", c.getClass().getSimpleName(), e.toString());
        }
    }
}
