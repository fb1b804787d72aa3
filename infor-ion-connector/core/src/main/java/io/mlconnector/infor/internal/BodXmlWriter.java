package io.mlconnector.infor.internal;

import io.mlconnector.infor.api.InforIonErrorType;
import io.mlconnector.infor.api.InforIonException;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.OutputStream;
import java.math.BigDecimal;

/**
 * A thin streaming (StAX) writer for InforOAGIS BODs: default namespace on the root, no pretty printing, so the same
 * calls always give the same bytes. Text and attribute values are escaped by StAX; characters XML 1.0 cannot carry
 * are refused with INVALID_INPUT naming the element.
 */
final class BodXmlWriter implements AutoCloseable {
    static final String NAMESPACE = "http://schema.infor.com/InforOAGIS/2";
    static final String RELEASE_ID = "9.2";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final XMLStreamWriter xml;

    BodXmlWriter(OutputStream out) {
        try {
            xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
        } catch (XMLStreamException e) {
            throw new IllegalStateException("no StAX writer", e);
        }
    }

    void startDocument(String root, String versionId) {
        run(() -> {
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(NAMESPACE);
            xml.writeStartElement(NAMESPACE, root);
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeAttribute("releaseID", RELEASE_ID);
            xml.writeAttribute("versionID", versionId);
        });
    }

    BodXmlWriter start(String name) {
        run(() -> xml.writeStartElement(NAMESPACE, name));
        return this;
    }

    BodXmlWriter attr(String name, String value) {
        String checked = check(name, value);
        run(() -> xml.writeAttribute(name, checked));
        return this;
    }

    BodXmlWriter end() {
        run(xml::writeEndElement);
        return this;
    }

    /** An element with text content; skipped entirely when the value is null. */
    BodXmlWriter text(String name, String value) {
        if (value == null) {
            return this;
        }
        String checked = check(name, value);
        run(() -> {
            xml.writeStartElement(NAMESPACE, name);
            xml.writeCharacters(checked);
            xml.writeEndElement();
        });
        return this;
    }

    /** Text content of the current element (after its attributes). */
    BodXmlWriter chars(String field, String value) {
        String checked = check(field, value);
        run(() -> xml.writeCharacters(checked));
        return this;
    }

    /**
     * An amount element with its mandatory currencyID attribute
     * (https://github.com/Fellow-Consulting-AG/docbits/blob/main/readme/.gitbook/assets/CaptureDocument_to_ProcessSupplierInvoice.xml).
     */
    BodXmlWriter amount(String name, BigDecimal value, String currency) {
        run(() -> {
            xml.writeStartElement(NAMESPACE, name);
            xml.writeAttribute("currencyID", currency);
            xml.writeCharacters(value.toPlainString());
            xml.writeEndElement();
        });
        return this;
    }

    /** {@code <name><ID>value</ID></name>}. */
    BodXmlWriter idElement(String name, String value) {
        return start(name).text("ID", value == null ? "" : value).end();
    }

    void endDocument() {
        run(() -> {
            xml.writeEndDocument();
            xml.flush();
        });
    }

    @Override
    public void close() {
        run(xml::close);
    }

    private static String check(String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean legal = c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF
                    || Character.isSurrogate(c) || c >= 0xE000 && c <= 0xFFFD;
            if (!legal) {
                throw new InforIonException(InforIonErrorType.INVALID_INPUT, field + " contains the character U+"
                        + String.format("%04X", (int) c) + ", which XML 1.0 cannot carry");
            }
        }
        return value;
    }

    private void run(XmlCall call) {
        try {
            call.run();
        } catch (XMLStreamException e) {
            throw new InforIonException(InforIonErrorType.INVALID_INPUT, "cannot write the BOD: " + e.getMessage());
        }
    }

    @FunctionalInterface
    private interface XmlCall {
        void run() throws XMLStreamException;
    }
}
