package io.mlconnector.sandbox.concur;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Realistic FIS financial documents
 * (https://developer.concur.com/api-reference/financial-integration/v4.financial-documents-schema.html) with the field
 * names and nesting of the published samples: expense reports with itemised hotel bills, allocations across cost
 * centers, VAT, cash advance applications, out-of-pocket (EMPL), company-paid (COPD) and company card (CBCP, IBCP)
 * payees, foreign-currency entries; invoices with line items, allocations and tax. Deterministic for a seed: two
 * generators with the same seed produce the same documents in the same order.
 *
 * <p>Balance guarantees (what a posting needs): every entry's allocation percentages add up to 100; the journal
 * {@code amountGross} of an entry's allocations add up to its {@code entryApprovedAmount} (a personal card item adds
 * up to 0: +x on the card clearing account, −x owed by the employee, like use case 6.2.2); {@code amountNetOfTax}
 * plus the linked {@code tax[].amountTax} equals {@code amountGross}; {@code totalApprovedAmount} is the sum of the
 * entries; cash advance applications never exceed the out-of-pocket amount. Accounts and cost centers come from the
 * Infor sandbox chart (GL 6100–6190, clearing 2110, cash advances 1410; CC100–CC400, CC900; entities 100, 200).
 */
public final class ConcurDocumentGenerator {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Map<String, BigDecimal> USD_PER_UNIT = Map.of(
            "USD", new BigDecimal("1.00"), "EUR", new BigDecimal("1.08"), "GBP", new BigDecimal("1.27"),
            "CHF", new BigDecimal("1.12"), "CAD", new BigDecimal("0.73"), "JPY", new BigDecimal("0.0067"));
    private static final List<String> REPORT_CURRENCIES = List.of("USD", "EUR", "GBP");
    private static final List<String> SPEND_CURRENCIES = List.of("USD", "EUR", "GBP", "CHF", "CAD", "JPY");
    private static final List<String> COST_CENTERS = List.of("CC100", "CC200", "CC300", "CC400", "CC900");
    private static final String CARD_CLEARING = "2110";
    private static final String CASH_ADVANCE_CLEARING = "1410";
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");

    private record ExpenseType(String code, String name, String account, int min, int max, String vendor) {
    }

    private static final List<ExpenseType> SINGLE_TYPES = List.of(
            new ExpenseType("AIRFR", "Airfare", "6110", 150, 900, "Lufthansa"),
            new ExpenseType("CARRT", "Car Rental", "6140", 60, 400, "Hertz"),
            new ExpenseType("MILEG", "Mileage", "6150", 10, 120, null),
            new ExpenseType("TAXIX", "Taxi", "6100", 8, 80, "City Cabs"),
            new ExpenseType("TRAIN", "Train", "6100", 20, 180, "Deutsche Bahn"),
            new ExpenseType("PARKG", "Parking", "6100", 5, 45, "Parking Garage"),
            new ExpenseType("LUNCH", "Lunch", "6130", 10, 60, "Bistro Central"),
            new ExpenseType("DINNR", "Dinner", "6130", 25, 160, "Chez Marie"),
            new ExpenseType("OFCSP", "Office Supplies", "6190", 5, 90, "Staples"));
    private static final ExpenseType ROOM = new ExpenseType("LODNG", "Room Rate", "6120", 90, 320, "Marriott Hotels");
    private static final ExpenseType ROOM_TAX = new ExpenseType("LODTX", "Hotel Tax", "6120", 8, 40, "Marriott Hotels");
    private static final ExpenseType BREAKFAST = new ExpenseType("BRKFT", "Breakfast", "6130", 12, 35, "Marriott Hotels");
    private static final ExpenseType PERSONAL = new ExpenseType("ENTOT", "Entertainment-Other", "6190", 8, 30,
            "Marriott Hotels");

    private enum Payer {
        CASH("EMPL", "CASH", "Cash"), COPD("COPD", "COPD", "Company Paid"),
        CBCP("CBCP", "CBCP", "Company Billed Company Paid"), IBCP("IBCP", "IBCP", "Individual Billed Company Paid");

        final String payee;
        final String patKey;
        final String typeName;

        Payer(String payee, String patKey, String typeName) {
            this.payee = payee;
            this.patKey = patKey;
            this.typeName = typeName;
        }

        boolean card() {
            return this == CBCP || this == IBCP;
        }
    }

    private static final String[] FIRST = {"Anna", "Lukas", "Maria", "Jonas", "Sofia", "Noah", "Emma", "Liam"};
    private static final String[] LAST = {"Schmidt", "Martin", "Rossi", "Dubois", "Novak", "Smith", "Jansen", "Berg"};
    private static final String[] CITIES = {"Berlin|DE|DE-BE", "London|GB|GB-LND", "Chicago|US|US-IL",
            "Zurich|CH|CH-ZH", "Toronto|CA|CA-ON", "Tokyo|JP|JP-13", "Munich|DE|DE-BY", "Seattle|US|US-WA"};

    private final Random random;
    private int legacyEntryId = 1000;
    private int reportKey = 500;

    public ConcurDocumentGenerator(long seed) {
        this.random = new Random(seed);
    }

    // ---- expense report --------------------------------------------------------------------------------------------

    /** An expense report FIS document with exactly {@code entries} expense entries. */
    public JsonNode expenseReport(int entries) {
        if (entries < 1) {
            throw new IllegalArgumentException("an expense report needs at least one entry");
        }
        String currency = pick(REPORT_CURRENCIES);
        String entity = random.nextBoolean() ? "100" : "200";
        String homeCostCenter = pick(COST_CENTERS);
        LocalDate start = LocalDate.of(2026, 1, 5).plusDays(random.nextInt(300));
        String[] person = {pick(FIRST), pick(LAST)};
        String employeeId = "E" + (10000 + random.nextInt(90000));

        ObjectNode document = F.objectNode();
        document.set("employee", employee(person, employeeId, entity, homeCostCenter));
        ObjectNode report = document.putObject("report");
        ArrayNode expenseEntries = document.putArray("expenseEntry");
        while (expenseEntries.size() < entries) {
            int left = entries - expenseEntries.size();
            LocalDate day = start.plusDays(random.nextInt(5));
            if (left >= 2 && random.nextInt(4) == 0) {
                hotelBill(expenseEntries, left, currency, entity, homeCostCenter, day);
            } else {
                Payer payer = pickPayer();
                ExpenseType type = pick(SINGLE_TYPES);
                String spend = random.nextInt(10) < 7 ? currency : pick(SPEND_CURRENCIES);
                expenseEntries.add(entry(type, payer, spend, currency, entity, homeCostCenter, day, cardTxn(payer)));
            }
        }
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal outOfPocket = BigDecimal.ZERO;
        for (JsonNode entry : expenseEntries) {
            total = total.add(entry.get("entryApprovedAmount").decimalValue());
            if (entry.get("reportEntryPatKey").asText().equals("CASH")) {
                outOfPocket = outOfPocket.add(entry.get("entryApprovedAmount").decimalValue());
            }
        }
        fillReport(report, currency, entity, homeCostCenter, start, employeeId, total);
        document.set("cashAdvanceApplication", cashAdvances(outOfPocket));
        return document;
    }

    private void hotelBill(ArrayNode entries, int left, String currency, String entity, String costCenter,
                           LocalDate day) {
        // an itemised hotel bill arrives as one expense entry per itemisation (use cases 3.1 and 6.2.2)
        Payer payer = random.nextBoolean() ? Payer.CBCP : pick(List.of(Payer.CASH, Payer.COPD, Payer.IBCP));
        String cardTxn = cardTxn(payer);
        List<ExpenseType> items = new ArrayList<>(List.of(ROOM, ROOM_TAX, BREAKFAST));
        int count = Math.min(left, 2 + random.nextInt(2));
        for (int i = 0; i < count; i++) {
            boolean personal = payer.card() && i == count - 1 && count >= 3 && random.nextBoolean();
            ObjectNode entry = personal ? personalItem(payer, currency, day, cardTxn)
                    : entry(items.get(i), payer, currency, currency, entity, costCenter, day, cardTxn);
            entries.add(entry);
        }
    }

    private ObjectNode entry(ExpenseType type, Payer payer, String spend, String reimbursement, String entity,
                             String costCenter, LocalDate day, String cardTxn) {
        BigDecimal rate = rate(spend, reimbursement);
        BigDecimal transaction = amount(type.min(), type.max(), spend);
        BigDecimal approved = transaction.multiply(rate).setScale(2, RoundingMode.HALF_UP);
        String[] city = CITIES[random.nextInt(CITIES.length)].split("\\|");
        ObjectNode entry = baseEntry(type, payer, spend, transaction, approved, rate, day, city, cardTxn, false);
        entry.set("allocation", allocations(type, payer, approved, reimbursement, entity, costCenter, city, cardTxn));
        return entry;
    }

    /** A personal item on a company card: the company paid it, the employee owes it back (use case 6.2.2). */
    private ObjectNode personalItem(Payer payer, String currency, LocalDate day, String cardTxn) {
        BigDecimal transaction = amount(PERSONAL.min(), PERSONAL.max(), currency);
        String[] city = CITIES[random.nextInt(CITIES.length)].split("\\|");
        ObjectNode entry = baseEntry(PERSONAL, payer, currency, transaction, BigDecimal.ZERO.setScale(2),
                BigDecimal.ONE, day, city, cardTxn, true);
        ObjectNode allocation = F.objectNode();
        allocation.putNull("allocationId");
        allocation.putNull("allocationPercentage");
        customFields(allocation, "allocationCustom", 20, Map.of());
        ArrayNode journal = allocation.putArray("journal");
        journal.add(journal(CARD_CLEARING, payer.payee, "COMP", transaction, BigDecimal.ZERO, BigDecimal.ZERO, cardTxn,
                List.of()));
        journal.add(journal(CARD_CLEARING, "COMP", "EMPL", transaction.negate(), BigDecimal.ZERO, BigDecimal.ZERO,
                null, List.of()));
        allocation.putArray("tax");
        entry.putArray("allocation").add(allocation);
        return entry;
    }

    private ObjectNode baseEntry(ExpenseType type, Payer payer, String spend, BigDecimal transaction,
                                 BigDecimal approved, BigDecimal rate, LocalDate day, String[] city, String cardTxn,
                                 boolean personal) {
        ObjectNode e = F.objectNode();
        e.put("entryId", hex(32));
        e.put("legacyEntryId", ++legacyEntryId);
        e.put("expenseTypeCode", type.code());
        e.put("expenseTypeName", type.name());
        e.put("entryDate", day + "T00:00:00.000Z");
        e.put("entryCurrAlphaCode", spend);
        e.put("reportEntryTransactionAmount", transaction);
        e.put("entryApprovedAmount", approved);
        e.put("entryExchangeRate", rate);
        e.put("entryExchangeRateDirection", "M");
        e.put("entryIsPersonal", personal ? "Y" : "N");
        e.put("entryIsBillable", "N");
        e.put("entryReceiptType", random.nextBoolean() ? "R" : "N");
        e.put("entryVendorCode", type.vendor());
        e.put("entryVendorDescription", type.vendor());
        e.put("entryLocationName", city[0]);
        e.put("entryLocationCityName", city[0]);
        e.put("entryCountryCode", city[1]);
        e.put("entryCountrySubCode", city[2]);
        e.put("entryDescription", personal ? "Personal item on the hotel bill" : "");
        e.put("reportEntryPatKey", payer.patKey);
        e.put("reportEntryPaymentTypeCode", payer.patKey);
        e.put("reportEntryPaymentTypeName", payer.typeName);
        e.put("clearingAccountCode", payer.card() ? CARD_CLEARING : null);
        e.putNull("liabilityAccountCode");
        e.put("offsetPayType", payer == Payer.COPD ? "Y" : "N");
        e.put("expensePayIndicator", "N");
        e.put("expensePayAccountingIndicator", "N");
        cardFields(e, payer, spend, transaction, approved, day, cardTxn);
        e.put("entryReceiptId", hex(32));
        e.putNull("entryElectronicReceiptId");
        e.putNull("merchantTaxId");
        e.putNull("entrySupplierTaxID");
        e.putNull("entryUuid");
        e.putNull("requestId");
        e.putNull("requestEntryId");
        customFields(e, "entryCustom", 40, Map.of());
        orgUnits(e, "entryOrgUnit", Map.of());
        return e;
    }

    private void cardFields(ObjectNode e, Payer payer, String spend, BigDecimal transaction, BigDecimal approved,
                            LocalDate day, String cardTxn) {
        boolean card = payer.card();
        e.put("cardProgramTypeCode", card ? "AMEX" : null);
        e.put("cardAccountID", card ? "XXXXXXXXXXXX" + (1000 + Math.abs(cardTxn.hashCode() % 9000)) : null);
        e.put("cardTransactionID", card ? cardTxn : null);
        e.put("cardTransactionAmount", card ? transaction : null);
        e.put("cardTransactionCurrency", card ? spend : null);
        e.put("cardTransactionPostedAmount", card ? approved : null);
        e.put("cardTransactionPostedCurrency", card ? spend : null);
        e.put("cardBillingDate", card ? day.plusDays(20) + "T00:00:00.000Z" : null);
        e.put("cardStatementPeriodStartDate", card ? day.withDayOfMonth(1) + "T00:00:00.000Z" : null);
        e.put("cardStatementPeriodEndDate", card ? day.withDayOfMonth(day.lengthOfMonth()) + "T00:00:00.000Z" : null);
    }

    private ArrayNode allocations(ExpenseType type, Payer payer, BigDecimal approved, String currency, String entity,
                                  String homeCostCenter, String[] city, String cardTxn) {
        int[] percentages = percentages();
        List<String> costCenters = new ArrayList<>(COST_CENTERS);
        costCenters.remove(homeCostCenter);
        costCenters.add(0, homeCostCenter);
        BigDecimal vatRate = vatRate(currency, city[1]);
        BigDecimal tax = vatRate.signum() == 0 ? BigDecimal.ZERO
                : approved.multiply(vatRate).divide(BigDecimal.ONE.add(vatRate), 2, RoundingMode.HALF_UP);
        List<BigDecimal> grossParts = split(approved, percentages);
        List<BigDecimal> taxParts = split(tax, percentages);
        ArrayNode allocations = F.arrayNode();
        for (int i = 0; i < percentages.length; i++) {
            ObjectNode allocation = allocations.addObject();
            allocation.put("allocationId", hex(32));
            allocation.put("allocationPercentage", percentages[i]);
            String costCenter = costCenters.get(i);
            customFields(allocation, "allocationCustom", 20, Map.of(1, new String[]{entity, "Company " + entity},
                    2, new String[]{costCenter, "Cost Center " + costCenter}));
            ArrayNode taxes = F.arrayNode();
            List<String> guids = new ArrayList<>();
            if (taxParts.get(i).signum() != 0) {
                String guid = hex(32);
                guids.add(guid);
                taxes.add(taxItem(guid, city, vatRate, taxParts.get(i)));
            }
            allocation.putArray("journal").add(journal(type.account(), payer.payee, "COMP", grossParts.get(i),
                    taxParts.get(i), taxParts.get(i), payer.card() ? cardTxn : null, guids));
            allocation.set("tax", taxes);
        }
        return allocations;
    }

    private ObjectNode journal(String account, String payee, String payer, BigDecimal gross, BigDecimal tax,
                               BigDecimal reclaim, String cardTxn, List<String> taxGuids) {
        ObjectNode j = F.objectNode();
        j.put("journalAccountCode", account);
        j.put("journalPayee", payee);
        j.put("journalPayer", payer);
        j.put("amountGross", gross);
        j.put("amountNetOfTax", gross.subtract(tax));
        j.put("amountNetOfReclaim", gross.subtract(reclaim));
        j.put("amountGrossCard", cardTxn != null ? gross : null);
        j.put("cardTransactionReferenceNumber", cardTxn);
        ArrayNode guids = j.putArray("taxGuid");
        taxGuids.forEach(guids::add);
        j.putNull("accountingTransactionType");
        return j;
    }

    private ObjectNode taxItem(String guid, String[] city, BigDecimal rate, BigDecimal amount) {
        ObjectNode t = F.objectNode();
        t.put("taxGuid", guid);
        t.put("taxCode", "VAT" + rate.movePointRight(2).stripTrailingZeros().toPlainString());
        t.put("taxAuthorityLabel", city[1] + "VAT");
        t.put("taxReclaimCode", "VA");
        t.put("nonDomesticCode", "VA");
        t.put("taxSource", "SYST");
        t.put("amountTax", amount);
        t.put("amountReclaim", amount);
        t.put("locationCountryCode", city[1]);
        t.put("locationCountrySubCode", city[2]);
        return t;
    }

    private ArrayNode cashAdvances(BigDecimal outOfPocket) {
        ArrayNode applications = F.arrayNode();
        if (outOfPocket.compareTo(new BigDecimal("50")) < 0 || random.nextInt(3) != 0) {
            return applications;
        }
        BigDecimal advance = outOfPocket.multiply(new BigDecimal(40 + random.nextInt(60)))
                .divide(new BigDecimal(100), 0, RoundingMode.DOWN).setScale(2);
        String cashAdvanceId = hex(32);
        List<BigDecimal> parts = random.nextBoolean() ? List.of(advance) : split(advance, new int[]{60, 40});
        for (BigDecimal part : parts) {
            ObjectNode application = applications.addObject();
            application.put("cashAdvanceId", cashAdvanceId);
            application.put("cashAdvanceApplicationAmount", part.negate());
            application.put("cashAdvanceClearingAccountCode", CASH_ADVANCE_CLEARING);
            application.put("cashAdvanceTransactionType", 2); // 2 = application
        }
        return applications;
    }

    private ObjectNode employee(String[] person, String employeeId, String entity, String costCenter) {
        ObjectNode e = F.objectNode();
        e.put("employeeId", employeeId);
        e.put("employeeFirstName", person[0]);
        e.put("employeeLastName", person[1]);
        e.putNull("employeeMI");
        e.put("loginId", (person[0] + "." + person[1]).toLowerCase() + "@mlconnector.example");
        e.put("employeeReimbursementMethodCode", "APCHECK");
        customFields(e, "employeeCustom", 21, Map.of(17, new String[]{employeeId, null}));
        orgUnits(e, "employeeOrgUnit", Map.of(1, new String[]{entity, "Company " + entity},
                2, new String[]{costCenter, "Cost Center " + costCenter}));
        return e;
    }

    private void fillReport(ObjectNode r, String currency, String entity, String costCenter, LocalDate start,
                            String employeeId, BigDecimal total) {
        r.put("reportId", hex(20));
        r.put("reportKey", ++reportKey);
        r.put("reportNumber", hex(6));
        r.put("reportName", "Trip " + start + " " + CITIES[random.nextInt(CITIES.length)].split("\\|")[0]);
        r.put("ledgerCode", "DEFAULT");
        r.put("policyId", hex(32));
        r.put("employeeCurrencyAlphaCode", currency);
        r.put("homeCountryCode", currency.equals("USD") ? "US" : currency.equals("GBP") ? "GB" : "DE");
        r.put("totalApprovedAmount", total);
        r.put("cashAdvanceReturnsAmount", BigDecimal.ZERO.setScale(8)); // serialised "0E-8" like the samples
        r.put("isTest", "N");
        r.put("payrollPayIndicator", "N");
        r.putNull("payrollPaymentClearingAccountCode");
        r.put("reportStartDate", start + "T00:00:00.000Z");
        r.put("reportEndDate", start.plusDays(4) + "T00:00:00.000Z");
        r.put("reportCreationDate", start.plusDays(5) + "T09:12:41.310Z");
        r.put("reportSubmitDate", start.plusDays(6) + "T16:44:04.410Z");
        r.put("reportUserDefinedDate", start + "T00:00:00.000Z");
        r.put("reportPaymentProcessingDate", start.plusDays(8) + "T10:05:12.590Z");
        r.put("revisionNumber", "1"); // strings in the samples
        r.put("versionId", "4");
        r.put("lastApproverId", hex(32));
        r.putArray("requestId");
        customFields(r, "reportCustom", 20, Map.of(1, new String[]{employeeId, null}));
        orgUnits(r, "reportOrgUnit", Map.of(1, new String[]{entity, "Company " + entity},
                2, new String[]{costCenter, "Cost Center " + costCenter}));
    }

    // ---- documents the published six use cases do not cover -------------------------------------------------------

    /**
     * An expense report without any cost object: every org unit and custom field of the employee, report, entries
     * and allocations is null, as in many real documents (SAP's use-case examples often carry none).
     */
    public JsonNode expenseReportWithoutCostObjects(int entries) {
        JsonNode document = expenseReport(entries);
        clearCostObjects(document.get("employee"));
        clearCostObjects(document.get("report"));
        for (JsonNode entry : document.get("expenseEntry")) {
            clearCostObjects(entry);
            entry.get("allocation").forEach(ConcurDocumentGenerator::clearCostObjects);
        }
        return document;
    }

    /**
     * An expense report whose last entry is a dinner charged to the company card (CBCP) and marked entirely personal,
     * sent as a pair of journal rows with an empty {@code journalAccountCode}: the employee owes the company
     * (EMPL → COMP, negative) and the company owes the card (COMP → CBCP, positive); the payment type names say the
     * same in the Standard Accounting Extract's words. Use case "CBCP Corporate Card Charge for Entirely Personal
     * Expense (Net Due Company With Verbose Extract)". The entry's approved amount is 0, so the totals do not change.
     */
    public JsonNode expenseReportWithPersonalCardCharge(int businessEntries) {
        ObjectNode document = (ObjectNode) expenseReport(businessEntries);
        String currency = document.get("report").get("employeeCurrencyAlphaCode").asText();
        LocalDate day = LocalDate.parse(document.get("report").get("reportStartDate").asText().substring(0, 10));
        String cardTxn = cardTxn(Payer.CBCP);
        ExpenseType dinner = SINGLE_TYPES.stream().filter(t -> t.code().equals("DINNR")).findFirst().orElseThrow();
        BigDecimal charge = amount(dinner.min(), dinner.max(), currency);
        String[] city = CITIES[random.nextInt(CITIES.length)].split("\\|");
        ObjectNode entry = baseEntry(dinner, Payer.CBCP, currency, charge, BigDecimal.ZERO.setScale(2), BigDecimal.ONE,
                day, city, cardTxn, true);
        ObjectNode allocation = F.objectNode();
        allocation.put("allocationId", hex(32));
        allocation.put("allocationPercentage", 100);
        customFields(allocation, "allocationCustom", 20, Map.of());
        ArrayNode journal = allocation.putArray("journal");
        journal.add(partyRow("EMPL", "EMPLOYEE", "COMP", "COMPANY", charge.negate(), null));
        journal.add(partyRow("COMP", "COMPANY", "CBCP", "CBCP CORP", charge, cardTxn));
        allocation.putArray("tax");
        entry.putArray("allocation").add(allocation);
        ((ArrayNode) document.get("expenseEntry")).add(entry);
        return document;
    }

    private ObjectNode partyRow(String payer, String payerName, String payee, String payeeName, BigDecimal gross,
                                String cardTxn) {
        ObjectNode row = journal(null, payee, payer, gross, BigDecimal.ZERO, BigDecimal.ZERO, cardTxn, List.of());
        row.put("journalAccountCode", "");
        row.put("journalPayerPaymentTypeName", payerName);
        row.put("journalPayeePaymentTypeName", payeeName);
        return row;
    }

    /**
     * A request obligation (funds reservation) with instruction {@code obligate}, the shape of SAP's published
     * FI-API-FundsReservation-RequestID examples: {@code instruction}, {@code employee}, {@code requestHeader} (with
     * the request id FIS fetches it by) and {@code requestEntry}. FIS offers it as docType {@code requestobligation}
     * on the same topic as expense reports.
     */
    public JsonNode requestObligation() {
        String[] person = {pick(FIRST), pick(LAST)};
        String employeeId = "E" + (10000 + random.nextInt(90000));
        LocalDate start = LocalDate.of(2026, 1, 5).plusDays(random.nextInt(300));
        ObjectNode document = F.objectNode();
        document.putObject("instruction").put("instruction", "obligate");
        document.set("employee", employee(person, employeeId, "100", pick(COST_CENTERS)));
        ObjectNode header = document.putObject("requestHeader");
        header.put("requestName", "Trip " + start);
        header.put("requestId", hex(32).toUpperCase(java.util.Locale.ROOT));
        header.put("requestKey", String.valueOf(3000 + random.nextInt(1000)));
        header.put("fgiRefId", java.util.UUID.nameUUIDFromBytes(hex(16).getBytes()).toString());
        header.putNull("commitmentReference");
        header.put("revisionNumber", 1);
        header.put("versionId", 4);
        header.put("totalApprovedAmount", amount(200, 2000, "USD"));
        header.put("requestApprovalStatusCode", "SUBMITTED");
        header.put("requestStartDate", start.toString());
        header.put("requestEndDate", start.plusDays(5).toString());
        header.put("requestSubmitDate", start.minusDays(10) + "T11:16:24.000Z");
        document.putArray("requestEntry");
        document.putArray("previousRevisionRequestEntry");
        return document;
    }

    /**
     * A report obligation (funds reservation on an expense report), the shape of SAP's published
     * FI-API-FundsReservation-ReportID examples: an expense report's fields plus {@code instruction} and
     * {@code report.fgiRefId}. It looks like an expense report but reserves funds: it must never post a GL entry.
     */
    public JsonNode reportObligation(int entries) {
        ObjectNode document = (ObjectNode) expenseReport(entries);
        document.putObject("instruction").put("instruction", "obligate");
        ((ObjectNode) document.get("report")).put("fgiRefId",
                java.util.UUID.nameUUIDFromBytes(hex(16).getBytes()).toString());
        return document;
    }

    private static void clearCostObjects(JsonNode node) {
        List<String> fields = new ArrayList<>();
        node.fieldNames().forEachRemaining(fields::add);
        for (String field : fields) {
            if (field.contains("OrgUnit") || field.contains("Custom")) {
                ((ObjectNode) node).putNull(field);
            }
        }
    }

    // ---- invoice ---------------------------------------------------------------------------------------------------

    /** An invoice (payment request) FIS document with exactly {@code lines} line items. */
    public JsonNode invoice(int lines) {
        if (lines < 1) {
            throw new IllegalArgumentException("an invoice needs at least one line item");
        }
        String currency = pick(REPORT_CURRENCIES);
        String entity = random.nextBoolean() ? "100" : "200";
        LocalDate invoiceDate = LocalDate.of(2026, 1, 5).plusDays(random.nextInt(300));
        BigDecimal taxRate = currency.equals("USD") ? new BigDecimal("0.0825")
                : currency.equals("GBP") ? new BigDecimal("0.20") : new BigDecimal("0.19");
        ObjectNode document = F.objectNode();
        ObjectNode header = document.putObject("requestHeader");
        ObjectNode owner = document.putObject("ownerEmployee");
        ObjectNode vendor = document.putObject("vendor");
        ArrayNode items = document.putArray("lineItem");
        BigDecimal net = BigDecimal.ZERO;
        BigDecimal tax = BigDecimal.ZERO;
        BigDecimal shipping = BigDecimal.ZERO;
        for (int i = 1; i <= lines; i++) {
            ObjectNode line = invoiceLine(i, entity, taxRate, currency, i == 1 && random.nextBoolean());
            items.add(line);
            for (JsonNode allocation : line.get("allocation")) {
                JsonNode journal = allocation.get("journal");
                net = net.add(journal.get("amountNet").decimalValue());
                shipping = shipping.add(journal.get("amountShipping").decimalValue());
                tax = tax.add(journal.path("tax").path("amountTax").decimalValue());
            }
        }
        fillInvoiceHeader(header, currency, entity, invoiceDate, net, tax, shipping);
        String[] person = {pick(FIRST), pick(LAST)};
        owner.put("employeeId", "E" + (10000 + random.nextInt(90000)));
        owner.put("employeeFirstName", person[0]);
        owner.put("employeeLastName", person[1]);
        owner.putNull("employeeMI");
        customFields(owner, "employeeCustom", 21, Map.of());
        orgUnits(owner, "employeeOrgUnit", Map.of(1, new String[]{entity, "Company " + entity}));
        vendor.put("vendorCode", "V" + (1000 + random.nextInt(9000)));
        vendor.put("vendorName", pick(List.of("Acme Office Supply", "Nordic Paper AB", "Globex Logistics",
                "Initech Services")));
        vendor.put("vendorRemitToAddressCode", Integer.toString(100 + random.nextInt(900)));
        vendor.putNull("vendorShipFromAddressCode");
        vendor.putNull("vendorContactFirstName");
        vendor.putNull("vendorContactLastName");
        return document;
    }

    private ObjectNode invoiceLine(int sequence, String entity, BigDecimal taxRate, String currency,
                                   boolean withShipping) {
        String[][] types = {{"2000", "Material", "6190"}, {"3100", "Services", "6190"}, {"4200", "Freight", "6190"}};
        String[] type = types[random.nextInt(types.length)];
        BigDecimal quantity = new BigDecimal(1 + random.nextInt(10)).setScale(1);
        BigDecimal unitPrice = amount(5, 400, currency);
        BigDecimal lineNet = quantity.multiply(unitPrice).setScale(2, RoundingMode.HALF_UP);
        BigDecimal lineShipping = withShipping ? amount(5, 40, currency) : BigDecimal.ZERO.setScale(2);
        ObjectNode line = F.objectNode();
        line.put("lineItemSequenceOrder", sequence);
        line.put("lineItemDescription", type[1] + " " + sequence);
        line.put("lineItemQuantity", quantity);
        line.put("lineItemUnitPrice", unitPrice);
        line.put("expenseTypeCode", String.format("%-7s", type[0])); // padded like the sample "2000   "
        line.put("expenseTypeName", type[1]);
        line.putNull("lineItemCode");
        line.putNull("lineItemPurchaseOrderNumber");
        line.putNull("poLineNumber");
        line.putNull("externalLineItemId");
        line.putNull("lineItemDeliverySlipNumber");
        line.putArray("receiptNumbers");
        customFields(line, "lineItemCustom", 20, Map.of());
        int[] percentages = random.nextInt(3) == 0 ? new int[]{60, 40} : new int[]{100};
        List<BigDecimal> nets = split(lineNet, percentages);
        List<BigDecimal> shippings = split(lineShipping, percentages);
        ArrayNode allocations = line.putArray("allocation");
        List<String> costCenters = new ArrayList<>(COST_CENTERS);
        java.util.Collections.rotate(costCenters, random.nextInt(COST_CENTERS.size()));
        for (int i = 0; i < percentages.length; i++) {
            BigDecimal allocationTax = nets.get(i).multiply(taxRate).setScale(2, RoundingMode.HALF_UP);
            ObjectNode allocation = allocations.addObject();
            allocation.put("allocationKey", 100 + random.nextInt(900));
            allocation.put("allocationPercentage", new BigDecimal(percentages[i]).setScale(1));
            allocation.put("allocationAccountCode", type[2]);
            customFields(allocation, "allocationCustom", 20, Map.of(1, new String[]{entity, "Company " + entity},
                    2, new String[]{costCenters.get(i), "Cost Center " + costCenters.get(i)}));
            ObjectNode journal = allocation.putObject("journal"); // an object in invoices, not an array
            journal.put("accountCode", type[2]);
            journal.put("amountNet", nets.get(i));
            journal.put("amountShipping", shippings.get(i));
            journal.put("amountGross", nets.get(i).add(shippings.get(i)).add(allocationTax));
            ObjectNode taxNode = journal.putObject("tax");
            taxNode.put("amountTax", allocationTax);
            taxNode.put("taxCode", currency.equals("USD") ? "SALES" : "VAT");
            taxNode.put("taxField", "amountVAT1");
        }
        return line;
    }

    private void fillInvoiceHeader(ObjectNode h, String currency, String entity, LocalDate invoiceDate,
                                   BigDecimal net, BigDecimal tax, BigDecimal shipping) {
        h.put("requestId", hex(20));
        h.put("reqKey", ++reportKey);
        h.put("requestTitle", "Invoice " + invoiceDate);
        h.put("vendorInvoiceNumber", Integer.toString(10000 + random.nextInt(90000)));
        h.put("invoiceDate", invoiceDate.format(US_DATE)); // MM/dd/yyyy like the published example
        h.put("invoiceReceivedDate", invoiceDate.plusDays(2).format(US_DATE));
        h.put("paymentDueDate", invoiceDate.plusDays(30).format(US_DATE));
        h.put("submitDate", invoiceDate.plusDays(3) + "T03:37:42.923Z");
        h.put("requestCreationDate", invoiceDate.plusDays(3) + "T03:37:00.143Z");
        h.put("processCompleteDate", invoiceDate.plusDays(5) + "T08:00:00.000Z");
        h.putNull("postingDate");
        h.put("currencyAlphaCode", currency);
        h.put("amountNetInvoice", net);
        h.put("amountShippingTotal", shipping);
        h.put("amountTax", tax);
        h.put("amountVAT1", tax);
        h.putNull("amountVAT2");
        h.putNull("amountVAT3");
        h.putNull("amountVAT4");
        h.put("requestTotal", net.add(tax).add(shipping));
        h.put("ledgerCode", "DEFAULT");
        h.put("ledgerName", "DEFAULT");
        h.putNull("clearingAccountCode");
        h.put("payMethodType", pick(List.of("CLIENT", "ACH", "check")));
        h.put("invoicePayIndicator", "N");
        h.put("isTest", "N");
        h.putNull("poNumber");
        h.put("multiplePurchaseOrder", "N");
        h.put("netPaymentTermDays", "30");
        h.put("externalPolicyId", hex(20));
        h.put("policyName", "FI");
        h.put("revisionNumber", "1");
        h.put("versionId", "4");
        customFields(h, "requestCustom", 24, Map.of(1, new String[]{entity, "Company " + entity}));
        orgUnits(h, "requestOrgUnit", Map.of());
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private Payer pickPayer() {
        int roll = random.nextInt(10);
        return roll < 5 ? Payer.CASH : roll < 6 ? Payer.COPD : roll < 8 ? Payer.CBCP : Payer.IBCP;
    }

    private String cardTxn(Payer payer) {
        return payer.card() ? Long.toString(100_000_000_000L + (long) (random.nextDouble() * 899_999_999_999L)) : null;
    }

    private int[] percentages() {
        int roll = random.nextInt(10);
        if (roll < 6) {
            return new int[]{100};
        }
        if (roll < 9) {
            return pick(List.of(new int[]{50, 50}, new int[]{60, 40}, new int[]{70, 30}));
        }
        return pick(List.of(new int[]{40, 30, 30}, new int[]{50, 25, 25}));
    }

    /** Splits an amount by percentages; the last part takes the rounding remainder so the parts add up exactly. */
    private static List<BigDecimal> split(BigDecimal amount, int[] percentages) {
        List<BigDecimal> parts = new ArrayList<>();
        BigDecimal rest = amount;
        for (int i = 0; i < percentages.length - 1; i++) {
            BigDecimal part = amount.multiply(new BigDecimal(percentages[i]))
                    .divide(new BigDecimal(100), amount.scale(), RoundingMode.HALF_UP);
            parts.add(part);
            rest = rest.subtract(part);
        }
        parts.add(rest);
        return parts;
    }

    private static BigDecimal vatRate(String reimbursementCurrency, String country) {
        if (reimbursementCurrency.equals("EUR") && country.equals("DE")) {
            return new BigDecimal("0.19");
        }
        if (reimbursementCurrency.equals("GBP") && country.equals("GB")) {
            return new BigDecimal("0.20");
        }
        return BigDecimal.ZERO;
    }

    private static BigDecimal rate(String spend, String reimbursement) {
        return USD_PER_UNIT.get(spend).divide(USD_PER_UNIT.get(reimbursement), 6, RoundingMode.HALF_UP);
    }

    private BigDecimal amount(int min, int max, String currency) {
        BigDecimal usd = new BigDecimal(min * 100 + random.nextInt((max - min) * 100 + 1)).movePointLeft(2);
        if (currency.equals("USD")) {
            return usd;
        }
        int scale = currency.equals("JPY") ? 0 : 2;
        return usd.divide(USD_PER_UNIT.get(currency), scale, RoundingMode.HALF_UP).setScale(2);
    }

    private static void customFields(ObjectNode node, String prefix, int count, Map<Integer, String[]> values) {
        for (String suffix : new String[]{"Code", "Value"}) {
            for (int i = 1; i <= count; i++) {
                String[] value = values.get(i);
                node.put(prefix + i + suffix, value == null ? null : suffix.equals("Code") ? value[0] : value[1]);
            }
        }
    }

    private static void orgUnits(ObjectNode node, String prefix, Map<Integer, String[]> values) {
        customFields(node, prefix, 6, values);
    }

    private String hex(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(Character.toUpperCase(Character.forDigit(random.nextInt(16), 16)));
        }
        return s.toString();
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
