package io.mlconnector.app.console;

import io.mlconnector.app.reconcile.Money;
import io.mlconnector.app.store.Page;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The console's HTML building blocks: escaping, the page frame, money and dates as the pages show them. */
final class Html {
    static final String CSS_PATH = "/console/console.css";
    /** Rows per page of the console's lists. */
    static final int PAGE_SIZE = 25;

    /** The console's pages, in menu order. */
    enum Section {
        OVERVIEW("Overview", "/console/overview"),
        EXCEPTIONS("Exceptions", "/console/exceptions"),
        DOCUMENTS("Documents", "/console/documents"),
        DEAD_LETTERS("Dead letters & quarantine", "/console/dead-letters"),
        RECONCILIATION("Reconciliation", "/console/reconciliation");

        final String title;
        final String path;

        Section(String title, String path) {
            this.title = title;
            this.path = path;
        }
    }

    private Html() {
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String url(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    /** ISO 8601 UTC to the second, kept on one line. */
    static String at(Instant instant) {
        return instant == null ? "" : "<span class=\"at\">" + instant.truncatedTo(ChronoUnit.SECONDS) + "</span>";
    }

    /** A date field that shows and takes ISO dates whatever the browser's locale (a type=date input would not). */
    static String dateInput(String name, String value) {
        return "<input type=\"text\" name=\"" + name + "\" value=\"" + esc(value) + "\" size=\"10\" maxlength=\"10\" "
                + "pattern=\"\\d{4}-\\d{2}-\\d{2}\" placeholder=\"YYYY-MM-DD\" required>";
    }

    /** A right-aligned money cell: amount and currency. */
    static String money(BigDecimal amount, String currency) {
        return "<td class=\"num\">" + (amount == null ? "" : esc(Money.format(amount)) + " <span class=\"cur\">"
                + esc(currency) + "</span>") + "</td>";
    }

    static String documentLink(String id) {
        return id == null ? "" : "<a href=\"/console/documents?q=" + esc(url(id)) + "\">" + esc(id) + "</a>";
    }

    /** A POST form with the session's CSRF token and one button, plus optional fields before the button. */
    static String postButton(String action, String csrf, String label, String fields, String buttonClass) {
        return "<form method=\"post\" action=\"" + esc(action) + "\" class=\"inline\">"
                + "<input type=\"hidden\" name=\"csrf\" value=\"" + esc(csrf) + "\">" + fields
                + "<button type=\"submit\" class=\"" + buttonClass + "\">" + esc(label) + "</button></form>";
    }

    /** The frame of every page behind the login: header with the menu and the logout button, then {@code body}. */
    static String page(Section active, Sessions.Session session, String flash, String body, boolean refresh) {
        StringBuilder nav = new StringBuilder();
        for (Section s : Section.values()) {
            nav.append("<a href=\"").append(s.path).append("\"").append(s == active ? " class=\"active\"" : "")
                    .append(">").append(esc(s.title)).append("</a>");
        }
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + (refresh ? "<meta http-equiv=\"refresh\" content=\"15\">" : "")
                + "<title>" + esc(active.title) + " · ml-connector</title>"
                + "<link rel=\"stylesheet\" href=\"" + CSS_PATH + "\"></head><body>"
                + "<header><span class=\"brand\">ml-connector</span><nav>" + nav + "</nav><span class=\"who\">"
                + esc(session.operator()) + " "
                + postButton("/console/logout", session.csrfToken(), "Log out", "", "link") + "</span></header>"
                + "<main><h1>" + esc(active.title) + "</h1>"
                + (flash == null ? "" : "<p class=\"flash\" role=\"status\">" + esc(flash) + "</p>")
                + body + "</main></body></html>";
    }

    static int offset(WebRequest request, String name) {
        try {
            return Math.max(0, Integer.parseInt(request.param(name).orElse("0")));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static void pager(StringBuilder html, Page<?> page, String base) {
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

    static String abbreviate(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    static final String CSS = """
            :root { --ink:#1f2933; --muted:#616e7c; --line:#e4e7eb; --bg:#f5f7fa; --accent:#0b5cad; --bad:#b42318;
                    --good:#1e7b34; --warn:#a15c07; }
            * { box-sizing: border-box; }
            body { margin:0; font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
                   color:var(--ink); background:var(--bg); }
            header { display:flex; align-items:center; gap:24px; padding:10px 24px; background:#102a43; color:#fff; }
            header .brand { font-weight:700; letter-spacing:.3px; }
            header nav { display:flex; gap:4px; flex:1; flex-wrap:wrap; }
            header nav a { color:#d9e2ec; text-decoration:none; padding:6px 10px; border-radius:6px; }
            header nav a.active, header nav a:hover { background:#243b53; color:#fff; }
            header .who { color:#bcccdc; white-space:nowrap; }
            main { max-width:1280px; margin:0 auto; padding:8px 24px 40px; }
            h1 { font-size:22px; margin:18px 0 12px; } h2 { font-size:16px; margin:26px 0 8px; }
            table { border-collapse:collapse; width:100%; background:#fff; border:1px solid var(--line); border-radius:8px; }
            th, td { padding:7px 10px; border-bottom:1px solid var(--line); text-align:left; vertical-align:top; }
            th { background:#f0f4f8; font-weight:600; color:#334e68; font-size:13px; }
            td.num, th.num { text-align:right; white-space:nowrap; font-variant-numeric:tabular-nums; }
            .cur { color:var(--muted); font-size:12px; }
            .at { white-space:nowrap; font-variant-numeric:tabular-nums; }
            td.mono { word-break:break-all; }
            code, .mono { font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace; font-size:12.5px; }
            .cards { display:grid; grid-template-columns:repeat(auto-fill,minmax(170px,1fr)); gap:12px; }
            .card { background:#fff; border:1px solid var(--line); border-radius:8px; padding:12px 14px; }
            .card .n { font-size:26px; font-weight:650; font-variant-numeric:tabular-nums; }
            .card .l { color:var(--muted); font-size:12.5px; }
            .card.bad .n { color:var(--bad); } .card.good .n { color:var(--good); } .card.warn .n { color:var(--warn); }
            .grid2 { display:grid; grid-template-columns:1fr 1fr; gap:16px; }
            .up { color:var(--good); font-weight:600; } .down { color:var(--bad); font-weight:600; }
            .flash { background:#e3f8ff; border:1px solid #81defd; padding:8px 12px; border-radius:6px; }
            .error { background:#ffe3e3; border:1px solid #ffa8a8; padding:8px 12px; border-radius:6px; }
            .muted { color:var(--muted); }
            form.inline { display:inline-flex; gap:6px; align-items:center; margin:0 6px 4px 0; }
            input[type=text], input[type=password], input[type=date], input[type=search] { padding:6px 8px;
                   border:1px solid #bcccdc; border-radius:6px; font:inherit; }
            button { padding:6px 12px; border-radius:6px; border:1px solid var(--accent); background:var(--accent);
                     color:#fff; font:inherit; cursor:pointer; }
            button.secondary { background:#fff; color:var(--accent); }
            button.link { background:none; border:none; color:#d9e2ec; text-decoration:underline; padding:0 4px; }
            a { color:var(--accent); }
            .diff { color:var(--bad); }
            .tag { display:inline-block; padding:1px 8px; border-radius:10px; font-size:12px; background:#e4e7eb; }
            .tag.bad { background:#ffe3e3; color:var(--bad); } .tag.good { background:#e3f9e5; color:var(--good); }
            .pager { margin:10px 0; display:flex; gap:12px; }
            pre { white-space:pre-wrap; word-break:break-all; max-height:320px; overflow:auto; background:#f0f4f8;
                  padding:8px; border-radius:6px; margin:4px 0; }
            .login { max-width:380px; margin:80px auto; background:#fff; border:1px solid var(--line); border-radius:10px;
                     padding:24px 28px; }
            .login label { display:block; margin:12px 0 4px; color:#334e68; }
            .login input { width:100%; }
            .login button { margin-top:18px; width:100%; }
            """;
}
