package io.mlconnector.app.console;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An HTTP response the server adapter writes as is: status, headers (a name may repeat, e.g. Set-Cookie), body. */
public record WebResponse(int status, Map<String, List<String>> headers, byte[] body) {

    public static WebResponse of(int status, String contentType, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", new ArrayList<>(List.of(contentType)));
        return new WebResponse(status, headers, body);
    }

    public static WebResponse html(int status, String html) {
        return of(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    public static WebResponse json(int status, String json) {
        return of(status, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    public static WebResponse text(int status, String text) {
        return of(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    /** 303 See Other: after a POST, the browser GETs {@code location} (no re-submission on reload). */
    public static WebResponse redirect(String location) {
        WebResponse response = of(303, "text/plain; charset=utf-8", new byte[0]);
        return response.with("Location", location);
    }

    /** Adds a header value (keeps earlier values of the same name). */
    public WebResponse with(String name, String value) {
        headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        return this;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
