package dev.fitcheck.report.chart;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** A chart parsed with the JDK's own XML parser, which fails on anything not well-formed. */
final class ParsedSvg {

    static final String NS = "http://www.w3.org/2000/svg";

    final Element root;

    private ParsedSvg(Element root) {
        this.root = root;
    }

    static ParsedSvg parse(String svg) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            Document doc = builder.parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
            return new ParsedSvg(doc.getDocumentElement());
        } catch (Exception e) {
            throw new AssertionError("the SVG is not well-formed XML: " + e.getMessage(), e);
        }
    }

    List<Element> all(String tag) {
        NodeList nodes = root.getElementsByTagNameNS(NS, tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) out.add((Element) nodes.item(i));
        return out;
    }

    /** Elements of a tag whose class attribute holds {@code cls}. */
    List<Element> withClass(String tag, String cls) {
        return all(tag).stream().filter(e -> Arrays.asList(e.getAttribute("class").split(" ")).contains(cls)).toList();
    }

    /** A text element's own text, without the tooltip of a {@code <title>} child. */
    static String text(Element e) {
        StringBuilder sb = new StringBuilder();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE) sb.append(n.getNodeValue());
        }
        return sb.toString();
    }

    List<String> texts() {
        return all("text").stream().map(ParsedSvg::text).toList();
    }

    static double num(Element e, String attribute) {
        return Double.parseDouble(e.getAttribute(attribute));
    }

    /** The drawn extent of a text element, from the same width estimate the layout uses. */
    static double[] extent(Element text) {
        double size = text.hasAttribute("font-size") ? num(text, "font-size") : inheritedFontSize(text);
        boolean mono = text.getAttribute("font-family").contains("Mono");
        boolean bold = "bold".equals(text.getAttribute("font-weight"));
        TextWidth font = mono ? TextWidth.MONO : bold ? TextWidth.BOLD : TextWidth.SANS;
        double w = font.of(text(text), size);
        double x = num(text, "x");
        return switch (text.getAttribute("text-anchor")) {
            case "end" -> new double[] {x - w, x};
            case "middle" -> new double[] {x - w / 2, x + w / 2};
            default -> new double[] {x, x + w};
        };
    }

    private static double inheritedFontSize(Element e) {
        for (Node n = e; n instanceof Element el; n = n.getParentNode()) {
            if (el.hasAttribute("font-size")) return num(el, "font-size");
        }
        throw new AssertionError("no font size on " + text(e));
    }
}
