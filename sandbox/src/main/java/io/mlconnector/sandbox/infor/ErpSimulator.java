package io.mlconnector.sandbox.infor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.sandbox.http.SimServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ERP behind ION (M3, LN, FSM …): after a Process BOD reached ION it answers, some time later, by having ION push
 * {@code Acknowledge.<Noun>} (accepted, or {@code actionCode="Rejected"} with a ReasonCode) or a {@code ConfirmBOD}
 * with a BODFailureMessage to the application's IMS endpoint
 * (https://docs.infor.com/inforos/latest/en-us/useradminlib_cloud/ioncedg_cloud_osm/ccl1519994073494.html), or it says
 * nothing. ION pushes at least once and in parallel
 * (https://docs.infor.com/inforos/latest/en-us/useradminlib_cloud/ioncedg_cloud_osm/mhn1519993806956.html): a delivery
 * the application does not answer 2xx is tried again, an answer may come twice, answers may overtake each other. Each
 * push is signed with OAuth 1.0a by the connection point's consumer key and secret (RFC 5849, HMAC-SHA1), as ION does
 * for an IMS endpoint.
 *
 * <p>Nothing is pushed until {@link #deliverTo} names the application's endpoint. Sync BODs get no answer (they have
 * no business reply); a reversal ({@code …-rev}) is always accepted.
 */
public final class ErpSimulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ErpSimulator.class);
    private static final Pattern BODID = Pattern.compile("<BODID>([^<]*)</BODID>");
    private static final Pattern ACCOUNTING_ENTITY = Pattern.compile("<AccountingEntityID>([^<]*)</AccountingEntityID>");
    private static final String ERP_LOGICAL_ID = "lid://infor.m3.m3";
    private static final List<String[]> REASONS = List.of(
            new String[]{"PERIOD_CLOSED", "Accounting period is closed for posting"},
            new String[]{"SUPPLIER_BLOCKED", "Supplier is blocked for new invoices"},
            new String[]{"UNKNOWN_DIMENSION", "Accounting dimension 2 (cost center) is not valid"});

    /** What the ERP answers to one Process BOD. */
    public enum Answer { ACKNOWLEDGE, REJECT, CONFIRM_BOD_ERROR, NOTHING }

    /**
     * One push to the application.
     *
     * @param messageId     the IMS messageId of the push (a duplicate push repeats it)
     * @param documentName  {@code Acknowledge.SupplierInvoice} or {@code Confirm.BOD}
     * @param originalBodId the BODID answered
     * @param answer        what was answered
     * @param status        the application's HTTP status (0 = not reachable)
     */
    public record Push(String messageId, String documentName, String originalBodId, Answer answer, int status,
                       Instant at) {
    }

    private final String tenant;
    private final String consumerKey;
    private final String consumerSecret;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "erp-simulator");
        t.setDaemon(true);
        return t;
    });
    private final List<Push> pushes = new CopyOnWriteArrayList<>();
    private final List<ImsMessage> held = new CopyOnWriteArrayList<>();
    private final Map<String, Answer> rules = new ConcurrentHashMap<>();
    private final Random random = new Random(20261206L);
    private volatile URI target;
    private volatile Duration delay = Duration.ofMillis(100);
    private volatile double rejectRate;
    private volatile double confirmBodRate;
    private volatile double silenceRate;
    private volatile double duplicateRate;
    private volatile boolean holding;
    private volatile int maxAttempts = 120;

    ErpSimulator(String tenant) {
        this.tenant = tenant;
        SecureRandom secure = new SecureRandom();
        this.consumerKey = "ion-" + tenant.toLowerCase() + "-" + HexFormat.of().formatHex(secure.generateSeed(4));
        this.consumerSecret = HexFormat.of().formatHex(secure.generateSeed(20));
    }

    /** The OAuth consumer key of the connection point (configure it as the app's {@code ims.consumer-key}). */
    public String consumerKey() {
        return consumerKey;
    }

    /** The OAuth consumer secret of the connection point ({@code ims.consumer-secret}). */
    public String consumerSecret() {
        return consumerSecret;
    }

    /** The application's IMS base URL ({@code …/ims/service}); answers are pushed to {@code <it>/v3/multipartMessage}. */
    public ErpSimulator deliverTo(URI imsEndpoint) {
        this.target = imsEndpoint;
        return this;
    }

    /** How long the ERP takes to answer (each answer waits this long plus up to as much again, so answers reorder). */
    public ErpSimulator delay(Duration delay) {
        this.delay = delay;
        return this;
    }

    /** Share of Process BODs rejected with {@code Acknowledge actionCode="Rejected"} (0..1). */
    public ErpSimulator rejectRate(double rate) {
        this.rejectRate = rate;
        return this;
    }

    /** Share of Process BODs answered with a ConfirmBOD carrying a BODFailureMessage (0..1). */
    public ErpSimulator confirmBodRate(double rate) {
        this.confirmBodRate = rate;
        return this;
    }

    /** Share of Process BODs the ERP never answers (0..1). */
    public ErpSimulator silenceRate(double rate) {
        this.silenceRate = rate;
        return this;
    }

    /** Share of answers ION delivers twice (same messageId, at different times) (0..1). */
    public ErpSimulator duplicateRate(double rate) {
        this.duplicateRate = rate;
        return this;
    }

    /** How often one push is tried while the application does not answer 2xx (200 ms apart, up to 2 s). */
    public ErpSimulator maxAttempts(int attempts) {
        this.maxAttempts = attempts;
        return this;
    }

    /** Answers every Process BOD whose documentId contains {@code documentIdPart} with {@code answer}. */
    public ErpSimulator answer(String documentIdPart, Answer answer) {
        rules.put(documentIdPart, answer);
        return this;
    }

    /** Keeps answers back until {@link #release()}. */
    public ErpSimulator hold() {
        holding = true;
        return this;
    }

    /** Answers everything held back, and what comes from now on. */
    public void release() {
        holding = false;
        List<ImsMessage> waiting = new ArrayList<>(held);
        held.clear();
        waiting.forEach(this::answer);
    }

    /** Every push so far (duplicates and retries included), in order. */
    public List<Push> pushes() {
        return List.copyOf(pushes);
    }

    /** Called for every message ION accepted. */
    void onAccepted(ImsMessage message) {
        if (!"Process".equals(message.verb())) {
            return; // a Sync BOD has no business reply
        }
        if (holding) {
            held.add(message);
            return;
        }
        answer(message);
    }

    private void answer(ImsMessage message) {
        Answer answer = decide(message);
        if (answer == Answer.NOTHING) {
            pushes.add(new Push(null, null, bodId(message), answer, 0, Instant.now()));
            return;
        }
        String messageId = "erp-" + UUID.randomUUID();
        byte[] bod = bod(message, answer);
        String documentName = answer == Answer.CONFIRM_BOD_ERROR ? "Confirm.BOD" : "Acknowledge." + message.noun();
        schedule(messageId, documentName, bodId(message), answer, bod, 1);
        if (chance(duplicateRate)) {
            schedule(messageId, documentName, bodId(message), answer, bod, 1);
        }
    }

    private synchronized Answer decide(ImsMessage message) {
        String documentId = message.documentId() == null ? "" : message.documentId();
        if (documentId.endsWith("-rev")) {
            return Answer.ACKNOWLEDGE; // backing out is never refused
        }
        for (Map.Entry<String, Answer> rule : rules.entrySet()) {
            if (documentId.contains(rule.getKey())) {
                return rule.getValue();
            }
        }
        double draw = random.nextDouble();
        if (draw < silenceRate) {
            return Answer.NOTHING;
        }
        if (draw < silenceRate + rejectRate) {
            return Answer.REJECT;
        }
        return draw < silenceRate + rejectRate + confirmBodRate ? Answer.CONFIRM_BOD_ERROR : Answer.ACKNOWLEDGE;
    }

    private synchronized boolean chance(double rate) {
        return random.nextDouble() < rate;
    }

    private synchronized long jitter(long millis) {
        return millis <= 0 ? 0 : (long) (random.nextDouble() * millis);
    }

    private void schedule(String messageId, String documentName, String bodId, Answer answer, byte[] bod, int attempt) {
        long wait = attempt == 1 ? delay.toMillis() + jitter(delay.toMillis()) : Math.min(2000, 200L * attempt);
        scheduler.schedule(() -> {
            int status = push(documentName, messageId, bod);
            pushes.add(new Push(messageId, documentName, bodId, answer, status, Instant.now()));
            if (status / 100 != 2 && status != 400 && attempt < maxAttempts) {
                schedule(messageId, documentName, bodId, answer, bod, attempt + 1); // ION delivers at least once
            }
        }, wait, TimeUnit.MILLISECONDS);
    }

    /**
     * Pushes the ERP's answer to {@code message} now, once, signed; answers the application's HTTP status (0 when it
     * cannot be reached). For tests: a late answer, or one for a BOD the application never sent.
     */
    public int pushAnswer(ImsMessage message, Answer answer) {
        String documentName = answer == Answer.CONFIRM_BOD_ERROR ? "Confirm.BOD" : "Acknowledge." + message.noun();
        String messageId = "erp-" + UUID.randomUUID();
        int status = push(documentName, messageId, bod(message, answer));
        pushes.add(new Push(messageId, documentName, bodId(message), answer, status, Instant.now()));
        return status;
    }

    /** Pushes a raw BOD with the given IMS parameters, signed; answers the HTTP status (0 when not reachable). */
    public int push(String documentName, String messageId, byte[] bod) {
        URI endpoint = target;
        if (endpoint == null) {
            return 0;
        }
        URI uri = URI.create(endpoint + "/v3/multipartMessage");
        ObjectNode parameters = SimServer.JSON.createObjectNode();
        parameters.put("documentName", documentName);
        parameters.put("messageId", messageId);
        parameters.put("fromLogicalId", ERP_LOGICAL_ID);
        parameters.put("toLogicalId", "lid://default");
        parameters.put("encoding", "NONE");
        parameters.put("characterSet", "UTF-8");
        String boundary = "ion-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, boundary, "ParameterRequest", parameters.toString().getBytes(StandardCharsets.UTF_8));
        part(body, boundary, "MessagePayload", bod);
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("X-TenantId", tenant)
                .header("Authorization", oauthHeader("POST", uri))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            LOG.debug("ERP answer {} not delivered: {}", messageId, e.toString());
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static void part(ByteArrayOutputStream out, String boundary, String name, byte[] content) {
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(content);
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The BOD of the answer: the original BODID repeated with the verb changed
     * (https://docs.infor.com/ln/10.8/en-us/lnolh/help/tl/lnstudiointegration/tps1504267854022.html).
     */
    byte[] bod(ImsMessage message, Answer answer) {
        String original = bodId(message);
        String entity = find(ACCOUNTING_ENTITY, message.payloadString());
        String documentId = message.documentId() == null ? "" : message.documentId();
        String[] reason = REASONS.get(Math.floorMod(documentId.hashCode(), REASONS.size()));
        String now = Instant.now().toString();
        String xml = switch (answer) {
            case ACKNOWLEDGE, REJECT -> "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<Acknowledge" + message.noun() + " xmlns=\"http://schema.infor.com/InforOAGIS/2\" releaseID=\"9.2\""
                    + " versionID=\"2.14.0\">\n"
                    + applicationArea(original.replace("verb=Process", "verb=Acknowledge"), now)
                    + "  <DataArea>\n    <Acknowledge>\n      <TenantID>" + tenant + "</TenantID>\n"
                    + "      <AccountingEntityID>" + entity + "</AccountingEntityID>\n"
                    + "      <OriginalApplicationArea><BODID>" + original + "</BODID></OriginalApplicationArea>\n"
                    + "      <ResponseCriteria><ResponseExpression actionCode=\""
                    + (answer == Answer.REJECT ? "Rejected" : "Accepted") + "\"/>"
                    + (answer == Answer.REJECT ? "<ChangeStatus><ReasonCode>" + reason[0] + "</ReasonCode><Reason>"
                    + reason[1] + "</Reason></ChangeStatus>" : "") + "</ResponseCriteria>\n"
                    + "    </Acknowledge>\n    <" + message.noun() + "><" + message.noun() + "Header><DocumentID><ID>"
                    + escape(documentId) + "</ID></DocumentID></" + message.noun() + "Header></" + message.noun() + ">\n"
                    + "  </DataArea>\n</Acknowledge" + message.noun() + ">\n";
            case CONFIRM_BOD_ERROR -> "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<ConfirmBOD xmlns=\"http://schema.infor.com/InforOAGIS/2\" releaseID=\"9.2\" versionID=\"2.14.0\">\n"
                    + applicationArea(original.replace("verb=Process", "verb=Confirm"), now)
                    + "  <DataArea>\n    <Confirm><TenantID>" + tenant + "</TenantID>"
                    + "<OriginalApplicationArea><BODID>" + original + "</BODID></OriginalApplicationArea></Confirm>\n"
                    + "    <BOD><BODFailureMessage><ErrorProcessMessage><Description>" + reason[1] + "</Description>"
                    + "<ReasonCode>" + reason[0] + "</ReasonCode></ErrorProcessMessage></BODFailureMessage></BOD>\n"
                    + "  </DataArea>\n</ConfirmBOD>\n";
            case NOTHING -> throw new IllegalArgumentException("nothing to send");
        };
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    private static String applicationArea(String bodId, String now) {
        return "  <ApplicationArea>\n    <Sender><LogicalID>" + ERP_LOGICAL_ID + "</LogicalID><ComponentID>M3BE"
                + "</ComponentID></Sender>\n    <CreationDateTime>" + now + "</CreationDateTime>\n    <BODID>" + bodId
                + "</BODID>\n  </ApplicationArea>\n";
    }

    /** The BODID as written in the message (XML-escaped, so it can be copied into another BOD as it is). */
    private static String bodId(ImsMessage message) {
        return find(BODID, message.payloadString());
    }

    private static String find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : "";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** RFC 5849 §3.4.1–3.4.2, HMAC-SHA1, consumer key and secret only; the query (none here) would be signed too. */
    private String oauthHeader(String method, URI uri) {
        Map<String, String> oauth = new TreeMap<>();
        oauth.put("oauth_consumer_key", consumerKey);
        oauth.put("oauth_nonce", UUID.randomUUID().toString().replace("-", ""));
        oauth.put("oauth_signature_method", "HMAC-SHA1");
        oauth.put("oauth_timestamp", Long.toString(Instant.now().getEpochSecond()));
        oauth.put("oauth_version", "1.0");
        StringBuilder params = new StringBuilder();
        oauth.forEach((k, v) -> params.append(params.length() == 0 ? "" : "&").append(percent(k)).append('=')
                .append(percent(v)));
        String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
        String base = method + "&" + percent(uri.getScheme() + "://" + uri.getHost() + port + uri.getRawPath()) + "&"
                + percent(params.toString());
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec((percent(consumerSecret) + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            oauth.put("oauth_signature", Base64.getEncoder().encodeToString(
                    mac.doFinal(base.getBytes(StandardCharsets.UTF_8))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        StringBuilder header = new StringBuilder("OAuth realm=\"ims\"");
        oauth.forEach((k, v) -> header.append(", ").append(k).append("=\"").append(percent(v)).append('"'));
        return header.toString();
    }

    private static String percent(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
