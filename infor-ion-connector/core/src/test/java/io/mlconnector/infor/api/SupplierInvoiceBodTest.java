package io.mlconnector.infor.api;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SupplierInvoiceBodTest {
    private static final Path REGISTRY = InforSamples.path("process-supplierinvoice-registry-paths.tsv");
    private static final InforIonSettings SETTINGS = InforIonSettings.builder()
            .fromLogicalId("lid://infor.ims.mlconnector").build();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T08:00:00Z"), ZoneOffset.UTC);

    static SupplierInvoice invoice() {
        return SupplierInvoice.builder().accountingEntity("100").supplierPartyId("CONCUR-CARD").invoiceNumber("INV-2026-0042")
                .invoiceDate(LocalDate.of(2026, 11, 20)).currency("EUR").total(new BigDecimal("238.00"))
                .description("Corporate card statement")
                .line("6120", "CC200", new BigDecimal("150.00"), new BigDecimal("28.50"), "Hotel")
                .line("6130", "CC100", new BigDecimal("50.00"), new BigDecimal("9.50"), "Meals")
                .build();
    }

    @Test
    void everyWrittenPathExistsInTheProcessSupplierInvoiceRegistry() throws IOException {
        // given the ION Mapper registry of Process.SupplierInvoice (cardinalities stripped)
        Map<String, Boolean> registry = registry();

        // when the invoice BOD is written
        Document doc = Xml.parse(new BodOperations("T", SETTINGS, CLOCK).processSupplierInvoice(invoice()).payload());
        List<String> written = Xml.paths(doc);

        // then every element and attribute path is one the registry knows
        assertThat(written).allSatisfy(p -> assertThat(registry).as("registry path " + p).containsKey(p));
    }

    @Test
    void everyMandatoryChildOfAWrittenElementIsPresent() throws IOException {
        Map<String, Boolean> registry = registry();
        Document doc = Xml.parse(new BodOperations("T", SETTINGS, CLOCK).processSupplierInvoice(invoice()).payload());
        Set<String> written = Set.copyOf(Xml.paths(doc));

        List<String> missing = registry.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey)
                .filter(p -> written.contains(p.substring(0, p.lastIndexOf('/'))))
                .filter(p -> !written.contains(p)).toList();

        assertThat(missing).isEmpty();
        assertThat(written).contains("/ProcessSupplierInvoice/ApplicationArea/CreationDateTime",
                "/ProcessSupplierInvoice/DataArea/SupplierInvoice/SupplierInvoiceHeader/Status",
                "/ProcessSupplierInvoice/DataArea/SupplierInvoice/SupplierInvoiceLine/Distribution/GLAccount/GLNominalAccount");
    }

    @Test
    void invoiceCarriesSupplierNumberTotalsGlAccountAndCostCenter() {
        Bod bod = new BodOperations("MLCONNECTOR_TST", SETTINGS, CLOCK).processSupplierInvoice(invoice());
        Document doc = Xml.parse(bod.payload());

        assertThat(bod.documentName()).isEqualTo("Process.SupplierInvoice");
        assertThat(doc.getDocumentElement().getAttribute("releaseID")).isEqualTo("9.2");
        assertThat(Xml.text(doc, "BODID"))
                .isEqualTo("infor-nid:MLCONNECTOR_TST:100::INV-2026-0042:0?SupplierInvoice&verb=Process&variationID=1");
        Element header = Xml.all(doc, "SupplierInvoiceHeader").get(0);
        assertThat(Xml.text(Xml.all(header, "DocumentID").get(0), "ID")).isEqualTo("INV-2026-0042");
        assertThat(Xml.text(Xml.all(header, "PartyIDs").get(0), "ID")).isEqualTo("CONCUR-CARD");
        Element total = Xml.all(header, "TotalAmount").get(0);
        assertThat(total.getTextContent()).isEqualTo("238.00");
        assertThat(total.getAttribute("currencyID")).isEqualTo("EUR");

        List<Element> lines = Xml.all(doc, "SupplierInvoiceLine");
        assertThat(lines).hasSize(2);
        BigDecimal grossSum = lines.stream().map(l -> new BigDecimal(directChild(l, "TotalAmount").getTextContent()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(grossSum).isEqualByComparingTo(total.getTextContent());
        Element distribution = Xml.all(lines.get(0), "Distribution").get(0);
        assertThat(Xml.text(distribution, "GLNominalAccount")).isEqualTo("6120");
        assertThat(Xml.text(distribution, "Code")).isEqualTo("CC200");
    }

    @Test
    void invoiceWhoseLinesDoNotAddUpRefusesToBuild() {
        assertThatThrownBy(() -> SupplierInvoice.builder().accountingEntity("100").supplierPartyId("S")
                .invoiceNumber("INV-9").invoiceDate(LocalDate.of(2026, 1, 1)).currency("EUR")
                .total(new BigDecimal("100.00")).line("6120", null, new BigDecimal("90.00"), null, null).build())
                .isInstanceOfSatisfying(InforIonException.class, e -> {
                    assertThat(e.type()).isEqualTo(InforIonErrorType.INVALID_INPUT);
                    assertThat(e.getMessage()).contains("INV-9", "90.00", "100.00");
                });
    }

    @Test
    void serializedSizeMatchesThePayload() {
        BodOperations ops = new BodOperations("T", SETTINGS, CLOCK);
        assertThat(ops.serializedSize(invoice())).isEqualTo(ops.processSupplierInvoice(invoice()).size());
    }

    private static Element directChild(Element parent, String localName) {
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        throw new AssertionError("no child " + localName);
    }

    /** xpath without cardinalities → isMandatory. */
    private static Map<String, Boolean> registry() throws IOException {
        try (Stream<String> lines = Files.lines(REGISTRY)) {
            return lines.filter(l -> l.startsWith("/")).map(l -> l.split("\t"))
                    .collect(Collectors.toMap(c -> c[0].replaceAll("\\[[0-9]+\\.\\.[0-9*]+]", ""),
                            c -> Boolean.parseBoolean(c[1]), (a, b) -> a));
        }
    }
}
