package io.mlconnector.app.pipeline;

import io.mlconnector.app.config.AppConfig;
import io.mlconnector.app.config.ConcurSettings;
import io.mlconnector.app.config.InforSettings;
import io.mlconnector.app.config.PostingMode;
import io.mlconnector.app.config.ValidationSource;
import io.mlconnector.app.mapping.Mapping;
import io.mlconnector.app.mapping.MappingProvider;
import io.mlconnector.app.ops.Metrics;
import io.mlconnector.app.posting.ChunkLimits;
import io.mlconnector.app.posting.ChunkPlanner;
import io.mlconnector.app.store.Store;
import io.mlconnector.concur.api.ConcurConfiguration;
import io.mlconnector.concur.api.ConcurConnection;
import io.mlconnector.concur.api.ConcurConnectionProvider;
import io.mlconnector.concur.api.ExpenseOperations;
import io.mlconnector.concur.api.FisOperations;
import io.mlconnector.concur.api.InvoiceOperations;
import io.mlconnector.concur.api.JdbcTokenStore;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * What the route's steps share, built once from the configuration: the store, both connectors' connections and
 * operations, the mapping, the chunk planner and the metrics. Closing it closes the connections and the database.
 */
final class Services implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Services.class);

    final AppConfig config;
    /** When Concur hears success, the ERP answer timeout, the inbound IMS endpoint. */
    final io.mlconnector.app.config.ErpAnswerSettings erp;
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

    private Services(AppConfig config, Clock clock, Store store, Metrics metrics, MappingProvider mapping,
                     ConcurConnection concur, InforIonConnection infor, ValidationOperations validation) {
        this.config = config;
        this.erp = config.erpAnswers();
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
        InforSettings inforSettings = config.infor();
        this.planner = new ChunkPlanner(new ChunkLimits(inforSettings.maxLinesPerChunk(),
                inforSettings.maxMessageBytes()), new BodSizeEstimator(bods));
        this.sender = inforSettings.postingMode() == PostingMode.M3_REST ? new M3ChunkSender(new M3Operations(infor))
                : new BodChunkSender(bods, planner);
    }

    static Services open(AppConfig config) {
        Clock clock = Clock.systemUTC();
        Store store = Store.open(config.database(), config.worker().retryPolicy());
        try {
            MappingProvider mapping = mappingProvider(config.mappingFile(), clock);
            ConcurConnection concur = new ConcurConnectionProvider(concurConfiguration(config.concur(),
                    new JdbcTokenStore(store.database().dataSource()))).connect();
            InforIonConnection infor = inforConnection(config.infor());
            return new Services(config, clock, store, Metrics.prometheus(), mapping, concur, infor,
                    new ValidationOperations(chartOfAccounts(config.infor(), infor)));
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Where validation checks GL accounts and cost centers: {@code infor.validation-source}. */
    private static ChartOfAccountsSource chartOfAccounts(InforSettings settings, InforIonConnection infor) {
        return settings.validationSource() == ValidationSource.CSV
                ? ChartOfAccountsSource.csv(settings.chartOfAccountsCsv()) : ChartOfAccountsSource.m3(infor);
    }

    static ConcurConfiguration concurConfiguration(ConcurSettings settings, JdbcTokenStore tokenStore) {
        return ConcurConfiguration.builder()
                .authBaseUri(settings.authBaseUrl())
                .clientId(settings.clientId())
                .clientSecret(settings.clientSecret())
                .companyId(settings.companyId())
                .requestToken(settings.requestToken().isBlank() ? null : settings.requestToken())
                .tokenStore(tokenStore)
                .build();
    }

    private static InforIonConnection inforConnection(InforSettings settings) {
        InforIonSettings ion = InforIonSettings.builder()
                .fromLogicalId(settings.fromLogicalId())
                .toLogicalId(settings.toLogicalId())
                .maxMessageBytes(settings.maxMessageBytes())
                .build();
        return InforIonConnectionProvider.fromIonapiFile(settings.ionapiFile(), ion).connect();
    }

    /** The customer's mapping file, re-read when it changes; the built-in default when there is none yet. */
    private static MappingProvider mappingProvider(Path file, Clock clock) {
        if (Files.isRegularFile(file)) {
            return MappingProvider.fromFile(file, Duration.ofSeconds(2), clock);
        }
        LOG.warn("mapping file {} not found: using the built-in default mapping ({})", file.toAbsolutePath(),
                Mapping.DEFAULT_RESOURCE);
        return MappingProvider.fixed(Mapping.defaultMapping());
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
