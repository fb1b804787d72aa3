package io.mlconnector.app.console;

import io.mlconnector.app.admin.AdminService;
import io.mlconnector.app.console.Html.Section;
import io.mlconnector.app.reconcile.Difference;
import io.mlconnector.app.reconcile.DocumentReconciliation;
import io.mlconnector.app.reconcile.ReconciliationCsv;
import io.mlconnector.app.reconcile.ReconciliationReport;
import io.mlconnector.app.reconcile.Totals;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import static io.mlconnector.app.console.Html.esc;

/** The reconciliation of a range of UTC days: totals, differences, documents, and the CSV download. */
final class ReconciliationPage {
    private final AdminService admin;
    private final Clock clock;

    ReconciliationPage(AdminService admin, Clock clock) {
        this.admin = admin;
        this.clock = clock;
    }

    /** The page lists this many documents of a period; the CSV lists all. */
    private static final int MAX_DOCUMENTS_SHOWN = 500;

    WebResponse render(WebRequest request, Sessions.Session session, String flash) {
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
        return WebResponse.html(200, Html.page(Section.RECONCILIATION, session, flash, html.toString(), false));
    }

    WebResponse csv(WebRequest request) {
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
}
