package io.mlconnector.app.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the app reads from a JDBC URL, and the URL as it may be shown (passwords masked). */
public final class JdbcUrls {
    // H2 settings (;PASSWORD=x), PostgreSQL parameters (?password=x&...) and user:password@host authorities
    // (a value ends at the URL's separators, or at what ends the URL inside a sentence or a JSON log line)
    private static final Pattern PASSWORD_SETTING =
            Pattern.compile("(?i)((?:password|pwd|sslpassword)=)[^;&\\s\"',)]*");
    // "//" may come escaped as "\/\/" in a JSON log line
    private static final Pattern USER_INFO = Pattern.compile("((?://|\\\\/\\\\/)[^/\\\\:@;?\\s\"]+:)[^@/\\\\;?\\s\"]*@");
    private static final String MASK = "****";

    private JdbcUrls() {
    }

    /** The URL with every password in it replaced by {@code ****}: safe for logs, errors and {@code config}. */
    public static String masked(String url) {
        if (url == null) {
            return null;
        }
        String masked = PASSWORD_SETTING.matcher(url).replaceAll("$1" + MASK);
        return USER_INFO.matcher(masked).replaceAll("$1" + MASK + "@");
    }

    /** Masks passwords of any JDBC URL inside free text (an exception message, a log line). */
    public static String maskedIn(String text) {
        return text == null || !text.contains("jdbc:") ? text : masked(text);
    }

    /**
     * The base path of an embedded H2 file database ({@code jdbc:h2:file:./data/x} or {@code jdbc:h2:./data/x}: H2
     * adds {@code .mv.db}), or empty for in-memory, server ({@code tcp:}, {@code ssl:}) and non-H2 URLs.
     */
    public static Optional<Path> h2File(String url) {
        if (!url.startsWith("jdbc:h2:")) {
            return Optional.empty();
        }
        String name = url.substring("jdbc:h2:".length());
        int settings = name.indexOf(';');
        if (settings >= 0) {
            name = name.substring(0, settings);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("mem:") || lower.startsWith("tcp:") || lower.startsWith("ssl:") || lower.startsWith("zip:")) {
            return Optional.empty();
        }
        if (lower.startsWith("file:")) {
            name = name.substring("file:".length());
        }
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return Optional.of(Path.of(name).toAbsolutePath().normalize());
    }

    /** True when the URL sets this H2 setting itself ({@code ;NAME=}). */
    public static boolean hasSetting(String url, String name) {
        return setting(url, name).isPresent();
    }

    /** The value the URL gives this H2 setting ({@code ;NAME=value}), if it sets it. */
    public static Optional<String> setting(String url, String name) {
        Matcher m = Pattern.compile("(?i);\\s*" + Pattern.quote(name) + "\\s*=\\s*([^;]*)").matcher(url);
        return m.find() ? Optional.of(m.group(1).trim()) : Optional.empty();
    }
}
