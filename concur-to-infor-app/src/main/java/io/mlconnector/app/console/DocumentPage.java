package io.mlconnector.app.console;

import io.mlconnector.app.admin.AdminService;
import io.mlconnector.app.admin.DocumentView;
import io.mlconnector.app.store.AuditEntry;
import io.mlconnector.app.store.ConfirmationRecord;
import io.mlconnector.app.store.ExceptionRecord;
import io.mlconnector.app.store.LedgerEntry;

import static io.mlconnector.app.console.Html.abbreviate;
import static io.mlconnector.app.console.Html.esc;

/** One document found by any of its ids: confirmations, chunks, GL lines, exceptions, timeline. */
final class DocumentPage {
    private final AdminService admin;

    DocumentPage(AdminService admin) {
        this.admin = admin;
    }

    String render(WebRequest request) {
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
}
