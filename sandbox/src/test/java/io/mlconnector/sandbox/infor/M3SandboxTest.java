package io.mlconnector.sandbox.infor;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.mlconnector.sandbox.infor.InforHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

class M3SandboxTest {
    private InforSandbox sandbox;
    private InforHttp http;
    private String token;

    @BeforeEach
    void start() {
        sandbox = InforSandbox.start();
        http = new InforHttp(sandbox);
        token = http.accessToken();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private JsonNode execute(String programAndTransaction, Map<String, String> fields) {
        HttpResponse<String> response = http.m3(token, programAndTransaction, fields);
        assertThat(response.statusCode()).isEqualTo(200);
        return json(response);
    }

    private String addHead(String supplierInvoiceNumber) {
        Map<String, String> head = new LinkedHashMap<>();
        head.put("DIVI", "100");
        head.put("IBTP", "20");
        head.put("SUNO", "EMP0042");
        head.put("SPYN", "EMP0042");
        head.put("SINO", supplierInvoiceNumber);
        head.put("IVDT", "20261127");
        head.put("CUCD", "EUR");
        head.put("CUAM", "123.45");
        head.put("CORI", "concur-R42-1");
        JsonNode answer = execute("APS450MI/AddHead", head);
        assertThat(answer.get("nrOfFailedTransactions").asInt()).isZero();
        return answer.at("/results/0/records/0/INBN").asText();
    }

    private JsonNode addCostLine(String inbn, String amount, String glAccount, String costCenter) {
        Map<String, String> line = new LinkedHashMap<>();
        line.put("INBN", inbn);
        line.put("RDTP", "8");
        line.put("NLAM", amount);
        line.put("AIT1", glAccount);
        if (costCenter != null) {
            line.put("AIT2", costCenter);
        }
        line.put("VTXT", "Hotel Berlin");
        return execute("APS450MI/AddLine", line);
    }

    @Test
    void addHeadReturnsTheInvoiceBatchNumberAndRecordsTheHead() {
        // when
        String inbn = addHead("R42");

        // then
        assertThat(inbn).matches("[0-9]+");
        assertThat(sandbox.m3().invoice(inbn)).hasValueSatisfying(head -> {
            assertThat(head.division()).isEqualTo("100");
            assertThat(head.supplier()).isEqualTo("EMP0042");
            assertThat(head.supplierInvoiceNumber()).isEqualTo("R42");
            assertThat(head.invoiceDate()).isEqualTo(LocalDate.of(2026, 11, 27));
            assertThat(head.foreignCurrencyAmount()).isEqualByComparingTo("123.45");
            assertThat(head.correlationId()).isEqualTo("concur-R42-1");
        });
    }

    @Test
    void addHeadWithoutRequiredSupplierFailsNamingTheField() {
        // when
        JsonNode answer = execute("APS450MI/AddHead", Map.of("DIVI", "100", "IVDT", "20261127"));

        // then
        assertThat(answer.get("nrOfFailedTransactions").asInt()).isEqualTo(1);
        assertThat(answer.at("/results/0/errorField").asText()).isEqualTo("SUNO");
        assertThat(answer.at("/results/0/errorMessage").asText()).isNotBlank();
        assertThat(answer.at("/results/0/errorType").asText()).isEqualTo("ServerReturnedNOK");
        assertThat(sandbox.m3().invoices()).isEmpty();
    }

    @Test
    void addHeadWithAnInvalidInvoiceDateFails() {
        // when
        JsonNode answer = execute("APS450MI/AddHead", Map.of("DIVI", "100", "SUNO", "EMP0042", "IVDT", "20261131"));

        // then
        assertThat(answer.at("/results/0/errorField").asText()).isEqualTo("IVDT");
        assertThat(sandbox.m3().invoices()).isEmpty();
    }

    @Test
    void addHeadForAnUnknownDivisionFails() {
        // when
        JsonNode answer = execute("APS450MI/AddHead", Map.of("DIVI", "999", "SUNO", "EMP0042", "IVDT", "20261127"));

        // then
        assertThat(answer.at("/results/0/errorField").asText()).isEqualTo("DIVI");
    }

    @Test
    void costLineWithAKnownGlAccountAndCostCenterIsRecorded() {
        // given
        String inbn = addHead("R42");

        // when
        JsonNode answer = addCostLine(inbn, "98.50", "6120", "CC300");

        // then
        assertThat(answer.get("nrOfSuccessfullTransactions").asInt()).isEqualTo(1);
        assertThat(sandbox.m3().invoice(inbn).orElseThrow().lines()).singleElement().satisfies(line -> {
            assertThat(line.lineType()).isEqualTo(8);
            assertThat(line.amount()).isEqualByComparingTo(new BigDecimal("98.50"));
            assertThat(line.glAccount()).isEqualTo("6120");
            assertThat(line.costCenter()).isEqualTo("CC300");
            assertThat(line.voucherText()).isEqualTo("Hotel Berlin");
        });
    }

    @Test
    void costLineWithAnUnknownGlAccountFailsOnAit1AndIsNotRecorded() {
        // given
        String inbn = addHead("R42");

        // when
        JsonNode answer = addCostLine(inbn, "10.00", "9999", "CC100");

        // then
        assertThat(answer.get("nrOfFailedTransactions").asInt()).isEqualTo(1);
        assertThat(answer.at("/results/0/errorField").asText()).isEqualTo("AIT1");
        assertThat(answer.at("/results/0/errorMessage").asText()).contains("9999");
        assertThat(sandbox.m3().lines()).isEmpty();
    }

    @Test
    void costLineWithAnUnknownCostCenterFailsOnAit2() {
        // given
        String inbn = addHead("R42");

        // when
        JsonNode answer = addCostLine(inbn, "10.00", "6130", "CC999");

        // then
        assertThat(answer.at("/results/0/errorField").asText()).isEqualTo("AIT2");
        assertThat(sandbox.m3().lines()).isEmpty();
    }

    @Test
    void glAccountRemovedFromTheChartIsRefused() {
        // given
        String inbn = addHead("R42");
        sandbox.chart().remove("100", AccountType.GL_ACCOUNT, "6130");

        // when
        JsonNode answer = addCostLine(inbn, "10.00", "6130", "CC100");

        // then
        assertThat(answer.at("/results/0/errorField").asText()).isEqualTo("AIT1");
    }

    @Test
    void costLineForAnUnknownInvoiceBatchFails() {
        // when
        JsonNode answer = addCostLine("424242", "10.00", "6130", "CC100");

        // then
        assertThat(answer.at("/results/0/errorField").asText()).isEqualTo("INBN");
    }

    @Test
    void lineTypesOtherThanCostLinesAreRefused() {
        // given
        String inbn = addHead("R42");

        // when
        JsonNode answer = execute("APS450MI/AddLine", Map.of("INBN", inbn, "RDTP", "1", "NLAM", "1.00"));

        // then
        assertThat(answer.at("/results/0/errorField").asText()).isEqualTo("RDTP");
    }

    @Test
    void lstInvBySupInvFindsAnAddedInvoiceAndNothingForAnotherNumber() {
        // given
        String inbn = addHead("R42");

        // when
        JsonNode found = execute("APS450MI/LstInvBySupInv", Map.of("SPYN", "EMP0042", "SUNO", "EMP0042",
                "SINO", "R42"));
        JsonNode none = execute("APS450MI/LstInvBySupInv", Map.of("SPYN", "EMP0042", "SUNO", "EMP0042",
                "SINO", "R43"));

        // then
        assertThat(found.at("/results/0/records")).hasSize(1);
        assertThat(found.at("/results/0/records/0/INBN").asText()).isEqualTo(inbn);
        assertThat(none.get("nrOfSuccessfullTransactions").asInt()).isEqualTo(1);
        assertThat(none.at("/results/0/records")).isEmpty();
    }

    @Test
    void lstInvBySupInvRequiresPayeeSupplierAndInvoiceNumber() {
        // when
        JsonNode answer = execute("APS450MI/LstInvBySupInv", Map.of("SUNO", "EMP0042", "SINO", "R42"));

        // then
        assertThat(answer.at("/results/0/errorField").asText()).isEqualTo("SPYN");
    }

    @Test
    void getAccountIdAnswersAKnownGlAccountAndCostCenterWithTheirNames() {
        // when
        JsonNode glAccount = execute("CRS630MI/GetAccountID", Map.of("DIVI", "100", "AITP", "1", "AITM", "6110"));
        JsonNode costCenter = execute("CRS630MI/GetAccountID", Map.of("DIVI", "200", "AITP", "2", "AITM", "CC900"));

        // then
        assertThat(glAccount.at("/results/0/records/0/AITM").asText()).isEqualTo("6110");
        assertThat(glAccount.at("/results/0/records/0/TX40").asText()).isEqualTo("Airfare");
        assertThat(costCenter.at("/results/0/records/0/TX40").asText()).isEqualTo("Management");
    }

    @Test
    void getAccountIdFailsForAnUnknownIdentityOrDivision() {
        // when
        JsonNode unknownAccount = execute("CRS630MI/GetAccountID", Map.of("DIVI", "100", "AITP", "1", "AITM", "7777"));
        JsonNode costCenterAsAccount = execute("CRS630MI/GetAccountID",
                Map.of("DIVI", "100", "AITP", "1", "AITM", "CC100"));
        JsonNode unknownDivision = execute("CRS630MI/GetAccountID", Map.of("DIVI", "300", "AITP", "1", "AITM", "6110"));

        // then
        assertThat(unknownAccount.at("/results/0/errorField").asText()).isEqualTo("AITM");
        assertThat(costCenterAsAccount.at("/results/0/errorField").asText()).isEqualTo("AITM");
        assertThat(unknownDivision.at("/results/0/errorField").asText()).isEqualTo("DIVI");
    }

    @Test
    void accountAddedToTheChartIsFoundAtOnce() {
        // given
        sandbox.chart().addGlAccount("100", "6199", "Sandbox test account");

        // when
        JsonNode answer = execute("CRS630MI/GetAccountID", Map.of("DIVI", "100", "AITP", "1", "AITM", "6199"));

        // then
        assertThat(answer.at("/results/0/records/0/TX40").asText()).isEqualTo("Sandbox test account");
    }

    @Test
    void lstAccountIdListsTheCostCentersOfADivision() {
        // when
        JsonNode answer = execute("CRS630MI/LstAccountID", Map.of("DIVI", "100", "AITP", "2"));

        // then
        assertThat(answer.at("/results/0/records").findValuesAsText("AITM"))
                .containsExactly("CC100", "CC200", "CC300", "CC400", "CC900");
    }

    @Test
    void matrixParametersAfterTheTransactionAreAccepted() {
        // when
        HttpResponse<String> response = http.get(URI.create(sandbox.m3ExecuteUri()
                + "/CRS630MI/GetAccountID;maxrecs=0;returncols=AITM,TX40?DIVI=100&AITP=1&AITM=6150"), token);

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).at("/results/0/records/0/AITM").asText()).isEqualTo("6150");
    }

    @Test
    void unknownTransactionIsAnswered404() {
        // when
        HttpResponse<String> response = http.m3(token, "GLS840MI/AddBatchHead", Map.of());

        // then
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("nrOfFailedTransactions").asInt()).isEqualTo(1);
    }
}
