package io.mlconnector.infor.api;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

/** Test helper: a namespace-aware DOM parse and a few lookups by local name in the InforOAGIS namespace. */
final class Xml {
    static final String NS = "http://schema.infor.com/InforOAGIS/2";

    private Xml() {
    }

    static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
        }
    }

    static List<Element> all(Node scope, String localName) {
        NodeList list = scope instanceof Document d ? d.getElementsByTagNameNS(NS, localName)
                : ((Element) scope).getElementsByTagNameNS(NS, localName);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    static String text(Node scope, String localName) {
        List<Element> found = all(scope, localName);
        if (found.isEmpty()) {
            throw new AssertionError("no element " + localName);
        }
        return found.get(0).getTextContent();
    }

    /** Every element's path from the root by local name, e.g. /Root/ApplicationArea/BODID, and every attribute as /@name. */
    static List<String> paths(Document doc) {
        List<String> out = new ArrayList<>();
        collect(doc.getDocumentElement(), "", out);
        return out;
    }

    private static void collect(Element e, String parent, List<String> out) {
        String path = parent + "/" + e.getLocalName();
        if (!NS.equals(e.getNamespaceURI())) {
            throw new AssertionError("element outside the InforOAGIS namespace: " + path + " in " + e.getNamespaceURI());
        }
        out.add(path);
        for (int i = 0; i < e.getAttributes().getLength(); i++) {
            Node a = e.getAttributes().item(i);
            if (!"xmlns".equals(a.getPrefix()) && !"xmlns".equals(a.getNodeName())) {
                out.add(path + "/@" + a.getLocalName());
            }
        }
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element child) {
                collect(child, path, out);
            }
        }
    }
}
