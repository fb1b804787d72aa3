package io.mlconnector.app.config;

import io.mlconnector.app.http.HttpLimits;
import io.mlconnector.app.http.ListenerSettings;
import io.mlconnector.app.http.TlsSettings;
import io.mlconnector.app.secrets.SecretSanitizer;
import io.mlconnector.concur.api.FisDocType;
import io.mlconnector.infor.api.ImsInboundSettings;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The application's configuration: embedded defaults ({@code defaults.properties} beside this class), overridden by
 * one properties file ({@code --config FILE}), overridden by environment variables {@code ML_<KEY>}
 * ({@code concur.client-id} → {@code ML_CONCUR_CLIENT_ID}). Only documented keys are accepted. Every value is parsed
 * and validated once, by {@link #load}, into {@link #settings()}; the rest of the app works with those records. Secret
 * values are masked in {@link #toString()} and {@link #dump()}.
 */
public final class AppConfig {
    private static final String DEFAULTS = "defaults.properties";
    private static final Set<String> SECRET_KEYS =
            Set.of("admin.token", "database.password", "concur.client-secret", "concur.request-token",
                    "webhook.tls.keystore-password", "admin.tls.keystore-password", "concur.token-key",
                    "ims.consumer-secret");
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    /** Where a value came from, for error messages and {@link #dump()}. */
    public enum Source { DEFAULT, FILE, ENVIRONMENT }

    private record Value(String text, Source source) {
    }

    private final Map<String, Value> values;
    private final AppSettings settings;

    private AppConfig(Map<String, Value> values) {
        this.values = Collections.unmodifiableMap(values);
        this.settings = parse();
    }

    /** Defaults, then {@code file} (may be null), then the process environment. */
    public static AppConfig load(Path file) {
        return load(file, System.getenv());
    }

    /** Defaults, then {@code file} (may be null), then {@code environment}. */
    public static AppConfig load(Path file, Map<String, String> environment) {
        Map<String, Value> values = new TreeMap<>();
        defaults().forEach((k, v) -> values.put(k, new Value(v, Source.DEFAULT)));
        if (file != null) {
            Properties fromFile = read(file);
            Set<String> unknown = new TreeSet<>(fromFile.stringPropertyNames());
            unknown.removeAll(values.keySet());
            if (!unknown.isEmpty()) {
                throw new ConfigException("unknown configuration key(s) " + unknown + " in " + file
                        + " (see README-config.md for the keys)");
            }
            fromFile.stringPropertyNames().forEach(k -> values.put(k, new Value(fromFile.getProperty(k).trim(), Source.FILE)));
        }
        for (String key : List.copyOf(values.keySet())) {
            String fromEnv = environment.get(environmentName(key));
            if (fromEnv != null) {
                values.put(key, new Value(fromEnv.trim(), Source.ENVIRONMENT));
            }
        }
        return new AppConfig(values);
    }

    /** The embedded defaults only (no file, no environment). */
    public static AppConfig defaultsOnly() {
        return load(null, Map.of());
    }

    /** {@code concur.client-id} → {@code ML_CONCUR_CLIENT_ID}. */
    public static String environmentName(String key) {
        return "ML_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public static Map<String, String> defaults() {
        Properties p = new Properties();
        try (InputStream in = AppConfig.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new ConfigException("embedded " + DEFAULTS + " is missing from the jar");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException("cannot read embedded " + DEFAULTS, e);
        }
        Map<String, String> map = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> map.put(k, p.getProperty(k).trim()));
        return map;
    }

    private static Properties read(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
            return p;
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage(), e);
        }
    }

    // Fail at start-up, naming the key, rather than at first use; always in this order, so one bad file gives one message.
    private AppSettings parse() {
        DatabaseSettings database = parseDatabase();
        WorkerSettings worker = parseWorker();
        InforSettings infor = parseInfor();
        ErpAnswerSettings erpAnswers = parseErpAnswers();
        ConcurSettings concur = parseConcur();
        port("webhook.port");
        port("admin.port");
        ListenerSettings webhookListener = parseWebhookListener();
        ListenerSettings adminListener = parseAdminListener();
        int httpWorkerThreads = parseHttpWorkerThreads();
        QuarantineSettings quarantine = parseQuarantine();
        SandboxPorts sandboxPorts = new SandboxPorts(port("sandbox.concur-port"), port("sandbox.infor-port"));
        LoggingSettings logging = new LoggingSettings(bool("logging.json"), string("logging.level"));
        String webhookPath = string("webhook.path");
        if (!webhookPath.startsWith("/")) {
            throw invalid("webhook.path", "must start with '/'");
        }
        return new AppSettings(new WebhookSettings(webhookListener, webhookPath, url("webhook.public-url")),
                new AdminSettings(adminListener, string("admin.token")), parseImsListener(), httpWorkerThreads, database,
                worker, concur, infor, erpAnswers, quarantine, path("mapping.file"), logging, sandboxPorts);
    }

    /** Every setting, parsed and validated when this configuration was loaded. */
    public AppSettings settings() {
        return settings;
    }

    // ---- parsing ---------------------------------------------------------------------------------------------------

    /** The value of a documented key ("" when unset). Raises {@link ConfigException} for an unknown key. */
    private String string(String key) {
        Value v = values.get(key);
        if (v == null) {
            throw new ConfigException("unknown configuration key '" + key + "'");
        }
        return v.text();
    }

    private int integer(String key) {
        try {
            return Integer.parseInt(string(key));
        } catch (NumberFormatException e) {
            throw invalid(key, "is not a whole number");
        }
    }

    private long longValue(String key) {
        try {
            return Long.parseLong(string(key));
        } catch (NumberFormatException e) {
            throw invalid(key, "is not a whole number");
        }
    }

    private int port(String key) {
        int port = integer(key);
        if (port < 0 || port > 65535) {
            throw invalid(key, "is not a TCP port (0-65535)");
        }
        return port;
    }

    private boolean bool(String key) {
        String v = string(key).toLowerCase(Locale.ROOT);
        if (v.equals("true") || v.equals("false")) {
            return Boolean.parseBoolean(v);
        }
        throw invalid(key, "must be true or false");
    }

    /** {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d} or ISO-8601 ({@code PT30S}). */
    private Duration duration(String key) {
        String v = string(key);
        Matcher m = SHORT_DURATION.matcher(v);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(v);
        } catch (DateTimeParseException e) {
            throw invalid(key, "is not a duration (e.g. 500ms, 30s, 5m, PT30S)");
        }
    }

    /** Comma-separated values, trimmed, empty entries dropped. */
    private List<String> list(String key) {
        return Arrays.stream(string(key).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private Path path(String key) {
        return Path.of(string(key));
    }

    public Source source(String key) {
        string(key);
        return values.get(key).source();
    }

    private URI url(String key) {
        try {
            return URI.create(string(key));
        } catch (IllegalArgumentException e) {
            throw invalid(key, "is not a URL");
        }
    }

    // ---- grouped settings ------------------------------------------------------------------------------------------

    /** The webhook's port: address, limits and optional TLS or mutual TLS ({@code webhook.tls.*}). */
    private ListenerSettings parseWebhookListener() {
        return new ListenerSettings("webhook", string("webhook.host"), port("webhook.port"),
                httpLimits(longValue("webhook.max-body-bytes")), tls("webhook", true));
    }

    /** The admin API's port: address, limits (bodies up to 64 KiB) and optional TLS ({@code admin.tls.*}). */
    private ListenerSettings parseAdminListener() {
        return new ListenerSettings("admin", string("admin.host"), port("admin.port"), httpLimits(64 * 1024),
                tls("admin", false));
    }

    /**
     * The inbound IMS endpoint's port ({@code ims.host}, {@code ims.port}): the same timeouts and connection limit as
     * the other ports, bodies up to ION's message limit ({@link ImsInboundSettings#DEFAULT_MAX_BODY_BYTES}).
     */
    private ListenerSettings parseImsListener() {
        return new ListenerSettings("ims", string("ims.host"), port("ims.port"),
                httpLimits(ImsInboundSettings.DEFAULT_MAX_BODY_BYTES), Optional.empty());
    }

    /** Threads that run requests' blocking work (database, routes) for every listener. */
    private int parseHttpWorkerThreads() {
        int threads = integer("http.worker-threads");
        if (threads < 1) {
            throw invalid("http.worker-threads", "must be at least 1");
        }
        return threads;
    }

    private HttpLimits httpLimits(long maxBodyBytes) {
        if (maxBodyBytes < 1) {
            throw invalid("webhook.max-body-bytes", "must be at least 1");
        }
        try {
            return new HttpLimits(duration("http.request-timeout"), duration("http.idle-timeout"),
                    integer("http.max-connections"), maxBodyBytes, integer("http.max-header-bytes"));
        } catch (IllegalArgumentException e) {
            throw invalid("http.max-connections", "or another http.* limit is out of range: " + e.getMessage());
        }
    }

    private Optional<TlsSettings> tls(String listener, boolean mutualAllowed) {
        String prefix = listener + ".tls.";
        if (string(prefix + "certificate").isBlank()) {
            return Optional.empty();
        }
        Path certificate = path(prefix + "certificate");
        Optional<Path> key = string(prefix + "private-key").isBlank() ? Optional.empty()
                : Optional.of(path(prefix + "private-key"));
        List<Path> clientCas = mutualAllowed ? list(prefix + "client-cas").stream().map(Path::of).toList() : List.of();
        String subject = mutualAllowed ? string(prefix + "client-subject") : "";
        for (Path file : concat(certificate, key, clientCas)) {
            if (!Files.isReadable(file)) {
                throw invalid(prefix + "certificate", "names a TLS file that cannot be read: " + file);
            }
        }
        try {
            return Optional.of(new TlsSettings(certificate, key, string(prefix + "keystore-password"), clientCas,
                    subject, duration("http.tls-reload-interval")));
        } catch (IllegalArgumentException e) {
            throw invalid(prefix + "certificate", e.getMessage());
        }
    }

    private static List<Path> concat(Path first, Optional<Path> second, List<Path> rest) {
        List<Path> all = new java.util.ArrayList<>();
        all.add(first);
        second.ifPresent(all::add);
        all.addAll(rest);
        return all;
    }

    private QuarantineSettings parseQuarantine() {
        int maxBody = integer("quarantine.max-body-bytes");
        if (maxBody < 0) {
            throw invalid("quarantine.max-body-bytes", "must not be negative");
        }
        int perMinute = integer("quarantine.refused-per-minute");
        if (perMinute < 0) {
            throw invalid("quarantine.refused-per-minute", "must not be negative");
        }
        Duration interval = duration("retention.interval");
        if (interval.isZero() || interval.isNegative()) {
            throw invalid("retention.interval", "must be positive");
        }
        return new QuarantineSettings(maxBody, perMinute, duration("retention.quarantine-age"),
                duration("retention.inbox-body-age"), interval);
    }

    private DatabaseSettings parseDatabase() {
        int pool = integer("database.pool-size");
        if (pool < 1) {
            throw invalid("database.pool-size", "must be at least 1");
        }
        String url = string("database.url");
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            throw invalid("database.url", "must be a jdbc:h2: or jdbc:postgresql: URL");
        }
        return new DatabaseSettings(url, string("database.user"), string("database.password"), pool,
                duration("database.connection-timeout"), "");
    }

    private WorkerSettings parseWorker() {
        int count = integer("worker.count");
        if (count < 1) {
            throw invalid("worker.count", "must be at least 1");
        }
        int maxAttempts = integer("worker.max-attempts");
        if (maxAttempts < 1) {
            throw invalid("worker.max-attempts", "must be at least 1");
        }
        Duration initial = duration("worker.backoff-initial");
        Duration max = duration("worker.backoff-max");
        if (max.compareTo(initial) < 0) {
            throw invalid("worker.backoff-max", "must not be shorter than worker.backoff-initial");
        }
        Duration lease = duration("worker.lease");
        Duration heartbeat = duration("worker.heartbeat");
        if (values.get("worker.heartbeat").source() == Source.DEFAULT && heartbeat.compareTo(lease) >= 0) {
            heartbeat = lease.dividedBy(3); // a short lease chosen without a heartbeat: renew three times per lease
        }
        if (heartbeat.isZero() || heartbeat.compareTo(lease) >= 0) {
            throw invalid("worker.heartbeat", "must be positive and shorter than worker.lease (" + lease.toSeconds()
                    + " s); a third of it leaves two renewals before a slow worker could be overtaken");
        }
        return new WorkerSettings(count, duration("worker.poll-interval"), lease,
                new RetryPolicy(maxAttempts, initial, max), heartbeat, duration("worker.stall-timeout"));
    }

    private ConcurSettings parseConcur() {
        URI auth;
        try {
            auth = URI.create(string("concur.auth-base-url"));
        } catch (IllegalArgumentException e) {
            throw invalid("concur.auth-base-url", "is not a URL");
        }
        String systemId = string("concur.system-id");
        if (systemId.length() > 50) {
            throw invalid("concur.system-id", "is longer than the 50 characters FIS takes");
        }
        return new ConcurSettings(auth, string("concur.client-id"), string("concur.client-secret"),
                string("concur.company-id"), string("concur.request-token"),
                list("concur.webhook-public-keys").stream().map(Path::of).toList(),
                string("concur.signature-algorithm"), list("concur.topics"), list("concur.approval-statuses"),
                rateLimit("concur.rate-limit"), fisDocTypes(), systemId, string("concur.token-key"));
    }

    private Set<FisDocType> fisDocTypes() {
        Set<FisDocType> types = EnumSet.noneOf(FisDocType.class);
        for (String value : list("concur.fis-doc-types")) {
            FisDocType type = Arrays.stream(FisDocType.values()).filter(t -> t.value().equalsIgnoreCase(value))
                    .findFirst().orElse(null);
            if (type == null || !ConcurSettings.POSTABLE_DOC_TYPES.contains(type)) {
                throw invalid("concur.fis-doc-types", "names '" + value + "'; the app posts only "
                        + ConcurSettings.POSTABLE_DOC_TYPES.stream().map(FisDocType::value).sorted().toList());
            }
            types.add(type);
        }
        if (types.isEmpty()) {
            throw invalid("concur.fis-doc-types", "must name at least one of expense, invoice, cashadvance");
        }
        return Collections.unmodifiableSet(types);
    }

    private InforSettings parseInfor() {
        PostingMode mode;
        try {
            mode = PostingMode.valueOf(string("infor.posting-mode").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("infor.posting-mode", "must be BOD or M3_REST");
        }
        long maxBytes = longValue("infor.max-message-bytes");
        int maxLines = integer("infor.max-lines-per-chunk");
        if (maxBytes < 1024) {
            throw invalid("infor.max-message-bytes", "must be at least 1024");
        }
        if (maxLines < 2) {
            throw invalid("infor.max-lines-per-chunk", "must be at least 2 (a chunk must balance)");
        }
        ValidationSource validation;
        try {
            validation = ValidationSource.valueOf(string("infor.validation-source").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("infor.validation-source", "must be M3 or CSV");
        }
        Path chart = string("infor.chart-of-accounts-csv").isBlank() ? null : path("infor.chart-of-accounts-csv");
        if (validation == ValidationSource.CSV && chart == null) {
            throw invalid("infor.chart-of-accounts-csv", "must name the chart-of-accounts CSV snapshot when "
                    + "infor.validation-source is CSV");
        }
        return new InforSettings(path("infor.ionapi-file"), string("infor.from-logical-id"),
                string("infor.to-logical-id"), mode, maxBytes, maxLines, validation, chart,
                rateLimit("infor.rate-limit"));
    }

    /** Calls per minute; 0 turns pacing off. */
    private int rateLimit(String key) {
        int perMinute = integer(key);
        if (perMinute < 0) {
            throw invalid(key, "must be 0 (no pacing) or a number of calls per minute");
        }
        return perMinute;
    }

    private ErpAnswerSettings parseErpAnswers() {
        Duration timeout = duration("infor.erp-answer-timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw invalid("infor.erp-answer-timeout", "must be positive");
        }
        if (!string("ims.path").startsWith("/")) {
            throw invalid("ims.path", "must start with '/'");
        }
        return new ErpAnswerSettings(confirmAfter("infor.confirm-after.gl"), confirmAfter("infor.confirm-after.ap"),
                timeout, string("ims.host"), port("ims.port"), string("ims.path"), string("ims.public-url"),
                string("ims.consumer-key"), string("ims.consumer-secret"), duration("ims.apply-interval"));
    }

    private ConfirmAfter confirmAfter(String key) {
        try {
            return ConfirmAfter.valueOf(string(key).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid(key, "must be ION_ACCEPTED or ERP_ACKNOWLEDGED");
        }
    }

    /** The values the operator chose (from the file or the environment), by key; the defaults are left out. */
    public Map<String, String> chosenValues() {
        Map<String, String> chosen = new TreeMap<>();
        values.forEach((k, v) -> {
            if (v.source() != Source.DEFAULT) {
                chosen.put(k, v.text());
            }
        });
        return chosen;
    }

    // ---- printing --------------------------------------------------------------------------------------------------

    /** Every key with its effective value (secrets masked) and where it came from. */
    public Map<String, String> dump() {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, shown(k, v.text()) + "  (" + v.source() + ")"));
        return out;
    }

    @Override
    public String toString() {
        Map<String, String> shown = new LinkedHashMap<>();
        values.forEach((k, v) -> shown.put(k, shown(k, v.text())));
        return "AppConfig" + shown;
    }

    private static boolean isSecret(String key) {
        return SECRET_KEYS.contains(key) || SecretSanitizer.isSecretKey(key.replace("-", "").replace(".", ""));
    }

    /** A value as it may be printed: a secret key's value masked, a password inside a JDBC URL masked. */
    private static String shown(String key, String value) {
        return isSecret(key) ? mask(value) : JdbcUrls.maskedIn(value);
    }

    static String mask(String secret) {
        return secret == null || secret.isEmpty() ? "" : "****";
    }

    /** An error naming {@code key}, its value (masked when secret) and where the value came from. */
    public ConfigException invalidValue(String key, String problem) {
        return invalid(key, problem);
    }

    private ConfigException invalid(String key, String problem) {
        Value v = values.get(key);
        String value = shown(key, v.text());
        String from = switch (v.source()) {
            case ENVIRONMENT -> "environment variable " + environmentName(key);
            case FILE -> "the configuration file";
            case DEFAULT -> "the embedded default";
        };
        return new ConfigException(key + " = '" + value + "' (from " + from + ") " + problem);
    }
}
