package io.mlconnector.sandbox.concur;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.sandbox.concur.ConcurOAuth.PrincipalType;
import io.mlconnector.sandbox.http.SimRequest;
import io.mlconnector.sandbox.http.SimResponse;
import io.mlconnector.sandbox.http.SimServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Event Subscription Service v4 (https://developer.concur.com/api-reference/ess/v4.event-subscription.html; management
 * API: https://developer.concur.com/event-topics/index.html): the management API for webhook subscriptions and the
 * publisher that POSTs signed events to the subscribers, at least once, retrying like the docs describe.
 */
public final class ConcurEvents implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConcurEvents.class);
    public static final String TOPIC_FIS = "public.concur.financialintegration";
    public static final String TOPIC_EXPENSE_REPORT = "public.concur.expense.report";
    /**
     * Not a documented Concur topic (Concur documents FIS {@code invoice.readyForIntegration} for invoices); it exists
     * here only, for the app's invoice path without FIS.
     */
    public static final String TOPIC_INVOICE_PAYMENT_REQUEST = "public.concur.invoice.paymentrequest";
    public static final String TOPIC_TEST = "public.test";
    static final List<String> TOPICS =
            List.of(TOPIC_TEST, TOPIC_EXPENSE_REPORT, TOPIC_FIS, TOPIC_INVOICE_PAYMENT_REQUEST);
    private static final int MAX_SUBSCRIPTIONS = 5;
    private static final Pattern SUBSCRIPTION_ID = Pattern.compile("[a-z0-9.-]+");
    private static final DateTimeFormatter FIS_TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter EXPENSE_TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final ConcurSandboxSettings settings;
    private final Clock clock;
    private volatile KeyPair signingKeys;
    private final String applicationId;
    private final String companyId;
    private final String entityId;
    private final Map<String, ObjectNode> subscriptions = new LinkedHashMap<>();
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final List<ObjectNode> published = new CopyOnWriteArrayList<>();
    private final Random random;
    private final ScheduledExecutorService executor;
    private final HttpClient http;
    private final Object idle = new Object();
    private int pending;
    private volatile boolean companyConnected;

    ConcurEvents(ConcurSandboxSettings settings, Clock clock, KeyPair signingKeys, String applicationId,
                 String companyId, String entityId) {
        this.settings = settings;
        this.clock = clock;
        this.signingKeys = signingKeys;
        this.applicationId = applicationId;
        this.companyId = companyId;
        this.entityId = entityId;
        this.random = new Random(settings.seed());
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(settings.deliveryThreads(), r -> {
            Thread t = new Thread(r, "concur-ess-delivery");
            t.setDaemon(true);
            return t;
        });
        pool.setRemoveOnCancelPolicy(true);
        this.executor = pool;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.deliveryTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    void register(ApiRoutes routes) {
        var app = ApiRoutes.only(PrincipalType.APP);
        routes.route("GET", "/events/v4/topics", app, (req, token) -> SimResponse.json(200, TOPICS));
        routes.route("PUT", "/events/v4/subscriptions/webhook", app, (req, token) -> put(req));
        routes.route("GET", "/events/v4/subscriptions", app, (req, token) -> SimResponse.json(200, subscriptions()));
        routes.route("GET", "/events/v4/subscriptions/([^/]+)", app, (req, token) -> get(req.pathGroup(1)));
        routes.route("DELETE", "/events/v4/subscriptions/([^/]+)", app, (req, token) -> delete(req.pathGroup(1)));
    }

    // ---- management API --------------------------------------------------------------------------------------------

    /** Every subscription as {@code GET /events/v4/subscriptions} shows it. */
    public synchronized List<JsonNode> subscriptions() {
        return subscriptions.values().stream().map(s -> (JsonNode) s.deepCopy()).toList();
    }

    /** Creates or updates a subscription without HTTP (the same rules as the PUT). */
    public void subscribe(String id, String topic, String filter, URI endpoint) {
        ObjectNode body = SimServer.JSON.createObjectNode().put("id", id).put("filter", filter).put("topic", topic);
        body.putObject("webHookConfig").put("endpoint", endpoint.toString());
        String problem = save(body);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    private SimResponse put(SimRequest request) {
        JsonNode body;
        try {
            body = request.json();
        } catch (RuntimeException e) {
            return message(400, "The request body is not valid JSON");
        }
        String problem = body.isObject() ? save((ObjectNode) body) : "The request body must be a JSON object";
        return problem == null
                ? message(200, "Subscription '" + body.path("id").asText() + "' saved successfully")
                : message(400, problem);
    }

    private synchronized String save(ObjectNode body) {
        String id = body.path("id").asText("");
        String topic = body.path("topic").asText("");
        String filter = body.path("filter").asText(".*");
        String endpoint = body.path("webHookConfig").path("endpoint").asText("");
        if (!SUBSCRIPTION_ID.matcher(id).matches()) {
            return "id must consist of lower-case letters, digits, '.' and '-'";
        }
        if (!TOPICS.contains(topic)) {
            return "Topic '" + topic + "' is not available for this application";
        }
        try {
            Pattern.compile(filter);
        } catch (PatternSyntaxException e) {
            return "filter is not a valid regular expression";
        }
        if (!endpoint.startsWith("https://") && !endpoint.startsWith("http://")) {
            return "webHookConfig.endpoint must be an http(s) URL";
        }
        if (!subscriptions.containsKey(id) && subscriptions.size() >= MAX_SUBSCRIPTIONS) {
            return "An application may have at most " + MAX_SUBSCRIPTIONS + " subscriptions";
        }
        ObjectNode saved = SimServer.JSON.createObjectNode().put("id", id).put("topic", topic).put("filter", filter);
        saved.putObject("webHookConfig").put("endpoint", endpoint);
        saved.put("applicationId", applicationId).put("scope", "");
        saved.putArray("groups");
        ArrayNode companyIds = saved.putArray("companyIds");
        if (companyConnected) {
            companyIds.add(companyId);
        }
        subscriptions.put(id, saved);
        return null;
    }

    private synchronized SimResponse get(String id) {
        ObjectNode subscription = subscriptions.get(id);
        return subscription == null ? message(404, "Subscription '" + id + "' not found")
                : SimResponse.json(200, List.of(subscription));
    }

    private synchronized SimResponse delete(String id) {
        return subscriptions.remove(id) == null ? message(404, "Subscription '" + id + "' not found")
                : message(200, "Subscription '" + id + "' marked for deletion");
    }

    /** A company token was obtained: ESS adds the company UUID to every subscription's companyIds. */
    synchronized void companyConnected() {
        companyConnected = true;
        for (ObjectNode subscription : subscriptions.values()) {
            ArrayNode ids = (ArrayNode) subscription.get("companyIds");
            if (ids.isEmpty()) {
                ids.add(companyId);
            }
        }
    }

    // ---- publisher -------------------------------------------------------------------------------------------------

    /**
     * Publishes an event: builds the webhook envelope and delivers it to every subscription of that topic whose
     * filter matches the event type. Returns the event id.
     */
    public String publish(String topic, String eventType, ObjectNode facts) {
        ObjectNode envelope = envelope(topic, eventType, facts);
        published.add(envelope);
        byte[] body;
        try {
            body = SimServer.JSON.writeValueAsBytes(envelope);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String signature = sign(body);
        for (ObjectNode subscription : matching(topic, eventType)) {
            String subscriptionId = subscription.get("id").asText();
            URI endpoint = URI.create(subscription.path("webHookConfig").path("endpoint").asText());
            String eventId = envelope.get("id").asText();
            String correlationId = envelope.get("correlationId").asText();
            schedule(new Attempt(eventId, correlationId, subscriptionId, endpoint, body, signature, 1, 0), firstDelay());
            if (chance(settings.duplicateRate())) {
                schedule(new Attempt(eventId, correlationId, subscriptionId, endpoint, body, signature, 1, 1),
                        firstDelay());
            }
        }
        return envelope.get("id").asText();
    }

    /** Events published from now on are signed with this key pair (a yearly rotation, like the webhook certificate). */
    void signWith(KeyPair keys) {
        this.signingKeys = keys;
    }

    /** Every envelope published so far, in publishing order. */
    public List<JsonNode> published() {
        return List.copyOf(published);
    }

    /** The delivery log: every attempt, in the order the answers arrived. */
    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** Waits until no delivery is queued, running or waiting for a retry; fails when that takes longer than max. */
    public void awaitIdle(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (idle) {
            while (pending > 0) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new IllegalStateException(pending + " ESS deliveries still pending after " + max);
                }
                try {
                    idle.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for ESS deliveries", e);
                }
            }
        }
    }

    private ObjectNode envelope(String topic, String eventType, ObjectNode facts) {
        ObjectNode envelope = SimServer.JSON.createObjectNode();
        Instant now = clock.instant();
        envelope.put("id", UUID.randomUUID().toString());
        if (topic.equals(TOPIC_FIS)) {
            // shaped like the readyForIntegration samples: data null, subtopic = entity id, "+0000" timestamps
            envelope.putNull("data");
            envelope.put("eventType", eventType);
            envelope.put("correlationId", UUID.randomUUID().toString().replace("-", ""));
            envelope.put("topic", topic);
            envelope.put("subtopic", entityId);
            envelope.put("timeStamp", FIS_TIMESTAMP.format(now));
            envelope.put("route", "stable");
        } else {
            envelope.put("correlationId", UUID.randomUUID().toString());
            envelope.put("route", "stable");
            envelope.put("eventType", eventType);
            envelope.put("topic", topic);
            envelope.put("timeStamp", EXPENSE_TIMESTAMP.format(now));
        }
        envelope.set("facts", facts.deepCopy());
        return envelope;
    }

    private synchronized List<ObjectNode> matching(String topic, String eventType) {
        if (settings.requireConnectedCompany() && !companyConnected) {
            return List.of(); // deliveries need the company UUID in companyIds
        }
        List<ObjectNode> result = new ArrayList<>();
        for (ObjectNode subscription : subscriptions.values()) {
            if (subscription.get("topic").asText().equals(topic)
                    && Pattern.matches(subscription.get("filter").asText(), eventType)) {
                result.add(subscription);
            }
        }
        return result;
    }

    private String sign(byte[] body) {
        try {
            Signature signature = Signature.getInstance(ConcurSandbox.SIGNATURE_ALGORITHM);
            signature.initSign(signingKeys.getPrivate());
            signature.update(body);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the ESS event", e);
        }
    }

    private record Attempt(String eventId, String correlationId, String subscriptionId, URI endpoint, byte[] body,
                           String signature, int number, int copy) {
        Attempt next() {
            return new Attempt(eventId, correlationId, subscriptionId, endpoint, body, signature, number + 1, copy);
        }
    }

    private void schedule(Attempt attempt, long delayMillis) {
        synchronized (idle) {
            pending++;
        }
        try {
            executor.schedule(() -> run(attempt), delayMillis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            synchronized (idle) { // the sandbox is closing: nothing more will be delivered
                pending--;
                idle.notifyAll();
            }
        }
    }

    private void run(Attempt attempt) {
        try {
            int status = send(attempt);
            Delivery.Outcome outcome = outcome(status, attempt.number());
            deliveries.add(new Delivery(attempt.eventId(), attempt.number(), status, clock.instant(),
                    attempt.subscriptionId(), attempt.endpoint(), attempt.copy(), outcome));
            if (outcome == Delivery.Outcome.RETRYING) {
                schedule(attempt.next(), backoff(attempt.number()));
            }
        } catch (RuntimeException e) {
            LOG.warn("ESS delivery of event {} failed unexpectedly", attempt.eventId(), e);
        } finally {
            synchronized (idle) {
                pending--;
                idle.notifyAll();
            }
        }
    }

    private int send(Attempt attempt) {
        HttpRequest request = HttpRequest.newBuilder(attempt.endpoint())
                .timeout(settings.deliveryTimeout())
                .header("Content-Type", "application/json")
                .header("Concur-Signature", attempt.signature())
                .header("Concur-Correlationid", attempt.correlationId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(attempt.body()))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1; // any I/O error (timeout, refused, reset) is retried "regardless of the actual HTTP response"
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** ESS Behavior: 2xx done; 5xx, 401, 403, 429 and I/O errors retried; every other 4xx dropped. */
    private Delivery.Outcome outcome(int status, int attemptNumber) {
        if (status >= 200 && status < 300) {
            return Delivery.Outcome.DELIVERED;
        }
        boolean retryable = status == -1 || status >= 500 || status == 401 || status == 403 || status == 429;
        if (!retryable) {
            return Delivery.Outcome.DROPPED; // other 4xx; also 1xx/3xx, neither a success nor documented as retried
        }
        return attemptNumber >= settings.maxDeliveryAttempts() ? Delivery.Outcome.GAVE_UP : Delivery.Outcome.RETRYING;
    }

    private long backoff(int attemptNumber) {
        long base = settings.retryBackoff().toMillis();
        return Math.min(base << Math.min(attemptNumber - 1, 4), base * 16);
    }

    private long firstDelay() {
        return settings.reorder() ? nextInt(150) : 0;
    }

    private synchronized boolean chance(double rate) {
        return rate > 0 && random.nextDouble() < rate;
    }

    private synchronized int nextInt(int bound) {
        return random.nextInt(bound);
    }

    private static SimResponse message(int status, String message) {
        return SimResponse.json(status, Map.of("message", message));
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
