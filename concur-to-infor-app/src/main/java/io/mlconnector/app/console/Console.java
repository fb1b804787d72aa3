package io.mlconnector.app.console;

import io.mlconnector.app.admin.AdminService;
import io.mlconnector.app.admin.DocumentView;
import io.mlconnector.app.admin.ExceptionAction;
import io.mlconnector.app.admin.Overview;
import io.mlconnector.app.admin.ReplayResult;
import io.mlconnector.app.console.Html.Section;
import io.mlconnector.app.ops.HealthCheck;
import io.mlconnector.app.reconcile.Difference;
import io.mlconnector.app.reconcile.DocumentReconciliation;
import io.mlconnector.app.reconcile.ReconciliationCsv;
import io.mlconnector.app.reconcile.ReconciliationReport;
import io.mlconnector.app.reconcile.Totals;
import io.mlconnector.app.store.AuditEntry;
import io.mlconnector.app.store.ConfirmationRecord;
import io.mlconnector.app.store.ExceptionRecord;
import io.mlconnector.app.store.InboxEntry;
import io.mlconnector.app.store.InboxState;
import io.mlconnector.app.store.LedgerEntry;
import io.mlconnector.app.store.Page;
import io.mlconnector.app.store.Quarantine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
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
    private static final int PAGE_SIZE = 25;
    private static final int MAX_FAILED_LOGINS_PER_MINUTE = 10;
    private static final int QUARANTINE_BODY_SHOWN = 4096;
    /** The page lists this many documents of a period; the CSV lists all. */
    private static final int MAX_DOCUMENTS_SHOWN = 500;
    private static final Pattern EXCEPTION_ACTION = Pattern.compile("/console/exceptions/(\\d+)/(replay|resolve)");
    private static final Pattern DEAD_LETTER_REPLAY = Pattern.compile("/console/dead-letters/(\\d+)/replay");

    private final AdminService admin;
    private final Sessions sessions;
    private final AdminToken token;
    private final Supplier<Map<String, HealthCheck.Result>> health;
    private final Supplier<Double> ionThrottled;
    private final Clock clock;
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
        this.health = health;
        this.ionThrottled = ionThrottled;
        this.clock = clock;
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
            case "/console/overview" -> page(Section.OVERVIEW, session, flash, overview(), true);
            case "/console/exceptions" -> page(Section.EXCEPTIONS, session, flash, exceptions(request, session), false);
            case "/console/documents" -> page(Section.DOCUMENTS, session, flash, documents(request), false);
            case "/console/dead-letters" -> page(Section.DEAD_LETTERS, session, flash, deadLetters(request, session), false);
            case "/console/reconciliation" -> reconciliationPage(request, session, flash);
            case "/console/reconciliation.csv" -> reconciliationCsv(request);
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

    // ---- overview ----

    private String overview() {
        Overview o = admin.overview();
        Map<InboxState, Long> inbox = o.status().inbox();
        StringBuilder html = new StringBuilder("<div class=\"cards\">");
        card(html, "Posted today", o.postedToday(), "good");
        card(html, "Failed today", o.failedToday(), o.failedToday() > 0 ? "bad" : "");
        card(html, "Open exceptions", o.status().openExceptions(), o.status().openExceptions() > 0 ? "bad" : "");
        card(html, "Dead letters", inbox.getOrDefault(InboxState.DEAD, 0L), inbox.getOrDefault(InboxState.DEAD, 0L) > 0
                ? "bad" : "");
        card(html, "Quarantined", o.status().quarantined(), o.status().quarantined() > 0 ? "warn" : "");
        card(html, "Chunks in doubt", o.status().chunksInDoubt(), o.status().chunksInDoubt() > 0 ? "warn" : "");
        card(html, "Awaiting the ERP", o.awaitingErp(), "");
        card(html, "ION throttled (429)", Math.round(ionThrottled.get()), ionThrottled.get() > 0 ? "warn" : "");
        html.append("</div><div class=\"grid2\"><div><h2>Inbox (events)</h2><table><tr><th>state</th>"
                + "<th class=\"num\">events</th></tr>");
        inbox.forEach((state, n) -> html.append("<tr><td>").append(state).append("</td><td class=\"num\">").append(n)
                .append("</td></tr>"));
        html.append("</table></div><div><h2>Posting ledger (chunks)</h2><table><tr><th>state</th>"
                + "<th class=\"num\">chunks</th></tr>");
        o.status().ledger().forEach((state, n) -> html.append("<tr><td>").append(state)
                .append("</td><td class=\"num\">").append(n).append("</td></tr>"));
        html.append("</table></div></div><h2>Connections and tokens</h2><table><tr><th>check</th><th>status</th>"
                + "<th>detail</th></tr>");
        health.get().forEach((name, r) -> html.append("<tr><td>").append(esc(name)).append("</td><td class=\"")
                .append(r.up() ? "up\">UP" : "down\">DOWN").append("</td><td>").append(esc(r.detail()))
                .append("</td></tr>"));
        html.append("</table><h2>Last error</h2>");
        html.append(o.lastError().map(Console::lastError).orElse("<p class=\"muted\">None recorded.</p>"));
        html.append("<p class=\"muted\">Refreshes every 15 s. Times are UTC.</p>");
        return html.toString();
    }

    private static void card(StringBuilder html, String label, long n, String tone) {
        html.append("<div class=\"card ").append(tone).append("\"><div class=\"n\">").append(n)
                .append("</div><div class=\"l\">").append(esc(label)).append("</div></div>");
    }

    private static String lastError(AuditEntry e) {
        String document = e.keys().reportId() != null ? e.keys().reportId() : e.keys().fisDocumentId();
        return "<table><tr><th>at</th><th>step</th><th>document</th><th>detail</th></tr><tr><td>" + Html.at(e.at())
                + "</td><td>" + esc(e.step()) + "</td><td>" + Html.documentLink(document) + "</td><td class=\"mono\">"
                + esc(abbreviate(e.detail().toString(), 400)) + "</td></tr></table>";
    }

    // ---- exceptions ----

    private String exceptions(WebRequest request, Sessions.Session session) {
        Page<ExceptionRecord> page = admin.exceptions(ExceptionRecord.State.OPEN, offset(request, "offset"), PAGE_SIZE);
        StringBuilder html = new StringBuilder("<p class=\"muted\">Documents that could not be posted. Fix the mapping "
                + "(or the account in Infor), then replay; or resolve with a note saying what was done.</p>");
        if (page.items().isEmpty()) {
            return html.append("<p>No open exceptions.</p>").toString();
        }
        html.append("<table><tr><th>#</th><th>created</th><th>document</th><th>reason</th><th>unknown codes</th>"
                + "<th>detail</th><th>actions</th></tr>");
        for (ExceptionRecord e : page.items()) {
            html.append("<tr id=\"exception-").append(e.id()).append("\"><td>").append(e.id()).append("</td><td>")
                    .append(Html.at(e.createdAt())).append("</td><td>")
                    .append(Html.documentLink(e.reportId() != null ? e.reportId() : e.fisDocumentId()))
                    .append("<div class=\"muted mono\">").append(esc(e.fisDocumentId())).append("</div></td><td>")
                    .append(esc(e.reason())).append("</td><td class=\"mono\">").append(esc(String.join(", ", e.codes())))
                    .append("</td><td>").append(esc(abbreviate(e.detail(), 300))).append("</td><td>");
            Optional<String> notReplayable = admin.whyNotReplayable(e);
            html.append(notReplayable.map(why -> "<div class=\"muted\">" + esc(why) + "</div>")
                    .orElse(Html.postButton("/console/exceptions/" + e.id() + "/replay", session.csrfToken(), "Replay",
                            "", "replay")));
            html.append(Html.postButton("/console/exceptions/" + e.id() + "/resolve", session.csrfToken(), "Resolve",
                    "<input type=\"text\" name=\"note\" placeholder=\"note (required)\" required maxlength=\"500\">",
                    "secondary"));
            html.append("</td></tr>");
        }
        html.append("</table>");
        pager(html, page, "/console/exceptions?offset=");
        return html.toString();
    }

    // ---- documents ----

    private String documents(WebRequest request) {
        String q = request.param("q").map(String::strip).orElse("");
        StringBuilder html = new StringBuilder("<form method=\"get\" action=\"/console/documents\" class=\"inline\">"
                + "<input type=\"search\" name=\"q\" size=\"44\" value=\"" + esc(q) + "\" "
                + "placeholder=\"report id, FIS document id, Infor messageId or ESS event id\">"
                + "<button type=\"submit\">Search</button></form>");
        if (q.isEmpty()) {
            return html.toString();
        }
        DocumentView view = admin.document(q);
        if (!view.found()) {
            return html.append("<p>Nothing recorded for <b>").append(esc(q)).append("</b>.</p>").toString();
        }
        html.append("<h2>Posting confirmations</h2>");
        if (view.confirmations().isEmpty()) {
            html.append("<p class=\"muted\">None decided.</p>");
        } else {
            html.append("<table><tr><th>FIS document</th><th>outcome</th><th>state</th><th>decided</th><th>sent</th>"
                    + "<th>detail</th></tr>");
            for (ConfirmationRecord c : view.confirmations()) {
                html.append("<tr><td class=\"mono\">").append(esc(c.fisDocumentId())).append("</td><td><span class=\"tag ")
                        .append(c.outcome() == ConfirmationRecord.Outcome.SUCCESS ? "good" : "bad").append("\">")
                        .append(c.outcome()).append("</span></td><td>").append(c.state()).append("</td><td>")
                        .append(Html.at(c.createdAt())).append("</td><td>").append(Html.at(c.sentAt())).append("</td><td>")
                        .append(esc(abbreviate(c.detail(), 300))).append("</td></tr>");
            }
            html.append("</table>");
        }
        html.append("<h2>Chunks</h2>");
        if (view.chunks().isEmpty()) {
            html.append("<p class=\"muted\">Nothing planned.</p>");
        } else {
            html.append("<table><tr><th>Infor messageId</th><th>kind</th><th class=\"num\">chunk</th>"
                    + "<th class=\"num\">amount</th><th>state</th><th>Infor reference</th><th>sent</th><th>accepted</th></tr>");
            for (LedgerEntry c : view.chunks()) {
                html.append("<tr><td class=\"mono\">").append(esc(c.messageId())).append("</td><td>")
                        .append(c.plan().kind()).append("</td><td class=\"num\">").append(c.plan().chunkNo()).append(" of ")
                        .append(c.plan().chunkCount()).append("</td>").append(Html.money(c.plan().amount(), c.plan().currency()))
                        .append("<td>").append(c.state()).append("</td><td class=\"mono\">").append(esc(c.inforReference()))
                        .append("</td><td>").append(Html.at(c.sentAt())).append("</td><td>").append(Html.at(c.acceptedAt()))
                        .append("</td></tr>");
            }
            html.append("</table>");
        }
        html.append("<h2>GL lines (as mapped)</h2>");
        if (view.glLines().isEmpty()) {
            html.append("<p class=\"muted\">Not mapped.</p>");
        } else {
            html.append("<table id=\"gl-lines\"><tr><th>GL account</th><th>cost center</th><th class=\"num\">debit</th>"
                    + "<th class=\"num\">credit</th></tr>");
            for (DocumentView.GlLineView line : view.glLines()) {
                boolean debit = "DEBIT".equals(line.side());
                html.append("<tr><td class=\"mono\">").append(esc(line.glAccount())).append("</td><td class=\"mono\">")
                        .append(esc(line.costCenter())).append("</td>")
                        .append(debit ? Html.money(line.amount(), line.currency()) : "<td></td>")
                        .append(debit ? "<td></td>" : Html.money(line.amount(), line.currency())).append("</tr>");
            }
            html.append("</table>");
        }
        if (!view.exceptions().isEmpty()) {
            html.append("<h2>Exceptions</h2><table><tr><th>#</th><th>created</th><th>reason</th><th>codes</th>"
                    + "<th>state</th><th>resolved</th></tr>");
            for (ExceptionRecord e : view.exceptions()) {
                html.append("<tr><td>").append(e.id()).append("</td><td>").append(Html.at(e.createdAt())).append("</td><td>")
                        .append(esc(e.reason())).append("</td><td class=\"mono\">").append(esc(String.join(", ", e.codes())))
                        .append("</td><td>").append(e.state()).append("</td><td>").append(Html.at(e.resolvedAt()))
                        .append("</td></tr>");
            }
            html.append("</table>");
        }
        html.append("<h2>Timeline (audit trail)</h2><table><tr><th>at</th><th>step</th><th>Infor messageId</th>"
                + "<th>detail</th></tr>");
        for (AuditEntry e : view.timeline()) {
            html.append("<tr><td>").append(Html.at(e.at())).append("</td><td>").append(esc(e.step()))
                    .append("</td><td class=\"mono\">").append(esc(e.keys().messageId())).append("</td><td class=\"mono\">")
                    .append(esc(abbreviate(e.detail().toString(), 300))).append("</td></tr>");
        }
        return html.append("</table>").toString();
    }

    // ---- dead letters and quarantine ----

    private String deadLetters(WebRequest request, Sessions.Session session) {
        Page<InboxEntry> dead = admin.inbox(InboxState.DEAD, offset(request, "offset"), PAGE_SIZE);
        StringBuilder html = new StringBuilder("<h2>Dead letters</h2><p class=\"muted\">Events that failed every attempt. "
                + "Replay puts one back in the inbox once the cause is fixed.</p>");
        if (dead.items().isEmpty()) {
            html.append("<p>No dead letters.</p>");
        } else {
            html.append("<table><tr><th>received</th><th>ESS event</th><th>topic / type</th><th>document</th>"
                    + "<th class=\"num\">attempts</th><th>last error</th><th></th></tr>");
            for (InboxEntry e : dead.items()) {
                String document = e.event().reportId() != null ? e.event().reportId() : e.event().fisDocumentId();
                html.append("<tr><td>").append(Html.at(e.receivedAt())).append("</td><td class=\"mono\">")
                        .append(esc(e.essEventId())).append("</td><td>").append(esc(e.event().eventType()))
                        .append("<div class=\"muted\">").append(esc(e.event().topic())).append("</div></td><td>")
                        .append(Html.documentLink(document)).append("</td><td class=\"num\">").append(e.attempts())
                        .append("</td><td>").append(esc(abbreviate(e.lastError(), 300))).append("</td><td>")
                        .append(Html.postButton("/console/dead-letters/" + e.id() + "/replay", session.csrfToken(),
                                "Replay", "", "replay")).append("</td></tr>");
            }
            html.append("</table>");
            pager(html, dead, "/console/dead-letters?offset=");
        }
        Page<Quarantine.Delivery> quarantined = admin.quarantine(offset(request, "qoffset"), PAGE_SIZE);
        html.append("<h2>Quarantine</h2><p class=\"muted\">Deliveries refused at the webhook (bad signature, not an "
                + "ESS event), kept byte for byte. They are not replayed from here: an unverified body must not reach "
                + "the pipeline; a genuine event is delivered again by Concur.</p>");
        if (quarantined.items().isEmpty()) {
            return html.append("<p>Nothing quarantined.</p>").toString();
        }
        html.append("<table><tr><th>#</th><th>received</th><th>reason</th><th>raw body</th></tr>");
        for (Quarantine.Delivery d : quarantined.items()) {
            byte[] body = d.body() == null ? new byte[0] : d.body();
            String text = new String(body, 0, Math.min(body.length, QUARANTINE_BODY_SHOWN), StandardCharsets.UTF_8);
            html.append("<tr><td>").append(d.id()).append("</td><td>").append(Html.at(d.receivedAt())).append("</td><td>")
                    .append(esc(d.reason())).append("</td><td><details><summary>").append(body.length)
                    .append(" bytes</summary><pre>").append(esc(text))
                    .append(body.length > QUARANTINE_BODY_SHOWN ? "\n…" : "").append("</pre></details></td></tr>");
        }
        html.append("</table>");
        pager(html, quarantined, "/console/dead-letters?qoffset=");
        return html.toString();
    }

    // ---- reconciliation ----

    private WebResponse reconciliationPage(WebRequest request, Sessions.Session session, String flash) {
        LocalDate today = LocalDate.now(clock);
        String fromText = request.param("from").orElse(today.withDayOfMonth(1).toString());
        String toText = request.param("to").orElse(today.toString());
        StringBuilder html = new StringBuilder("<form method=\"get\" action=\"/console/reconciliation\" class=\"inline\">"
                + "<label>From " + Html.dateInput("from", fromText) + "</label>"
                + "<label>to " + Html.dateInput("to", toText) + "</label>"
                + "<button type=\"submit\">Reconcile</button></form>");
        ReconciliationReport report;
        try {
            report = admin.reconcile(LocalDate.parse(fromText), LocalDate.parse(toText));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            html.append("<p class=\"error\">").append(esc(e.getMessage())).append("</p>");
            return WebResponse.html(400, Html.page(Section.RECONCILIATION, session, flash, html.toString(), false));
        }
        html.append("<a href=\"/console/reconciliation.csv?from=").append(esc(Html.url(fromText))).append("&amp;to=")
                .append(esc(Html.url(toText))).append("\" id=\"csv\">Download CSV</a>");
        html.append("<p>").append(report.documents().size()).append(" documents made ready from ")
                .append(report.from()).append(" to ").append(report.to()).append(" (UTC), ")
                .append(report.withDifferences().isEmpty() ? "<span class=\"tag good\">no differences</span>"
                        : "<span class=\"tag bad\">" + report.withDifferences().size() + " with differences</span>")
                .append("</p>");
        html.append("<h2>Totals per currency and accounting entity</h2><table><tr><th>currency</th>"
                + "<th>accounting entity</th><th class=\"num\">documents</th><th class=\"num\">Concur total</th>"
                + "<th class=\"num\">journal (mapped)</th><th class=\"num\">posted</th><th class=\"num\">confirmed</th>"
                + "<th class=\"num\">with differences</th></tr>");
        for (Totals t : report.totals()) {
            html.append("<tr><td>").append(esc(t.currency())).append("</td><td>").append(esc(t.accountingEntity()))
                    .append("</td><td class=\"num\">").append(t.documents()).append("</td>")
                    .append(Html.money(t.concurAmount(), t.currency())).append(Html.money(t.journalAmount(), t.currency()))
                    .append(Html.money(t.postedAmount(), t.currency())).append("<td class=\"num\">").append(t.confirmed())
                    .append("</td><td class=\"num").append(t.withDifferences() > 0 ? " diff" : "").append("\">")
                    .append(t.withDifferences()).append("</td></tr>");
        }
        html.append("</table>");
        if (!report.withDifferences().isEmpty()) {
            html.append("<h2>Differences</h2><table id=\"differences\"><tr><th>document</th><th>report</th>"
                    + "<th>outcome</th><th>differences</th></tr>");
            for (DocumentReconciliation d : report.withDifferences()) {
                html.append("<tr><td class=\"mono\">").append(Html.documentLink(d.documentId())).append("</td><td>")
                        .append(Html.documentLink(d.businessId())).append("</td><td>").append(esc(d.outcome().label()))
                        .append("</td><td>");
                for (Difference diff : d.differences()) {
                    html.append("<div><span class=\"tag bad\">").append(esc(diff.kind().label())).append("</span> ")
                            .append(esc(diff.detail())).append("</div>");
                }
                html.append("</td></tr>");
            }
            html.append("</table>");
        }
        List<DocumentReconciliation> shown = report.documents().stream().limit(MAX_DOCUMENTS_SHOWN).toList();
        html.append("<h2>Documents</h2>");
        if (shown.size() < report.documents().size()) {
            html.append("<p class=\"muted\">The first ").append(MAX_DOCUMENTS_SHOWN).append(" of ")
                    .append(report.documents().size()).append(" documents; the CSV has every one.</p>");
        }
        html.append("<table><tr><th>made ready</th><th>document</th><th>report</th><th>type</th>"
                + "<th>entity</th><th class=\"num\">Concur total</th><th class=\"num\">posted</th><th class=\"num\">chunks"
                + "</th><th>outcome</th></tr>");
        for (DocumentReconciliation d : shown) {
            html.append("<tr><td>").append(Html.at(d.madeReadyAt())).append("</td><td class=\"mono\">")
                    .append(Html.documentLink(d.documentId())).append("</td><td>").append(esc(d.businessId()))
                    .append("</td><td>").append(esc(d.docType())).append("</td><td>").append(esc(d.accountingEntity()))
                    .append("</td>").append(Html.money(d.concurAmount(), d.currency()))
                    .append(Html.money(d.postedAmount(), d.currency())).append("<td class=\"num\">").append(d.chunksPosted())
                    .append(" / ").append(d.chunksPlanned()).append("</td><td>").append(d.reconciles()
                            ? esc(d.outcome().label()) : "<span class=\"diff\">" + esc(d.outcome().label()) + "</span>")
                    .append("</td></tr>");
        }
        html.append("</table>");
        return page(Section.RECONCILIATION, session, flash, html.toString(), false);
    }

    private WebResponse reconciliationCsv(WebRequest request) {
        try {
            LocalDate from = LocalDate.parse(request.param("from").orElse(""));
            LocalDate to = LocalDate.parse(request.param("to").orElse(""));
            ReconciliationReport report = admin.reconcile(from, to);
            return WebResponse.of(200, "text/csv; charset=utf-8",
                            ReconciliationCsv.toCsv(report).getBytes(StandardCharsets.UTF_8))
                    .with("Content-Disposition", "attachment; filename=\"reconciliation-" + from + "-to-" + to + ".csv\"");
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return WebResponse.text(400, "from and to must be ISO dates (2026-11-30), to not before from: "
                    + e.getMessage());
        }
    }

    // ---- helpers ----

    private static int offset(WebRequest request, String name) {
        try {
            return Math.max(0, Integer.parseInt(request.param(name).orElse("0")));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void pager(StringBuilder html, Page<?> page, String base) {
        html.append("<div class=\"pager\"><span class=\"muted\">").append(page.offset() + 1).append("–")
                .append(page.offset() + page.items().size()).append(" of ").append(page.total()).append("</span>");
        if (page.hasPrevious()) {
            html.append("<a href=\"").append(base).append(Math.max(0, page.offset() - page.limit())).append("\">Newer</a>");
        }
        if (page.hasNext()) {
            html.append("<a href=\"").append(base).append(page.offset() + page.limit()).append("\">Older</a>");
        }
        html.append("</div>");
    }

    private static String abbreviate(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
