package io.mlconnector.app.console;

import io.mlconnector.app.admin.AdminService;
import io.mlconnector.app.admin.Overview;
import io.mlconnector.app.ops.HealthCheck;
import io.mlconnector.app.store.AuditEntry;
import io.mlconnector.app.store.InboxState;

import java.util.Map;
import java.util.function.Supplier;

import static io.mlconnector.app.console.Html.abbreviate;
import static io.mlconnector.app.console.Html.esc;

/** The overview: counts, today's outcomes, connections and tokens, the last error. */
final class OverviewPage {
    private final AdminService admin;
    private final Supplier<Map<String, HealthCheck.Result>> health;
    private final Supplier<Double> ionThrottled;

    OverviewPage(AdminService admin, Supplier<Map<String, HealthCheck.Result>> health, Supplier<Double> ionThrottled) {
        this.admin = admin;
        this.health = health;
        this.ionThrottled = ionThrottled;
    }

    String render() {
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
        card(html, "Awaiting the ERP", o.status().chunksAwaitingErp(), "");
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
        html.append(o.lastError().map(OverviewPage::lastError).orElse("<p class=\"muted\">None recorded.</p>"));
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
}
