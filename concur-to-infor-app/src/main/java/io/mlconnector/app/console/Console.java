package io.mlconnector.app.console;

import io.mlconnector.app.admin.AdminService;
import io.mlconnector.app.admin.ExceptionAction;
import io.mlconnector.app.admin.ReplayResult;
import io.mlconnector.app.console.Html.Section;
import io.mlconnector.app.ops.HealthCheck;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.mlconnector.app.console.Html.esc;

/**
 * The operator console: server-rendered pages under {@code /console} for a finance team, behind a login that takes the
 * admin token and sets an HttpOnly, SameSite=Strict session cookie. Every state-changing action is a POST carrying the
 * session's CSRF token; without a session nothing but the login page and its stylesheet is served.
 *
 * <p>Independent of the HTTP server: a server adapter turns its requests into {@link WebRequest}s.
 */
public final class Console implements WebHandler {
    static final String SESSION_COOKIE = "mlc_session";
    static final String LOGIN_COOKIE = "mlc_login";
    private static final int MAX_FAILED_LOGINS_PER_MINUTE = 10;
    private static final Pattern EXCEPTION_ACTION = Pattern.compile("/console/exceptions/(\\d+)/(replay|resolve)");
    private static final Pattern DEAD_LETTER_REPLAY = Pattern.compile("/console/dead-letters/(\\d+)/replay");

    private final AdminService admin;
    private final Sessions sessions;
    private final AdminToken token;
    private final Clock clock;
    private final OverviewPage overview;
    private final ExceptionsPage exceptions;
    private final DocumentPage documents;
    private final DeadLettersPage deadLetters;
    private final ReconciliationPage reconciliation;
    private final Map<String, String> flashes = new ConcurrentHashMap<>();
    private final Deque<Instant> failedLogins = new ArrayDeque<>();

    /**
     * @param health       the readiness checks (database, Concur and Infor tokens), evaluated per overview
     * @param ionThrottled HTTP 429 answers from ION since the start
     */
    public Console(AdminService admin, Sessions sessions, AdminToken token,
                   Supplier<Map<String, HealthCheck.Result>> health, Supplier<Double> ionThrottled, Clock clock) {
        this.admin = admin;
        this.sessions = sessions;
        this.token = token;
        this.clock = clock;
        this.overview = new OverviewPage(admin, health, ionThrottled);
        this.exceptions = new ExceptionsPage(admin);
        this.documents = new DocumentPage(admin);
        this.deadLetters = new DeadLettersPage(admin);
        this.reconciliation = new ReconciliationPage(admin, clock);
    }

    /** Sessions of 30 minutes idle, 12 hours at most. */
    public static Sessions defaultSessions(Clock clock) {
        return new Sessions(clock, Duration.ofMinutes(30), Duration.ofHours(12));
    }

    @Override
    public Optional<WebResponse> handle(WebRequest request) {
        String path = request.path();
        if (!path.equals("/console") && !path.startsWith("/console/")) {
            return Optional.empty();
        }
        return Optional.of(secured(route(request)));
    }

    private WebResponse route(WebRequest request) {
        String path = request.path();
        if (path.equals(Html.CSS_PATH) && request.isGet()) {
            return WebResponse.of(200, "text/css; charset=utf-8", Html.CSS.getBytes(StandardCharsets.UTF_8));
        }
        if (path.equals("/console/login")) {
            return request.isPost() ? login(request) : request.isGet() ? loginPage(request, 200, null)
                    : methodNotAllowed("GET, POST");
        }
        Optional<Sessions.Session> session = request.cookie(SESSION_COOKIE).flatMap(sessions::find);
        if (session.isEmpty()) {
            return request.isGet() ? WebResponse.redirect("/console/login")
                    : WebResponse.text(403, "log in first: no console session");
        }
        if (request.isPost()) {
            if (!csrfMatches(request, session.get())) {
                return WebResponse.text(403, "missing or wrong CSRF token: reload the page and try again");
            }
            return post(request, session.get());
        }
        if (!request.isGet()) {
            return methodNotAllowed("GET, POST");
        }
        return get(request, session.get());
    }

    private WebResponse get(WebRequest request, Sessions.Session session) {
        String flash = flashes.remove(session.id());
        return switch (request.path()) {
            case "/console", "/console/" -> WebResponse.redirect(Section.OVERVIEW.path);
            case "/console/overview" -> page(Section.OVERVIEW, session, flash, overview.render(), true);
            case "/console/exceptions" -> page(Section.EXCEPTIONS, session, flash, exceptions.render(request, session),
                    false);
            case "/console/documents" -> page(Section.DOCUMENTS, session, flash, documents.render(request), false);
            case "/console/dead-letters" -> page(Section.DEAD_LETTERS, session, flash,
                    deadLetters.render(request, session), false);
            case "/console/reconciliation" -> reconciliation.render(request, session, flash);
            case "/console/reconciliation.csv" -> reconciliation.csv(request);
            default -> WebResponse.html(404, Html.page(Section.OVERVIEW, session, null,
                    "<p class=\"error\">No such page: " + esc(request.path()) + "</p>", false));
        };
    }

    private WebResponse post(WebRequest request, Sessions.Session session) {
        String path = request.path();
        if (path.equals("/console/logout")) {
            sessions.end(session.id());
            flashes.remove(session.id());
            return WebResponse.redirect("/console/login").with("Set-Cookie", expired(SESSION_COOKIE, "/console"));
        }
        Matcher exception = EXCEPTION_ACTION.matcher(path);
        if (exception.matches()) {
            long id = Long.parseLong(exception.group(1));
            ExceptionAction result = switch (exception.group(2)) {
                case "replay" -> admin.replayException(id, session.operator());
                default -> admin.resolveException(id, session.operator(), request.formField("note").orElse(""));
            };
            flashes.put(session.id(), result.message());
            return WebResponse.redirect(Section.EXCEPTIONS.path);
        }
        Matcher deadLetter = DEAD_LETTER_REPLAY.matcher(path);
        if (deadLetter.matches()) {
            ReplayResult result = admin.replay(deadLetter.group(1));
            flashes.put(session.id(), result.replayedAny() ? "event " + String.join(", ", result.replayedEventIds())
                    + " queued again" : "inbox row " + deadLetter.group(1) + " is no longer dead or retrying");
            return WebResponse.redirect(Section.DEAD_LETTERS.path);
        }
        return WebResponse.text(404, "no such action: " + path);
    }

    // ---- login ----

    private WebResponse loginPage(WebRequest request, int status, String error) {
        String loginToken = sessions.randomToken();
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Log in · ml-connector</title>"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<link rel=\"stylesheet\" href=\"" + Html.CSS_PATH + "\"></head><body><div class=\"login\">"
                + "<h1>ml-connector console</h1><p class=\"muted\">Concur → Infor: exceptions, documents, reconciliation."
                + "</p>" + (error == null ? "" : "<p class=\"error\" role=\"alert\">" + esc(error) + "</p>")
                + (token.isConfigured() ? "" : "<p class=\"error\">admin.token is not set: nobody can log in.</p>")
                + "<form method=\"post\" action=\"/console/login\">"
                + "<input type=\"hidden\" name=\"csrf\" value=\"" + esc(loginToken) + "\">"
                + "<label for=\"operator\">Your name (recorded in the audit trail)</label>"
                + "<input type=\"text\" id=\"operator\" name=\"operator\" maxlength=\"80\" required autocomplete=\"name\">"
                + "<label for=\"token\">Admin token</label>"
                + "<input type=\"password\" id=\"token\" name=\"token\" required autocomplete=\"current-password\">"
                + "<button type=\"submit\">Log in</button></form></div></body></html>";
        return WebResponse.html(status, html).with("Set-Cookie", cookie(LOGIN_COOKIE, loginToken, "/console/login",
                request.secure()) + "; Max-Age=900");
    }

    private WebResponse login(WebRequest request) {
        // the login form is protected too (login CSRF): its token must equal the one its GET put in a cookie
        Optional<String> expected = request.cookie(LOGIN_COOKIE);
        Optional<String> presented = request.formField("csrf");
        if (expected.isEmpty() || presented.isEmpty() || !constantTimeEquals(expected.get(), presented.get())) {
            return WebResponse.text(403, "missing or wrong CSRF token: open the login page again");
        }
        if (tooManyFailedLogins()) {
            return loginPage(request, 429, "Too many failed logins in the last minute: wait a minute.");
        }
        String operator = request.formField("operator").map(Console::cleanName).orElse("");
        if (operator.isEmpty()) {
            return loginPage(request, 400, "Enter your name: it is recorded with what you do.");
        }
        if (!token.matches(request.formField("token").orElse(""))) {
            failedLogin();
            return loginPage(request, 401, "Wrong admin token.");
        }
        Sessions.Session session = sessions.create(operator);
        return WebResponse.redirect(Section.OVERVIEW.path)
                .with("Set-Cookie", cookie(SESSION_COOKIE, session.id(), "/console", request.secure()))
                .with("Set-Cookie", expired(LOGIN_COOKIE, "/console/login"));
    }

    private synchronized boolean tooManyFailedLogins() {
        Instant minuteAgo = clock.instant().minus(Duration.ofMinutes(1));
        while (!failedLogins.isEmpty() && failedLogins.peekFirst().isBefore(minuteAgo)) {
            failedLogins.removeFirst();
        }
        return failedLogins.size() >= MAX_FAILED_LOGINS_PER_MINUTE;
    }

    private synchronized void failedLogin() {
        failedLogins.addLast(clock.instant());
    }

    private static String cleanName(String name) {
        String clean = name.replaceAll("\\p{Cntrl}", "").strip();
        return clean.length() > 80 ? clean.substring(0, 80) : clean;
    }

    private static boolean csrfMatches(WebRequest request, Sessions.Session session) {
        return request.formField("csrf").map(t -> constantTimeEquals(t, session.csrfToken())).orElse(false);
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static String cookie(String name, String value, String path, boolean secure) {
        return name + "=" + value + "; Path=" + path + "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }

    private static String expired(String name, String path) {
        return name + "=; Path=" + path + "; HttpOnly; SameSite=Strict; Max-Age=0";
    }

    /** Headers every console answer carries: not cached, not framed, no sniffing, no foreign scripts. */
    private static WebResponse secured(WebResponse response) {
        return response.with("Cache-Control", "no-store")
                .with("X-Content-Type-Options", "nosniff")
                .with("X-Frame-Options", "DENY")
                .with("Referrer-Policy", "no-referrer")
                .with("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self'; "
                        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    }

    private static WebResponse methodNotAllowed(String allowed) {
        return WebResponse.text(405, "use " + allowed).with("Allow", allowed);
    }

    private static WebResponse page(Section section, Sessions.Session session, String flash, String body, boolean refresh) {
        return WebResponse.html(200, Html.page(section, session, flash, body, refresh));
    }

}
