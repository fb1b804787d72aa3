package io.mlconnector.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.app.admin.AdminServer;
import io.mlconnector.app.admin.AdminService;
import io.mlconnector.app.config.RetryPolicy;
import io.mlconnector.app.ops.Metrics;
import io.mlconnector.app.ops.Readiness;
import io.mlconnector.app.store.AuditKeys;
import io.mlconnector.app.store.AuditStep;
import io.mlconnector.app.store.Dialect;
import io.mlconnector.app.store.ExceptionRecord;
import io.mlconnector.app.store.Store;
import io.mlconnector.app.testing.TestDatabase;
import io.mlconnector.sandbox.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's login, session and CSRF rules and the admin API's lists, over real HTTP on the admin server (no
 * browser: {@code ConsoleBrowserTest} drives the pages in Chromium).
 */
class ConsoleSecurityTest {
    private static final String TOKEN = "console-test-token";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestDatabase testDb;
    private Store store;
    private AdminServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        testDb = TestDatabase.create(Dialect.H2, "console");
        MutableClock clock = new MutableClock(Instant.parse("2026-11-30T09:00:00Z"));
        store = new Store(testDb.open(), clock, new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(2)));
        AdminService admin = new AdminService(store, Set.of(), clock);
        AdminToken token = new AdminToken(TOKEN);
        Console console = new Console(admin, Console.defaultSessions(clock), token, Map::of, () -> 0.0, clock);
        server = AdminServer.start("127.0.0.1", 0, TOKEN, admin, Readiness.withDatabase(store.database()),
                Metrics.prometheus(), List.of(console, new AdminApi(admin, token)));
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (testDb != null) {
            testDb.close();
        }
    }

    @Test
    void withoutASessionEveryPageRedirectsToTheLoginAndEveryActionIsRefused() throws Exception {
        // given an open exception
        long id = openException();

        // when pages, the CSV and an action are asked for without logging in
        List<HttpResponse<String>> pages = new ArrayList<>();
        for (String path : List.of("/console/overview", "/console/exceptions", "/console/documents?q=RPT-1",
                "/console/dead-letters", "/console/reconciliation", "/console/reconciliation.csv?from=2026-11-01&to=2026-11-30")) {
            pages.add(get(path, null));
        }
        HttpResponse<String> resolve = post("/console/exceptions/" + id + "/resolve", null, "note=x&csrf=x");

        // then every page answers 303 to the login page with no data, the action 403, and nothing changed
        assertThat(pages).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(303);
            assertThat(r.headers().firstValue("Location")).hasValue("/console/login");
            assertThat(r.body()).doesNotContain("RPT-1");
        });
        assertThat(resolve.statusCode()).isEqualTo(403);
        assertThat(store.exceptions().find(id).orElseThrow().state()).isEqualTo(ExceptionRecord.State.OPEN);
    }

    @Test
    void loggingInSetsAnHttpOnlySameSiteStrictSessionCookie() throws Exception {
        // when an operator logs in with the admin token
        HttpResponse<String> response = login("Ada", TOKEN);

        // then a fresh session cookie, HttpOnly and SameSite=Strict, scoped to the console, and the overview is next
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/console/overview");
        String cookie = sessionCookieHeader(response);
        assertThat(cookie).matches("mlc_session=[A-Za-z0-9_-]{43}; Path=/console; HttpOnly; SameSite=Strict");
        HttpResponse<String> overview = get("/console/overview", sessionCookie(response));
        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.body()).contains("Open exceptions", "Ada");
        assertThat(overview.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(overview.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("frame-ancestors 'none'", "form-action 'self'"));
    }

    @Test
    void aWrongTokenOrALoginWithoutItsCsrfTokenGetsNoSession() throws Exception {
        // when the token is wrong, and when the login form's CSRF token is missing
        HttpResponse<String> wrong = login("Ada", "not-the-token");
        HttpResponse<String> forged = post("/console/login", null, "operator=Ada&token=" + TOKEN);

        // then neither sets a session
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("Wrong admin token");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(wrong.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("mlc_session=") && c.length() > 20);
        assertThat(forged.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("mlc_session="));
    }

    @Test
    void aPostWithoutTheSessionsCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        // given a logged-in operator and an open exception
        long id = openException();
        String session = sessionCookie(login("Ada", TOKEN));
        String csrf = csrfOf(get("/console/exceptions", session).body());

        // when the resolve action is posted without, then with a wrong, then with the session's CSRF token
        HttpResponse<String> without = post("/console/exceptions/" + id + "/resolve", session, "note=fixed+in+Infor");
        HttpResponse<String> wrong = post("/console/exceptions/" + id + "/resolve", session,
                "note=fixed+in+Infor&csrf=" + "A".repeat(43));
        boolean openAfterRefusals = store.exceptions().find(id).orElseThrow().state() == ExceptionRecord.State.OPEN;
        HttpResponse<String> right = post("/console/exceptions/" + id + "/resolve", session,
                "note=fixed+in+Infor&csrf=" + csrf);

        // then the first two are refused and leave it open; the third resolves it, who and why in the audit trail
        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(openAfterRefusals).isTrue();
        assertThat(right.statusCode()).isEqualTo(303);
        assertThat(store.exceptions().find(id).orElseThrow().state()).isEqualTo(ExceptionRecord.State.RESOLVED);
        assertThat(store.audit().trail("RPT-1")).filteredOn(e -> e.step().equals(AuditStep.EXCEPTION_RESOLVED))
                .singleElement().satisfies(e -> {
                    assertThat(e.detail().path("by").asText()).isEqualTo("Ada");
                    assertThat(e.detail().path("note").asText()).isEqualTo("fixed in Infor");
                });
    }

    @Test
    void loggingOutEndsTheSession() throws Exception {
        String session = sessionCookie(login("Ada", TOKEN));
        String csrf = csrfOf(get("/console/overview", session).body());

        HttpResponse<String> logout = post("/console/logout", session, "csrf=" + csrf);

        assertThat(logout.statusCode()).isEqualTo(303);
        assertThat(get("/console/overview", session).statusCode()).isEqualTo(303);
    }

    @Test
    void theAdminApiListsPageAndNeedTheBearerToken() throws Exception {
        // given three open exceptions
        openException();
        openException();
        openException();

        // when listed two per page, and without the token
        JsonNode first = JSON.readTree(api("/admin/exceptions?limit=2", TOKEN).body());
        JsonNode second = JSON.readTree(api("/admin/exceptions?limit=2&offset=2", TOKEN).body());
        HttpResponse<String> anonymous = api("/admin/exceptions", null);
        HttpResponse<String> tooMany = api("/admin/exceptions?limit=100000", TOKEN);

        // then
        assertThat(first.path("total").asLong()).isEqualTo(3);
        assertThat(first.path("items")).hasSize(2);
        assertThat(second.path("items")).hasSize(1);
        assertThat(first.path("items").get(0).path("codes").get(0).asText()).isEqualTo("6999");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(tooMany.statusCode()).isEqualTo(400);
    }

    @Test
    void everyPathTheOpenApiDocumentNamesIsServed() throws Exception {
        // given the OpenAPI document, served without a token
        HttpResponse<String> response = api(AdminApi.OPENAPI_PATH, null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode paths = JSON.readTree(response.body()).path("paths");
        long id = openException();

        // when each documented path is called with its documented method and the token
        List<String> unserved = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            String concrete = path.getKey().replace("{id}", path.getKey().startsWith("/admin/exceptions/")
                    ? Long.toString(id) : "RPT-1") + (path.getKey().startsWith("/admin/reconciliation")
                    ? "?from=2026-11-01&to=2026-11-30" : path.getKey().equals("/admin/audit") ? "?id=RPT-1" : "");
            String method = path.getValue().has("post") ? "POST" : "GET";
            HttpRequest.Builder request = HttpRequest.newBuilder(server.baseUri().resolve(concrete))
                    .header("Authorization", "Bearer " + TOKEN);
            String body = concrete.endsWith("/resolve") ? "{\"note\":\"checked\"}" : "";
            HttpResponse<String> answer = http.send(request.method(method, HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 404 && answer.body().contains("no such endpoint") || answer.statusCode() == 405) {
                unserved.add(method + " " + path.getKey() + " → " + answer.statusCode());
            }
        }

        // then every one is served
        assertThat(unserved).isEmpty();
        assertThat(paths.size()).isGreaterThanOrEqualTo(16);
    }

    private long openException() {
        return store.exceptions().open(AuditKeys.event("evt-1").withReportId("RPT-1").withFisDocumentId("report-RPT-1"),
                "unknown-account", List.of("6999"), "GL account 6999 does not exist in Infor accounting entity 100");
    }

    private HttpResponse<String> login(String operator, String token) throws Exception {
        HttpResponse<String> page = get("/console/login", null);
        String loginCookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("mlc_login="))
                .findFirst().orElseThrow().split(";")[0];
        return post("/console/login", loginCookie, "csrf=" + csrfOf(page.body()) + "&operator=" + operator + "&token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    private static String sessionCookieHeader(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("mlc_session="))
                .findFirst().orElseThrow();
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return sessionCookieHeader(response).split(";")[0];
    }

    private static String csrfOf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a CSRF field in the page").isTrue();
        return m.group(1);
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUri() + path)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String cookie, String form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> api(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUri() + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
