package io.mlconnector.app.pipeline;

import io.mlconnector.sandbox.infor.ImsMessage;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A BOD exactly as the Infor sandbox recorded it, parsed as XML (namespace-aware): the journal lines of a
 * {@code SourceSystemJournalEntry} or the total and distribution of a {@code SupplierInvoice}.
 */
record RecordedBod(ImsMessage message, String rootElement, String bodId, String documentId, List<Line> lines,
                   BigDecimal invoiceTotal) {
    static final String NS = "http://schema.infor.com/InforOAGIS/2";

    /** One JournalEntryLine (or an invoice Distribution): unsigned amount, D or C, GL account, cost center or null. */
    record Line(BigDecimal amount, String currency, String side, String glAccount, String costCenter) {
        BigDecimal signed() {
            return "C".equals(side) ? amount.negate() : amount;
        }
    }

    static RecordedBod parse(ImsMessage message) {
        Document xml = xml(message.payload());
        Element root = xml.getDocumentElement();
        List<Line> lines = new ArrayList<>();
        for (Element line : elements(root, "JournalEntryLine")) {
            Element amount = first(line, "Amount");
            lines.add(new Line(new BigDecimal(amount.getTextContent().trim()), amount.getAttribute("currencyID"),
                    text(line, "DebitCreditFlag"), text(line, "GLNominalAccount"), text(line, "DimensionCode")));
        }
        BigDecimal invoiceTotal = null;
        List<Element> header = elements(root, "SupplierInvoiceHeader");
        if (!header.isEmpty()) {
            invoiceTotal = new BigDecimal(text(header.get(0), "TotalAmount"));
            for (Element distribution : elements(root, "Distribution")) {
                Element amount = first(distribution, "Amount");
                lines.add(new Line(new BigDecimal(amount.getTextContent().trim()), amount.getAttribute("currencyID"),
                        "D", text(distribution, "GLNominalAccount"), text(distribution, "Code")));
            }
        }
        return new RecordedBod(message, root.getLocalName(), text(root, "BODID"), message.documentId(),
                List.copyOf(lines), invoiceTotal);
    }

    boolean isJournalEntry() {
        return rootElement.endsWith("SourceSystemJournalEntry");
    }

    boolean isSupplierInvoice() {
        return rootElement.endsWith("SupplierInvoice");
    }

    BigDecimal debits() {
        return lines.stream().filter(l -> "D".equals(l.side())).map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    BigDecimal credits() {
        return lines.stream().filter(l -> "C".equals(l.side())).map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static Document xml(byte[] payload) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            return builder.parse(new ByteArrayInputStream(payload));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new AssertionError("ION recorded a payload that is not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static List<Element> elements(Element parent, String localName) {
        NodeList nodes = parent.getElementsByTagNameNS(NS, localName);
        List<Element> list = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }

    private static Element first(Element parent, String localName) {
        List<Element> found = elements(parent, localName);
        return found.isEmpty() ? null : found.get(0);
    }

    private static String text(Element parent, String localName) {
        Element e = first(parent, localName);
        return e == null ? null : e.getTextContent().trim();
    }
}
