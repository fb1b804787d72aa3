package io.mlconnector.infor.api;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The ERP's business answer to a Process BOD, read from an {@code Acknowledge<Noun>} or a {@code ConfirmBOD}.
 * <ul>
 *   <li>{@code Acknowledge<Noun>} (e.g. M3's Acknowledge.SupplierInvoice) repeats the original BODID and carries
 *       {@code actionCode="Accepted"}, or {@code "Rejected"} with a {@code ReasonCode} / {@code Reason};</li>
 *   <li>{@code ConfirmBOD} names the original BODID and, on failure, a {@code BODFailureMessage} whose
 *       {@code ErrorProcessMessage} says why.</li>
 * </ul>
 * OAGIS 9.2 verbs as used by InforOAGIS (https://docs.infor.com/ion/2022.x/en-us/ioncedg_cloud_osm/lsm1436532222584.html;
 * the BODID convention, https://docs.infor.com/ln/10.8/en-us/lnolh/help/tl/lnstudiointegration/tps1504267854022.html).
 *
 * @param outcome     accepted or rejected by the ERP
 * @param noun        the answered noun ({@code SupplierInvoice}; {@code BOD} for a ConfirmBOD)
 * @param references  the ids naming the original message, most specific first: original BODID(s), this BOD's
 *                    BODID, the noun's DocumentID
 * @param reasonCode  the ERP's reason code (empty when none)
 * @param reason      the ERP's reason text (empty when none)
 */
public record ErpAcknowledgement(Outcome outcome, String noun, List<String> references, String reasonCode,
                                 String reason) {
    public enum Outcome { ACCEPTED, REJECTED }

    /**
     * One parser per thread, reused: building one looks the implementation up and configures it afresh, which cost
     * more than parsing an acknowledgement. A DocumentBuilder is not thread-safe; {@code reset()} returns it to its
     * configuration.
     */
    private static final ThreadLocal<DocumentBuilder> PARSER = ThreadLocal.withInitial(ErpAcknowledgement::newParser);

    public ErpAcknowledgement {
        Objects.requireNonNull(outcome, "outcome");
        references = List.copyOf(references);
    }

    /** True when {@code documentName} is an answer this reader understands ({@code Acknowledge.*}, ConfirmBOD). */
    public static boolean isAnswer(String documentName) {
        return documentName.startsWith("Acknowledge.") || documentName.equals("Confirm.BOD")
                || documentName.equals("ConfirmBOD");
    }

    /** The ERP's reason in one line, for the audit trail and Concur's error confirmation. */
    public String describeReason() {
        String text = (reasonCode.isBlank() ? "" : reasonCode + (reason.isBlank() ? "" : ": ")) + reason;
        return text.isBlank() ? "no reason given" : text;
    }

    /**
     * Reads the answer from the BOD.
     *
     * @throws InforIonException INVALID_MESSAGE when it is not well-formed XML, not an Acknowledge or ConfirmBOD, or
     *                           names no original BOD
     */
    public static ErpAcknowledgement read(byte[] bod) {
        Element root = parse(bod).getDocumentElement();
        String rootName = localName(root);
        if (rootName.startsWith("Acknowledge") && rootName.length() > "Acknowledge".length()) {
            return acknowledge(root, rootName.substring("Acknowledge".length()));
        }
        if (rootName.equals("ConfirmBOD")) {
            return confirm(root);
        }
        throw invalid("the BOD " + rootName + " is neither an Acknowledge<Noun> nor a ConfirmBOD");
    }

    private static ErpAcknowledgement acknowledge(Element root, String noun) {
        Element verb = first(root, "Acknowledge");
        String actionCode = verb == null ? "" : actionCode(verb);
        Outcome outcome = switch (actionCode.toLowerCase(Locale.ROOT)) {
            case "accepted", "modified", "" -> Outcome.ACCEPTED;
            case "rejected" -> Outcome.REJECTED;
            default -> throw invalid("Acknowledge" + noun + " has an unknown actionCode " + actionCode);
        };
        List<String> references = references(root);
        for (Element id : all(root, "DocumentID")) {
            Element value = first(id, "ID");
            add(references, value == null ? id.getTextContent() : value.getTextContent());
        }
        return checked(new ErpAcknowledgement(outcome, noun, references, text(root, "ReasonCode"),
                text(root, "Reason")));
    }

    private static ErpAcknowledgement confirm(Element root) {
        Element failure = first(root, "BODFailureMessage");
        Outcome outcome = failure == null ? Outcome.ACCEPTED : Outcome.REJECTED;
        String reasonCode = failure == null ? "" : text(failure, "ReasonCode");
        String reason = failure == null ? "" : String.join("; ", all(failure, "Description").stream()
                .map(e -> e.getTextContent().trim()).filter(s -> !s.isEmpty()).toList());
        return checked(new ErpAcknowledgement(outcome, "BOD", references(root), reasonCode, reason));
    }

    private static ErpAcknowledgement checked(ErpAcknowledgement answer) {
        if (answer.references().isEmpty()) {
            throw invalid("the answer names no original BODID or document id");
        }
        return answer;
    }

    /** OriginalApplicationArea/BODID first (the original message), then the answer's own ApplicationArea/BODID. */
    private static List<String> references(Element root) {
        List<String> ids = new ArrayList<>();
        for (Element original : all(root, "OriginalApplicationArea")) {
            Element bodId = first(original, "BODID");
            if (bodId != null) {
                add(ids, bodId.getTextContent());
            }
        }
        Element area = first(root, "ApplicationArea");
        if (area != null && first(area, "BODID") != null) {
            add(ids, first(area, "BODID").getTextContent());
        }
        return ids;
    }

    private static void add(List<String> ids, String id) {
        String trimmed = id == null ? "" : id.trim();
        if (!trimmed.isEmpty() && !ids.contains(trimmed)) {
            ids.add(trimmed);
        }
    }

    private static String actionCode(Element verb) {
        Set<String> codes = new LinkedHashSet<>();
        for (Element e : all(verb, "*")) {
            if (e.hasAttribute("actionCode")) {
                codes.add(e.getAttribute("actionCode").trim());
            }
        }
        return codes.contains("Rejected") ? "Rejected" : codes.isEmpty() ? "" : codes.iterator().next();
    }

    private static String text(Element scope, String name) {
        Element e = first(scope, name);
        return e == null ? "" : e.getTextContent().trim();
    }

    private static Element first(Element scope, String name) {
        List<Element> found = all(scope, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> all(Element scope, String name) {
        NodeList nodes = scope.getElementsByTagNameNS("*", name);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
                elements.add((Element) nodes.item(i));
            }
        }
        return elements;
    }

    private static String localName(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
    }

    /** A namespace-aware parser with DTDs and external entities off: an inbound BOD is untrusted input. */
    private static DocumentBuilder newParser() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no secure XML parser available", e);
        }
    }

    private static Document parse(byte[] bod) {
        DocumentBuilder parser = PARSER.get();
        try {
            return parser.parse(new ByteArrayInputStream(bod));
        } catch (SAXException | IOException e) {
            throw invalid("the BOD is not well-formed XML: " + e.getMessage());
        } finally {
            parser.reset();
        }
    }

    private static InforIonException invalid(String message) {
        return new InforIonException(InforIonErrorType.INVALID_MESSAGE, message);
    }
}
