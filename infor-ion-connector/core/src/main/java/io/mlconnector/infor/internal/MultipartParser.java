package io.mlconnector.infor.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a multipart/form-data body (RFC 7578) into its named parts. Small and strict: what IMS sends is two parts
 * (or one), never nested.
 */
public final class MultipartParser {
    private static final Pattern BOUNDARY = Pattern.compile("boundary=(\"([^\"]+)\"|[^;\\s]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("name=(\"([^\"]*)\"|[^;\\s]+)", Pattern.CASE_INSENSITIVE);

    /** One part: its form name, its Content-Type header (may be null) and its bytes. */
    public record Part(String name, String contentType, byte[] content) {
    }

    private MultipartParser() {
    }

    /** The parts by name; throws IllegalArgumentException naming what is wrong. */
    public static Map<String, Part> parse(String contentType, byte[] body) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            throw new IllegalArgumentException("Content-Type is " + contentType + ", not multipart/form-data");
        }
        Matcher b = BOUNDARY.matcher(contentType);
        if (!b.find()) {
            throw new IllegalArgumentException("multipart Content-Type without boundary");
        }
        byte[] delimiter = ("--" + (b.group(2) != null ? b.group(2) : b.group(1))).getBytes(StandardCharsets.US_ASCII);
        Map<String, Part> parts = new LinkedHashMap<>();
        int at = indexOf(body, delimiter, 0);
        if (at < 0) {
            throw new IllegalArgumentException("multipart body has no boundary line");
        }
        while (true) {
            int lineEnd = at + delimiter.length;
            if (lineEnd + 1 < body.length && body[lineEnd] == '-' && body[lineEnd + 1] == '-') {
                return parts; // closing delimiter
            }
            int headersStart = skipLineBreak(body, lineEnd);
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), headersStart);
            if (headersEnd < 0) {
                throw new IllegalArgumentException("multipart part without a header/body separator");
            }
            String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
            int contentStart = headersEnd + 4;
            int next = indexOf(body, ("\r\n" + new String(delimiter, StandardCharsets.US_ASCII))
                    .getBytes(StandardCharsets.US_ASCII), contentStart);
            if (next < 0) {
                throw new IllegalArgumentException("multipart body ends without its closing boundary");
            }
            Part part = part(headers, Arrays.copyOfRange(body, contentStart, next));
            parts.put(part.name(), part);
            at = next + 2;
        }
    }

    private static Part part(String headers, byte[] content) {
        String name = null;
        String type = null;
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String header = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (header.equals("content-disposition")) {
                Matcher m = NAME.matcher(value);
                if (m.find()) {
                    name = m.group(2) != null ? m.group(2) : m.group(1);
                }
            } else if (header.equals("content-type")) {
                type = value;
            }
        }
        if (name == null) {
            throw new IllegalArgumentException("multipart part without a form-data name");
        }
        return new Part(name, type, content);
    }

    private static int skipLineBreak(byte[] body, int at) {
        if (at + 1 < body.length && body[at] == '\r' && body[at + 1] == '\n') {
            return at + 2;
        }
        return at < body.length && body[at] == '\n' ? at + 1 : at;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
