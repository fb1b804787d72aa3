package io.mlconnector.concur.camel;

import io.mlconnector.concur.api.ConcurErrorType;
import io.mlconnector.concur.api.ConcurEvent;
import io.mlconnector.concur.api.ConcurException;
import io.mlconnector.concur.api.ConcurPingResult;
import io.mlconnector.concur.api.ConcurWebhookSource;
import io.mlconnector.concur.api.FisDocument;
import io.mlconnector.concur.api.FisDocumentPage;
import io.mlconnector.concur.api.FisItemResult;
import io.mlconnector.concur.api.FisOutcome;
import io.mlconnector.concur.api.PostingConfirmation;
import io.mlconnector.sandbox.concur.ConcurDocumentGenerator;
import io.mlconnector.sandbox.concur.ConcurSandbox;
import io.mlconnector.sandbox.concur.ConcurSandboxSettings;
import io.mlconnector.sandbox.concur.Delivery;
import io.mlconnector.sandbox.concur.FisState;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The concur: component used from Camel routes against the sandbox. */
class ConcurComponentTest {
    private ConcurSandbox concur;
    private CamelContext camel;
    private final List<Exchange> done = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        concur = ConcurSandbox.start(ConcurSandboxSettings.builder().retryBackoff(Duration.ofMillis(50)).build());
        camel = new DefaultCamelContext();
        // the webhook's server: Camel's Vert.x platform-http on a free loopback port
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(0);
        camel.addService(new VertxPlatformHttpServer(server));
        // resolved through META-INF/services/org/apache/camel/component/concur
        sandboxSettings(camel.getComponent("concur", ConcurComponent.class).getConfiguration(), concur);
    }

    /** The company of the sandbox, with short timeouts and backoffs so the tests stay fast. */
    static void sandboxSettings(ConcurEndpointConfiguration settings, ConcurSandbox concur) {
        settings.setClientId(concur.clientId());
        settings.setClientSecret(concur.clientSecret());
        settings.setCompanyId(concur.companyId());
        settings.setRequestToken(concur.newCompanyRequestToken());
        settings.setAuthBaseUri(concur.glzUri().toString());
        settings.setSystemId("ML-CONNECTOR");
        settings.setConnectTimeout(Duration.ofSeconds(2).toMillis());
        settings.setReadTimeout(Duration.ofSeconds(5).toMillis());
        settings.setInitialBackoff(Duration.ofMillis(20).toMillis());
        settings.setMaxBackoff(Duration.ofMillis(100).toMillis());
    }

    @AfterEach
    void stop() throws Exception {
        camel.close();
        concur.close();
    }

    private URI webhookUri(String routeId) {
        return ((ConcurConsumer) camel.getRoute(routeId).getConsumer()).uri();
    }

    private String webhookEndpoint() {
        return "concur:webhook?publicKeyFiles=" + concur.webhookPublicKeyPem();
    }

    @Test
    void readyForIntegrationEventIsFetchedAcknowledgedAndConfirmedByARoute() throws Exception {
        // given the intake route of the product brief, in Camel
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(webhookEndpoint()).routeId("intake")
                        .to("concur:fis-document")
                        .to("concur:acknowledge")
                        .process(e -> e.getMessage().setBody(PostingConfirmation.success(
                                e.getMessage().getHeader(ConcurHeaders.FIS_DOCUMENT_ID, String.class),
                                List.of(new PostingConfirmation.PostingDoc("100", "ION-1", "2026",
                                        LocalDate.of(2026, 11, 28))))))
                        .to("concur:confirm-posting")
                        .process(done::add);
            }
        });
        camel.start();
        concur.events().subscribe("ml-fis", ConcurEvent.TOPIC_FINANCIAL_INTEGRATION, ".*", webhookUri("intake"));
        String fisId = concur.fis().add("expense", new ConcurDocumentGenerator(3).expenseReport(2));

        // when
        String eventId = concur.fis().approve(fisId);
        concur.events().awaitIdle(Duration.ofSeconds(10));

        // then
        assertThat(concur.events().deliveries()).extracting(Delivery::httpStatus).containsExactly(200);
        assertThat(concur.fis().state(fisId)).isEqualTo(FisState.POSTED);
        assertThat(done).singleElement().satisfies(e -> {
            assertThat(e.getMessage().getHeader(ConcurHeaders.EVENT_ID)).isEqualTo(eventId);
            assertThat(e.getMessage().getHeader(ConcurHeaders.FIS_DOC_TYPE)).isEqualTo("expense");
            assertThat(e.getMessage().getHeader(ConcurHeaders.FIS_OUTCOME)).isEqualTo(FisOutcome.SUCCESS);
        });
        String deliveryCorrelation = done.get(0).getMessage().getHeader(ConcurHeaders.CORRELATION_ID, String.class);
        assertThat(concur.requests()).filteredOn(r -> r.path().contains("/financialintegration/"))
                .allSatisfy(r -> assertThat(r.header("concur-correlationid")).isEqualTo(deliveryCorrelation));
    }

    @Test
    void failingRouteIsAnswered500SoConcurDeliversAgain() throws Exception {
        // given a route whose first run fails
        AtomicInteger runs = new AtomicInteger();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(webhookEndpoint()).routeId("intake")
                        .process(e -> {
                            if (runs.incrementAndGet() == 1) {
                                throw new IllegalStateException("inbox down");
                            }
                        })
                        .process(done::add);
            }
        });
        camel.start();
        concur.events().subscribe("ml-fis", ConcurEvent.TOPIC_FINANCIAL_INTEGRATION, ".*", webhookUri("intake"));
        String fisId = concur.fis().add("invoice", new ConcurDocumentGenerator(4).invoice(2));

        // when
        String eventId = concur.fis().approve(fisId);
        concur.events().awaitIdle(Duration.ofSeconds(10));

        // then
        assertThat(concur.events().deliveries()).extracting(Delivery::httpStatus).containsExactly(500, 200);
        assertThat(done).singleElement().satisfies(e -> {
            assertThat(e.getMessage().getBody(ConcurEvent.class).id()).isEqualTo(eventId);
            assertThat(e.getMessage().getHeader(ConcurHeaders.FIS_DOC_TYPE)).isEqualTo("invoice");
        });
    }

    @Test
    void unsignedDeliveryIsAnswered401AndTheListenerHearsTheSenderWithoutTheRouteRunning() throws Exception {
        // given a webhook route with a rejected-delivery listener
        List<ConcurWebhookSource.RefusedDelivery> refused = new CopyOnWriteArrayList<>();
        camel.getRegistry().bind("refused", (ConcurWebhookSource.RejectedDeliveryListener) refused::add);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(webhookEndpoint() + "&rejectedDeliveryListener=#refused").routeId("intake").process(done::add);
            }
        });
        camel.start();
        byte[] body = "{\"id\":\"evt-1\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        // when it is POSTed without a signature, and then fetched with GET
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpResponse<String> post = http.send(java.net.http.HttpRequest.newBuilder(webhookUri("intake"))
                .header("Concur-Correlationid", "c-9").POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        java.net.http.HttpResponse<String> get = http.send(java.net.http.HttpRequest.newBuilder(webhookUri("intake"))
                .GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());

        // then 401 with a JSON answer that echoes no request header, the listener has the body and the sender
        assertThat(post.statusCode()).isEqualTo(401);
        assertThat(post.body()).isEqualTo("{\"status\":401,\"message\":\"missing Concur-Signature\"}");
        assertThat(post.headers().firstValue("Concur-Correlationid")).isEmpty();
        assertThat(refused).singleElement().satisfies(r -> {
            assertThat(r.body()).isEqualTo(body);
            assertThat(r.clientAddress()).isEqualTo("127.0.0.1");
            assertThat(r.headers()).containsEntry("concur-correlationid", List.of("c-9"));
        });
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(done).isEmpty();
    }

    @Test
    void producersPingAndReadDocumentsFromAnyRoute() throws Exception {
        // given
        concur.fis().seedPublishedSamples();
        camel.start();
        ProducerTemplate template = camel.createProducerTemplate();

        // when
        Exchange ping = template.request("concur:ping", e -> { });
        FisDocumentPage page = template.requestBody("concur:fis-documents?docType=invoice&limit=5", null,
                FisDocumentPage.class);

        // then
        assertThat(ping.getMessage().getBody(ConcurPingResult.class).geolocation()).isEqualTo(concur.dataCentreUri());
        assertThat(ping.getMessage().getHeader(ConcurHeaders.GEOLOCATION)).isEqualTo(concur.dataCentreUri().toString());
        assertThat(page.documents()).singleElement().satisfies(d -> {
            assertThat(d.docType()).isEqualTo("invoice");
            assertThat(d.totalAmount()).isEqualByComparingTo("50");
        });
    }

    @Test
    void acknowledgeWithAnIdHeaderReportsTheOutcome() throws Exception {
        // given
        String fisId = concur.fis().add("expense", new ConcurDocumentGenerator(5).expenseReport(1));
        concur.fis().approve(fisId);
        concur.fis().recall(fisId);
        camel.start();

        // when
        Exchange result = camel.createProducerTemplate().request("concur:acknowledge?docType=expense",
                e -> e.getMessage().setHeader(ConcurHeaders.FIS_DOCUMENT_ID, fisId));

        // then
        assertThat(result.getMessage().getHeader(ConcurHeaders.FIS_OUTCOME)).isEqualTo(FisOutcome.RECALLED);
        assertThat(result.getMessage().getBody(List.class)).singleElement()
                .satisfies(r -> assertThat(((FisItemResult) r).docId()).isEqualTo(fisId));
    }

    @Test
    void subscriptionIsSavedFromEndpointOptions() throws Exception {
        camel.start();

        String message = camel.createProducerTemplate().requestBody("concur:save-subscription?subscriptionId=ml-fis"
                + "&topic=public.concur.financialintegration&webhookEndpoint=https://mlconnector.example/events", null,
                String.class);

        assertThat(message).contains("saved successfully");
        assertThat(concur.events().subscriptions()).singleElement()
                .satisfies(s -> assertThat(s.at("/webHookConfig/endpoint").asText())
                        .isEqualTo("https://mlconnector.example/events"));
    }

    @Test
    void missingInputIsATypedConcurException() throws Exception {
        camel.start();

        assertThatThrownBy(() -> camel.createProducerTemplate().requestBodyAndHeaders("concur:fis-document", null,
                Map.of(ConcurHeaders.FIS_DOC_TYPE, "expense")))
                .isInstanceOf(CamelExecutionException.class)
                .cause().isInstanceOfSatisfying(ConcurException.class,
                        e -> assertThat(e.type()).isEqualTo(ConcurErrorType.CONFIGURATION));
    }

    @Test
    void unknownDocumentLeavesAnEmptyBodyAndFoundFalse() throws Exception {
        camel.start();

        Exchange result = camel.createProducerTemplate().request("concur:fis-document?docType=expense",
                e -> e.getMessage().setHeader(ConcurHeaders.DOC_ID, "NOSUCHREPORT00000000"));

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(ConcurHeaders.FIS_DOCUMENT_FOUND)).isEqualTo(false);
        assertThat(result.getMessage().getBody(FisDocument.class)).isNull();
    }

    @Test
    void callsPerMinuteOptionSpacesTheConnectionsCallsToConcur() throws Exception {
        // given the component told to call Concur at most 120 times a minute (one call every 500 ms)
        camel.getComponent("concur", ConcurComponent.class).getConfiguration().setCallsPerMinute(120);
        camel.start();
        ProducerTemplate template = camel.createProducerTemplate();

        // when a route reads a FIS page four times
        long started = System.nanoTime();
        for (int i = 0; i < 4; i++) {
            template.requestBody("concur:fis-documents?docType=invoice&limit=5", null, FisDocumentPage.class);
        }

        // then the reads reached Concur no faster than the rate: at least three intervals apart in all
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
    }
}
