package io.mlconnector.app.console;

import io.mlconnector.app.admin.AdminService;
import io.mlconnector.app.store.InboxEntry;
import io.mlconnector.app.store.InboxState;
import io.mlconnector.app.store.Page;
import io.mlconnector.app.store.Quarantine;

import java.nio.charset.StandardCharsets;

import static io.mlconnector.app.console.Html.abbreviate;
import static io.mlconnector.app.console.Html.esc;
import static io.mlconnector.app.console.Html.offset;
import static io.mlconnector.app.console.Html.pager;

/** Dead-lettered inbox rows (replayable) and quarantined deliveries (shown, not replayed). */
final class DeadLettersPage {
    private final AdminService admin;

    DeadLettersPage(AdminService admin) {
        this.admin = admin;
    }

    private static final int QUARANTINE_BODY_SHOWN = 4096;

    String render(WebRequest request, Sessions.Session session) {
        Page<InboxEntry> dead = admin.inbox(InboxState.DEAD, offset(request, "offset"), Html.PAGE_SIZE);
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
        Page<Quarantine.Delivery> quarantined = admin.quarantine(offset(request, "qoffset"), Html.PAGE_SIZE);
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
}
