package io.mlconnector.sandbox.infor;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.sandbox.http.SimRequest;
import io.mlconnector.sandbox.http.SimResponse;
import io.mlconnector.sandbox.http.SimServer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Infor M3 MI programs behind the API Gateway, {@code GET {iu}/{ti}/M3/m3api-rest/v2/execute/{PROGRAM}/{TRANSACTION}}
 * (https://github.com/infor-cloud/xtendm3): {@code APS450MI} AddHead / AddLine / LstInvBySupInv (supplier invoice
 * batch, the REST posting path) and {@code CRS630MI} GetAccountID / LstAccountID (accounting identities, the validation
 * source), backed by the sandbox {@link ChartOfAccounts}. Answers use the M3 REST v2 JSON shape: HTTP 200 with
 * {@code results[].records[]}, and {@code errorMessage}/{@code errorType}/{@code errorField} on a failed transaction.
 */
public final class M3Sandbox {
    static final String BASE = "/M3/m3api-rest/v2/execute";
    private static final DateTimeFormatter M3_DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    /** An invoice batch head added with {@code APS450MI/AddHead}, with the lines added to it so far. */
    public record SupplierInvoice(String invoiceBatchNumber, String division, String supplier,
                                  String supplierInvoiceNumber, String payee, LocalDate invoiceDate, String currency,
                                  BigDecimal foreignCurrencyAmount, String correlationId, Map<String, String> fields,
                                  List<InvoiceLine> lines, Instant addedAt) {
    }

    /**
     * A line added with {@code APS450MI/AddLine}. For cost lines ({@code RDTP=8}) {@code glAccount} is AIT1 and
     * {@code costCenter} AIT2 (null when not sent).
     */
    public record InvoiceLine(int lineNumber, String invoiceBatchNumber, int lineType, BigDecimal amount,
                              String glAccount, String costCenter, String voucherText, Map<String, String> fields) {
    }

    private final String tenant;
    private final ChartOfAccounts chart;
    private final InforAuthorizationServer authorization;
    private final AtomicLong nextBatchNumber = new AtomicLong(1_000_001L);
    private final Map<String, SupplierInvoice> invoices = new LinkedHashMap<>();
    private final List<String> executed = new ArrayList<>();

    M3Sandbox(String tenant, ChartOfAccounts chart, InforAuthorizationServer authorization) {
        this.tenant = tenant;
        this.chart = chart;
        this.authorization = authorization;
    }

    void register(SimServer server) {
        // Matrix parameters (;maxrecs=0;returncols=…) may follow the transaction name.
        server.route("GET", "/" + Pattern.quote(tenant) + Pattern.quote(BASE) + "/([A-Za-z0-9]+)/([A-Za-z0-9]+)(?:;[^/]*)?",
                this::execute);
    }

    /** Every invoice batch head, in the order added. */
    public synchronized List<SupplierInvoice> invoices() {
        return List.copyOf(invoices.values());
    }

    public synchronized Optional<SupplierInvoice> invoice(String invoiceBatchNumber) {
        return Optional.ofNullable(invoices.get(invoiceBatchNumber));
    }

    /** The heads with this payee, supplier and supplier invoice number (what LstInvBySupInv answers). */
    public synchronized List<SupplierInvoice> invoicesBySupplierInvoice(String payee, String supplier,
                                                                       String supplierInvoiceNumber) {
        return invoices.values().stream().filter(i -> i.payee().equals(payee) && i.supplier().equals(supplier)
                && supplierInvoiceNumber.equals(i.supplierInvoiceNumber())).toList();
    }

    /** Every cost/other line of every invoice, in the order added. */
    public synchronized List<InvoiceLine> lines() {
        return invoices.values().stream().flatMap(i -> i.lines().stream()).toList();
    }

    /** {@code PROGRAM/TRANSACTION} of every authorized call, in arrival order (failed transactions included). */
    public synchronized List<String> executedTransactions() {
        return List.copyOf(executed);
    }

    public synchronized void clear() {
        invoices.clear();
        executed.clear();
    }

    private SimResponse execute(SimRequest request) {
        Optional<SimResponse> denied = authorization.checkBearer(request);
        if (denied.isPresent()) {
            return denied.get();
        }
        String program = request.pathGroup(1);
        String transaction = request.pathGroup(2);
        Map<String, String> input = new LinkedHashMap<>();
        request.query().forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                input.put(k, v.trim());
            }
        });
        synchronized (this) {
            executed.add(program + "/" + transaction);
            MiResult result = switch (program + "/" + transaction) {
                case "APS450MI/AddHead" -> addHead(input);
                case "APS450MI/AddLine" -> addLine(input);
                case "APS450MI/LstInvBySupInv" -> lstInvBySupInv(input);
                case "CRS630MI/GetAccountID" -> getAccountId(input);
                case "CRS630MI/LstAccountID" -> lstAccountId(input);
                default -> null;
            };
            if (result == null) {
                return SimResponse.json(404, answer(transaction, MiResult.nok("Program " + program
                        + " transaction " + transaction + " is not available in the sandbox", null)));
            }
            return SimResponse.json(200, answer(transaction, result));
        }
    }

    private MiResult addHead(Map<String, String> in) {
        Optional<MiResult> missing = require(in, "SUNO", "IVDT");
        if (missing.isPresent()) {
            return missing.get();
        }
        String division = in.getOrDefault("DIVI", defaultDivision());
        if (division == null || !chart.hasAccountingEntity(division)) {
            return MiResult.nok("Division " + division + " does not exist", "DIVI");
        }
        if (in.get("SUNO").length() > 10) {
            return MiResult.nok("Supplier number " + in.get("SUNO") + " is longer than 10 characters", "SUNO");
        }
        if (in.containsKey("SINO") && in.get("SINO").length() > 24) {
            return MiResult.nok("Supplier invoice number is longer than 24 characters", "SINO");
        }
        LocalDate invoiceDate = date(in.get("IVDT"));
        if (invoiceDate == null) {
            return MiResult.nok("Invoice date " + in.get("IVDT") + " is invalid (YYYYMMDD)", "IVDT");
        }
        if (in.containsKey("ACDT") && date(in.get("ACDT")) == null) {
            return MiResult.nok("Accounting date " + in.get("ACDT") + " is invalid (YYYYMMDD)", "ACDT");
        }
        if (in.containsKey("CUCD") && !CURRENCY.matcher(in.get("CUCD")).matches()) {
            return MiResult.nok("Currency " + in.get("CUCD") + " does not exist", "CUCD");
        }
        BigDecimal amount = null;
        if (in.containsKey("CUAM")) {
            amount = decimal(in.get("CUAM"));
            if (amount == null) {
                return MiResult.nok("Foreign currency amount " + in.get("CUAM") + " is invalid", "CUAM");
            }
        }
        String batchNumber = Long.toString(nextBatchNumber.getAndIncrement());
        invoices.put(batchNumber, new SupplierInvoice(batchNumber, division, in.get("SUNO"), in.get("SINO"),
                in.getOrDefault("SPYN", in.get("SUNO")), invoiceDate, in.get("CUCD"), amount, in.get("CORI"),
                Map.copyOf(in), List.of(), Instant.now()));
        return MiResult.ok(List.of(Map.of("INBN", batchNumber)));
    }

    private MiResult addLine(Map<String, String> in) {
        Optional<MiResult> missing = require(in, "INBN", "RDTP");
        if (missing.isPresent()) {
            return missing.get();
        }
        SupplierInvoice head = invoices.get(in.get("INBN"));
        if (head == null) {
            return MiResult.nok("Invoice batch number " + in.get("INBN") + " does not exist", "INBN");
        }
        if (in.containsKey("DIVI") && !in.get("DIVI").equals(head.division())) {
            return MiResult.nok("Division " + in.get("DIVI") + " differs from the invoice head's division "
                    + head.division(), "DIVI");
        }
        if (!"8".equals(in.get("RDTP"))) {
            // Only cost lines are simulated; receipt (1), charge (2) and tax (3) lines need PO and tax setup.
            return MiResult.nok("Line type " + in.get("RDTP") + " is not simulated by the sandbox (use 8 = cost line)",
                    "RDTP");
        }
        return addCostLine(head, in);
    }

    private MiResult addCostLine(SupplierInvoice head, Map<String, String> in) {
        Optional<MiResult> missing = require(in, "NLAM", "AIT1");
        if (missing.isPresent()) {
            return missing.get();
        }
        BigDecimal amount = decimal(in.get("NLAM"));
        if (amount == null) {
            return MiResult.nok("Amount " + in.get("NLAM") + " is invalid", "NLAM");
        }
        for (int dimension = 1; dimension <= 7; dimension++) {
            String field = "AIT" + dimension;
            String identity = in.get(field);
            if (identity == null) {
                continue;
            }
            AccountType type = AccountType.ofM3Dimension(dimension);
            if (type == null || !chart.contains(head.division(), type, identity)) {
                return MiResult.nok("Accounting dimension " + dimension + " identity " + identity
                        + " does not exist in division " + head.division(), field);
            }
        }
        InvoiceLine line = new InvoiceLine(head.lines().size() + 1, head.invoiceBatchNumber(), 8, amount,
                in.get("AIT1"), in.get("AIT2"), in.get("VTXT"), Map.copyOf(in));
        List<InvoiceLine> lines = new ArrayList<>(head.lines());
        lines.add(line);
        invoices.put(head.invoiceBatchNumber(), new SupplierInvoice(head.invoiceBatchNumber(), head.division(),
                head.supplier(), head.supplierInvoiceNumber(), head.payee(), head.invoiceDate(), head.currency(),
                head.foreignCurrencyAmount(), head.correlationId(), head.fields(), List.copyOf(lines),
                head.addedAt()));
        return MiResult.ok(List.of());
    }

    private MiResult lstInvBySupInv(Map<String, String> in) {
        Optional<MiResult> missing = require(in, "SPYN", "SUNO", "SINO");
        if (missing.isPresent()) {
            return missing.get();
        }
        List<Map<String, String>> records = new ArrayList<>();
        for (SupplierInvoice i : invoicesBySupplierInvoice(in.get("SPYN"), in.get("SUNO"), in.get("SINO"))) {
            Map<String, String> record = new LinkedHashMap<>();
            record.put("DIVI", i.division());
            record.put("INBN", i.invoiceBatchNumber());
            record.put("SPYN", i.payee());
            record.put("SUNO", i.supplier());
            record.put("SINO", i.supplierInvoiceNumber());
            record.put("IVDT", M3_DATE.format(i.invoiceDate()));
            record.put("CUCD", nullToEmpty(i.currency()));
            record.put("CUAM", i.foreignCurrencyAmount() == null ? "" : i.foreignCurrencyAmount().toPlainString());
            record.put("CORI", nullToEmpty(i.correlationId()));
            records.add(record);
        }
        return MiResult.ok(records);
    }

    private MiResult getAccountId(Map<String, String> in) {
        Optional<MiResult> missing = require(in, "AITP", "AITM");
        if (missing.isPresent()) {
            return missing.get();
        }
        String division = in.getOrDefault("DIVI", defaultDivision());
        Optional<Integer> dimension = dimension(in.get("AITP"));
        if (dimension.isEmpty()) {
            return MiResult.nok("Accounting dimension " + in.get("AITP") + " is invalid (1-7)", "AITP");
        }
        if (division == null || !chart.hasAccountingEntity(division)) {
            return MiResult.nok("Division " + division + " does not exist", "DIVI");
        }
        AccountType type = AccountType.ofM3Dimension(dimension.get());
        Optional<ChartOfAccounts.Entry> entry = type == null ? Optional.empty()
                : chart.find(division, type, in.get("AITM"));
        if (entry.isEmpty()) {
            return MiResult.nok("Identity " + in.get("AITM") + " does not exist for accounting dimension "
                    + dimension.get() + " in division " + division, "AITM");
        }
        return MiResult.ok(List.of(accountRecord(entry.get())));
    }

    private MiResult lstAccountId(Map<String, String> in) {
        Optional<MiResult> missing = require(in, "AITP");
        if (missing.isPresent()) {
            return missing.get();
        }
        String division = in.getOrDefault("DIVI", defaultDivision());
        Optional<Integer> dimension = dimension(in.get("AITP"));
        if (dimension.isEmpty()) {
            return MiResult.nok("Accounting dimension " + in.get("AITP") + " is invalid (1-7)", "AITP");
        }
        if (division == null || !chart.hasAccountingEntity(division)) {
            return MiResult.nok("Division " + division + " does not exist", "DIVI");
        }
        AccountType type = AccountType.ofM3Dimension(dimension.get());
        List<Map<String, String>> records = type == null ? List.of()
                : chart.entries(division, type).stream().filter(e -> e.code().compareTo(in.getOrDefault("AITM", "")) >= 0)
                .map(M3Sandbox::accountRecord).toList();
        return MiResult.ok(records);
    }

    private static Map<String, String> accountRecord(ChartOfAccounts.Entry entry) {
        Map<String, String> record = new LinkedHashMap<>();
        record.put("DIVI", entry.accountingEntity());
        record.put("AITP", Integer.toString(entry.type().m3Dimension()));
        record.put("AITM", entry.code());
        record.put("TX40", entry.name());
        record.put("TX15", entry.name().length() > 15 ? entry.name().substring(0, 15) : entry.name());
        return record;
    }

    private String defaultDivision() {
        // A blank DIVI means the M3 user's default division; the sandbox user's is the first accounting entity.
        return chart.accountingEntities().stream().findFirst().orElse(null);
    }

    private static Optional<MiResult> require(Map<String, String> in, String... fields) {
        for (String field : fields) {
            if (!in.containsKey(field)) {
                return Optional.of(MiResult.nok("Field " + field + " must be entered", field));
            }
        }
        return Optional.empty();
    }

    private static Optional<Integer> dimension(String value) {
        try {
            int dimension = Integer.parseInt(value);
            return dimension >= 1 && dimension <= 7 ? Optional.of(dimension) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value, M3_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static BigDecimal decimal(String value) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static ObjectNode answer(String transaction, MiResult result) {
        ObjectNode root = SimServer.JSON.createObjectNode();
        ArrayNode results = root.putArray("results");
        ObjectNode one = results.addObject();
        one.put("transaction", transaction);
        if (result.errorMessage != null) {
            one.put("errorMessage", result.errorMessage);
            one.put("errorType", "ServerReturnedNOK");
            if (result.errorField != null) {
                one.put("errorField", result.errorField);
            }
        }
        ArrayNode records = one.putArray("records");
        result.records.forEach(r -> {
            ObjectNode record = records.addObject();
            r.forEach(record::put);
        });
        root.put("wasTerminated", false);
        root.put("nrOfSuccessfullTransactions", result.errorMessage == null ? 1 : 0);
        root.put("nrOfFailedTransactions", result.errorMessage == null ? 0 : 1);
        return root;
    }

    private record MiResult(List<Map<String, String>> records, String errorMessage, String errorField) {
        static MiResult ok(List<Map<String, String>> records) {
            return new MiResult(records, null, null);
        }

        static MiResult nok(String message, String field) {
            return new MiResult(List.of(), message, field);
        }
    }
}
