package io.mlconnector.app.console;

import io.mlconnector.app.admin.AdminService;
import io.mlconnector.app.store.ExceptionRecord;
import io.mlconnector.app.store.Page;

import java.util.Optional;

import static io.mlconnector.app.console.Html.abbreviate;
import static io.mlconnector.app.console.Html.esc;
import static io.mlconnector.app.console.Html.offset;
import static io.mlconnector.app.console.Html.pager;

/** The open exception records, each with replay (or why not) and resolve with a note. */
final class ExceptionsPage {
    private final AdminService admin;

    ExceptionsPage(AdminService admin) {
        this.admin = admin;
    }

    String render(WebRequest request, Sessions.Session session) {
        Page<ExceptionRecord> page = admin.exceptions(ExceptionRecord.State.OPEN, offset(request, "offset"), Html.PAGE_SIZE);
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
}
