package io.mlconnector.concur.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.concur.internal.ConcurJson;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * ESS v4 subscription management (https://developer.concur.com/event-topics/index.html) with the app token
 * (client_credentials). Subscriptions are per data centre: the app token's geolocation decides which.
 */
public final class EventSubscriptionOperations {
    private static final String BASE = "/events/v4";
    private static final Pattern ID = Pattern.compile("[a-z0-9.\\-]+");

    private final ConcurConnection connection;

    public EventSubscriptionOperations(ConcurConnection connection) {
        this.connection = connection;
    }

    /**
     * Lists the topics this app may subscribe to (empty when the app has only {@code events.topic.read}).
     *
     * @throws ConcurException AUTHENTICATION_FAILED, UNAUTHORIZED, FORBIDDEN, CONNECTIVITY, TIMEOUT, THROTTLED,
     *                         SERVICE_UNAVAILABLE
     */
    public List<String> listTopics() {
        List<String> topics = new ArrayList<>();
        JsonNode answer = connection.api().get(connection.appTokens(), BASE + "/topics", null);
        if (answer != null) {
            answer.forEach(t -> topics.add(t.asText()));
        }
        return topics;
    }

    /**
     * Creates or updates (same id) a webhook subscription: {@code PUT /events/v4/subscriptions/webhook}.
     *
     * @return Concur's message, e.g. "Subscription '…' saved successfully"
     * @throws ConcurException INVALID_MESSAGE (bad id), BAD_REQUEST (id taken by another app), and as {@link #listTopics}
     */
    public String saveSubscription(Subscription subscription) {
        if (subscription.id() == null || !ID.matcher(subscription.id()).matches()) {
            throw new ConcurException(ConcurErrorType.INVALID_MESSAGE,
                    "subscription id must be lower-case letters, digits, '.' and '-': " + subscription.id());
        }
        ObjectNode body = ConcurJson.MAPPER.createObjectNode();
        body.put("id", subscription.id());
        body.put("filter", subscription.filter() == null ? ".*" : subscription.filter());
        body.put("topic", subscription.topic());
        body.putObject("webHookConfig").put("endpoint", subscription.endpoint());
        return message(connection.api().call(connection.appTokens(), "PUT", BASE + "/subscriptions/webhook", body,
                null));
    }

    /**
     * Gets one subscription (Concur answers an array holding it).
     *
     * @return empty when it does not exist
     * @throws ConcurException as {@link #listTopics}
     */
    public Optional<Subscription> getSubscription(String id) {
        try {
            List<Subscription> found = subscriptions(connection.api().get(connection.appTokens(),
                    BASE + "/subscriptions/" + encode(id), null));
            return found.stream().filter(s -> id.equals(s.id())).findFirst()
                    .or(() -> found.stream().findFirst());
        } catch (ConcurException e) {
            if (e.type() == ConcurErrorType.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Lists this app's subscriptions (at most 5 per app).
     *
     * @throws ConcurException as {@link #listTopics}
     */
    public List<Subscription> listSubscriptions() {
        return subscriptions(connection.api().get(connection.appTokens(), BASE + "/subscriptions", null));
    }

    /**
     * Deletes a subscription.
     *
     * @return Concur's message, e.g. "Subscription '…' marked for deletion"
     * @throws ConcurException NOT_FOUND, and as {@link #listTopics}
     */
    public String deleteSubscription(String id) {
        return message(connection.api().call(connection.appTokens(), "DELETE", BASE + "/subscriptions/" + encode(id),
                null, null));
    }

    private static List<Subscription> subscriptions(JsonNode answer) {
        List<Subscription> list = new ArrayList<>();
        if (answer == null) {
            return list;
        }
        Iterable<JsonNode> items = answer.isArray() ? answer : List.of(answer);
        for (JsonNode s : items) {
            list.add(new Subscription(ConcurJson.text(s, "id"), ConcurJson.text(s, "topic"),
                    ConcurJson.text(s, "filter"), ConcurJson.text(s.path("webHookConfig"), "endpoint"),
                    ConcurJson.text(s, "applicationId"), texts(s.get("companyIds")), texts(s.get("groups")),
                    ConcurJson.text(s, "scope")));
        }
        return list;
    }

    private static List<String> texts(JsonNode array) {
        List<String> list = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(v -> list.add(v.asText()));
        }
        return list;
    }

    private static String message(JsonNode answer) {
        String m = ConcurJson.text(answer, "message");
        return m != null ? m : answer == null ? "" : answer.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
