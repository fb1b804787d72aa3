package io.mlconnector.app.pipeline;

import io.mlconnector.app.admin.AdminServer;
import io.mlconnector.app.admin.AdminService;
import io.mlconnector.app.config.AppConfig;
import io.mlconnector.app.config.AppSettings;
import io.mlconnector.app.config.ErpAnswerSettings;
import io.mlconnector.app.config.PostingMode;
import io.mlconnector.app.http.HttpEdge;
import io.mlconnector.app.http.JsonErrors;
import io.mlconnector.app.http.Listener;
import io.mlconnector.app.config.WorkerSettings;
import io.mlconnector.app.console.AdminApi;
import io.mlconnector.app.console.AdminToken;
import io.mlconnector.app.console.Console;
import io.mlconnector.app.ops.WorkerHealth;
import io.mlconnector.app.ops.HealthCheck;
import io.mlconnector.app.ops.Readiness;
import io.mlconnector.app.store.Store;
import io.mlconnector.concur.api.ConcurPingResult;
import io.mlconnector.concur.api.ConnectionOperations;
import io.mlconnector.concur.api.EventSubscriptionOperations;
import io.mlconnector.concur.api.Subscription;
import io.mlconnector.concur.api.TokenState;
import io.mlconnector.concur.camel.ConcurComponent;
import io.mlconnector.concur.camel.ConcurConsumer;
import io.mlconnector.infor.api.ImsInboundSettings;
import io.mlconnector.infor.api.ImsInboundSource;
import io.mlconnector.infor.camel.InforIonComponent;
import io.mlconnector.infor.api.M3Operations;
import io.mlconnector.infor.api.IonPingResult;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntConsumer;

/**
 * The ml-connector application: Camel Main running {@link ConcurToInforRoutes}, the admin API beside it. One instance
 * per process; several processes may share one PostgreSQL (the inbox hands each event to one of them).
 */
public final class ConcurToInforApplication implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConcurToInforApplication.class);

    /** A supplier invoice nobody has: the M3 ping only asks whether APS450MI answers. */
    private static final String M3_PING_ID = "ML-CONNECTOR-PING";

    private final AppConfig config;
    private final AppSettings settings;
    private final IntConsumer exit;
    private final String workerId = "mlc-" + UUID.randomUUID().toString().substring(0, 8);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private Services services;
    private InboxWorkers workers;
    private WorkerHealth workerHealth;
    private LeaseHeartbeat heartbeat;
    private Main camel;
    private HttpEdge http;
    private AdminServer admin;
    private Listener imsPort;

    public ConcurToInforApplication(AppConfig config) {
        this(config, status -> Runtime.getRuntime().halt(status));
    }

    /** @param exit ends the process after an {@link Error} in a worker (tests record the status instead) */
    ConcurToInforApplication(AppConfig config, IntConsumer exit) {
        this.config = config;
        this.settings = config.settings();
        this.exit = exit;
    }

    /** Starts the webhook, the inbox workers, the IMS endpoint and the admin server; returns once they are serving. */
    public synchronized void start() {
        StartupCheck.requireConnections(config);
        StartupCheck.requireWebhookKeys(config);
        requireImsCredentialsWhenWaitingForTheErp();
        services = Services.open(config);
        WorkerSettings worker = settings.worker();
        workerHealth = new WorkerHealth(services.clock, worker.stallTimeout(), services.store.inbox()::dueCount, exit);
        heartbeat = new LeaseHeartbeat(services.store.inbox(), workerId, worker.lease(), worker.heartbeat(),
                workerHealth::check).start();
        workers = new InboxWorkers(services.store.inbox(), worker, workerId, heartbeat, workerHealth);
        http = HttpEdge.create(settings.httpWorkerThreads());
        Listener webhook;
        Listener adminPort;
        try {
            webhook = http.prepare(settings.webhook().listener());
            adminPort = http.prepare(settings.admin().listener());
            imsPort = http.prepare(settings.imsListener());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        // While the intake route is not there (starting, stopping) a delivery gets 503, which ESS retries; a 404
        // would be dropped (ESS does not retry 4xx other than 401/403/429).
        webhook.router().post(settings.webhook().path()).last().handler(c -> {
            c.response().putHeader("Retry-After", "5");
            JsonErrors.send(c, 503, "the webhook is not ready, deliver again");
        });
        camel = new Main();
        camel.configure().withName("ml-connector").withShutdownTimeout(10);
        http.bindTo(camel::bind);
        camel.bind(QuarantineDelivery.BEAN, new QuarantineDelivery(services));
        // the route's concur: and infor-ion: endpoints use the app's connections (one token per company and tenant)
        camel.bind("concur", concurComponent(services));
        camel.bind("infor-ion", inforIonComponent(services));
        camel.configure().addRoutesBuilder(new ConcurToInforRoutes(services, workers, workerId,
                workerHealth));
        camel.configure().addRoutesBuilder(ConcurToInforRoutes.erpAnswers(services));
        try {
            camel.start();
        } catch (Exception e) {
            close();
            throw new IllegalStateException("the Camel routes did not start: " + e.getMessage(), e);
        }
        ProducerTemplate route = camel.getCamelContext().createProducerTemplate();
        workers.start(entry -> route.sendBody(ConcurToInforRoutes.INBOX, entry));
        services.metrics.inboxDepth(services.store.inbox(), inbox -> inbox.depth());
        try {
            webhook.start();
            adminPort.start();
            serveImsEndpoint();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        AdminService adminService = new AdminService(services.store, services.erp.kindsWaitingForErp());
        Readiness readiness = readiness();
        AdminToken token = new AdminToken(settings.admin().token());
        Console console = new Console(adminService, Console.defaultSessions(Clock.systemUTC()), token,
                readiness::evaluate, services.metrics::ionThrottledCount, Clock.systemUTC());
        admin = AdminServer.on(adminPort, settings.admin().token(), adminService, readiness, services.metrics,
                List.of(console, new AdminApi(adminService, token)));
        LOG.info("ml-connector {} started: webhook on {}:{}{}, admin and console on {}:{}, IMS endpoint {},"
                + " database: {}", workerId, settings.webhook().listener().host(), webhook.port(),
                settings.webhook().path(), settings.admin().listener().host(), adminPort.port(), imsUri(), services.store.database().description());
    }

    /**
     * Concur hears success for a waiting posting kind only after the ERP's answer, which only ION can bring, and ION
     * authenticates with the connection point's OAuth consumer: without it nothing would ever be confirmed.
     */
    private void requireImsCredentialsWhenWaitingForTheErp() {
        ErpAnswerSettings erp = settings.erpAnswers();
        if (settings.infor().postingMode() == PostingMode.BOD && erp.waitsForAnyErpAnswer() && !erp.hasCredentials()) {
            throw new IllegalStateException("infor.confirm-after.* waits for the ERP's acknowledgement, which ION "
                    + "pushes to the IMS endpoint: set ims.consumer-key and ims.consumer-secret to the OAuth consumer "
                    + "of the IMS connection point (or set infor.confirm-after.ap=ION_ACCEPTED)");
        }
    }

    /** The IMS endpoint on its own port of the edge, bound once its handler is there (no early 404 to ION). */
    private void serveImsEndpoint() {
        ErpAnswerSettings erp = services.erp;
        ImsInboundSource source = new ImsInboundSource(ImsInboundSettings.of(erp.host(), erp.port(), erp.path(),
                erp.consumerKey(), erp.consumerSecret(), erp.publicUrl()));
        StoreErpAnswer store = new StoreErpAnswer(services);
        ImsEndpoint.serveOn(imsPort, source, store, store);
        imsPort.start();
    }

    /** Where the IMS endpoint listens, ION's base URL for this application (the bound port when configured with 0). */
    public URI imsUri() {
        return URI.create(imsPort.baseUri() + services.erp.path());
    }

    private static ConcurComponent concurComponent(Services services) {
        ConcurComponent component = new ConcurComponent();
        component.setConnection(services.concur);
        return component;
    }

    private static InforIonComponent inforIonComponent(Services services) {
        InforIonComponent component = new InforIonComponent();
        component.setConnection(services.infor);
        return component;
    }

    private Readiness readiness() {
        return Readiness.withDatabase(services.store.database())
                .register(workerHealth)
                .register(HealthCheck.of("concur-token", () -> services.concur.companyTokenState()
                        .map(ConcurToInforApplication::tokenStored)
                        .orElseGet(this::firstCompanyToken)))
                .register(HealthCheck.of("infor-token", () -> HealthCheck.Result.up(services.infor.grantCount() == 0
                        ? "no ION API token requested yet (the first post requests one)"
                        : services.infor.grantCount() + " ION API token grant(s) since start")));
    }

    private static HealthCheck.Result tokenStored(TokenState state) {
        return HealthCheck.Result.up("company token stored for geolocation " + state.geolocation());
    }

    /**
     * A fresh install has no company token until the first grant with {@code concur.request-token}, which used to
     * wait for the first document or {@code ping}: readiness said "set concur.request-token" although it was set.
     * The check makes that grant itself, so it tells the truth: UP once Concur accepted the request token, DOWN with
     * Concur's reason if it did not.
     */
    private HealthCheck.Result firstCompanyToken() {
        if (settings.concur().requestToken().isBlank()) {
            return HealthCheck.Result.down("no company token yet: set concur.request-token");
        }
        try {
            services.concur.geolocation();
        } catch (RuntimeException e) {
            return HealthCheck.Result.down("the first token grant with concur.request-token failed: "
                    + Failures.describe(e));
        }
        return services.concur.companyTokenState().map(ConcurToInforApplication::tokenStored)
                .orElse(HealthCheck.Result.down("Concur granted no company token for concur.request-token"));
    }

    /** Where the webhook listens (the bound port when configured with 0). */
    public URI webhookUri() {
        CamelContext context = camel.getCamelContext();
        return ((ConcurConsumer) context.getRoute(ConcurToInforRoutes.INTAKE).getConsumer()).uri();
    }

    public URI adminUri() {
        return admin.baseUri();
    }

    /** The operator console's login page. */
    public URI consoleUri() {
        return admin.baseUri().resolve("/console/login");
    }

    /** The started application's store: inbox, ledger, audit trail (the demo and the bench read what happened). */
    public Store store() {
        return services.store;
    }

    CamelContext camelContext() {
        return camel.getCamelContext();
    }

    Services services() {
        return services;
    }

    /** Blocks until the application is stopped ({@link #close()}, from the shutdown hook on a signal). */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** Checks both systems (Concur token + geolocation, Infor ION or M3) and prints a verdict; true when both answer. */
    public boolean ping(PrintWriter out) {
        try (Services s = Services.open(config)) {
            boolean ok = pingConcur(s, out) & pingInfor(s, out);
            out.println(ok ? "Verdict: ready to post." : "Verdict: not ready, see above.");
            out.flush();
            return ok;
        }
    }

    private static boolean pingConcur(Services s, PrintWriter out) {
        try {
            ConcurPingResult concur = new ConnectionOperations(s.concur).ping();
            out.println("Concur: OK, company " + concur.companyId() + " at geolocation " + concur.geolocation());
            return true;
        } catch (RuntimeException e) {
            out.println("Concur: FAILED, " + Failures.describe(e));
            return false;
        }
    }

    private static boolean pingInfor(Services s, PrintWriter out) {
        return s.settings.infor().postingMode() == PostingMode.M3_REST ? pingM3(s, out) : pingIon(s, out);
    }

    /** M3 REST mode posts through APS450MI, not ION: one read of it (LstInvBySupInv) proves token, gateway and access. */
    private static boolean pingM3(Services s, PrintWriter out) {
        try {
            new M3Operations(s.infor).findSupplierInvoice(M3_PING_ID, M3_PING_ID, M3_PING_ID);
            out.println("Infor M3: OK, APS450MI answers through the API gateway");
            return true;
        } catch (RuntimeException e) {
            out.println("Infor M3: FAILED, " + Failures.describe(e));
            return false;
        }
    }

    private static boolean pingIon(Services s, PrintWriter out) {
        try {
            IonPingResult infor = s.messaging.ping(io.mlconnector.infor.api.MessagingOperations.CONNECTOR_DOCUMENTS);
            out.println("Infor ION: " + (infor.ok() ? "OK, accepts " + infor.acceptedDocuments()
                    : "FAILED, " + String.join("; ", infor.problems())));
            return infor.ok();
        } catch (RuntimeException e) {
            out.println("Infor ION: FAILED, " + Failures.describe(e));
            return false;
        }
    }

    /** Creates or updates the ESS subscriptions for {@code concur.topics}; prints what it did, answers the exit code. */
    public int subscribe(PrintWriter out) {
        try (Services s = Services.open(config)) {
            return subscribe(s, settings.webhook().publicUrl(), out);
        }
    }

    /** Subscribes the started application's connection to {@code concur.topics} at {@code endpoint}. */
    public int subscribe(URI endpoint, PrintWriter out) {
        return subscribe(services, endpoint, out);
    }

    private static int subscribe(Services services, URI endpoint, PrintWriter out) {
        EventSubscriptionOperations ess = new EventSubscriptionOperations(services.concur);
        for (String topic : services.settings.concur().topics()) {
            String id = "ml-connector-" + topic.replaceAll("[^A-Za-z0-9]+", "-");
            ess.saveSubscription(Subscription.webhook(id, topic, ".*", endpoint.toString()));
            out.println("subscribed " + id + ": " + topic + " -> " + endpoint);
        }
        out.flush();
        return 0;
    }

    /** Stops everything started; idempotent. */
    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close();
            admin = null;
        }
        if (http != null) {
            // no new delivery while the routes stop: ESS retries what was not answered
            http.close();
            http = null;
        }
        if (workers != null) {
            workers.close(); // before Camel: the events in progress finish their route
            workers = null;
        }
        if (camel != null) {
            try {
                camel.stop();
            } catch (Exception e) {
                LOG.warn("stopping Camel: {}", e.toString());
            }
            camel = null;
        }
        if (heartbeat != null) {
            heartbeat.close();
            heartbeat = null;
        }
        if (services != null) {
            services.close();
            services = null;
        }
        stopped.countDown();
    }
}
