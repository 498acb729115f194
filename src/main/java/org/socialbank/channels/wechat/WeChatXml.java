package org.socialbank.channels.wechat;

import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The flat {@code <xml>} documents WeChat sends and expects. Parsing refuses any DOCTYPE, so no
 * entity (external or expanding) is ever resolved.
 */
public final class WeChatXml {

    static final int FIELDS_MAX = 64;

    private WeChatXml() {}

    /** The root's child elements by name, with their text; empty when it is not such a document. */
    public static Optional<Map<String, String>> parse(String xml) {
        try {
            Element root =
                    builder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
            if (!"xml".equals(root.getTagName())) {
                return Optional.empty();
            }
            Map<String, String> fields = new LinkedHashMap<>();
            NodeList children = root.getChildNodes();
            for (int i = 0; i < children.getLength() && fields.size() < FIELDS_MAX; i++) {
                Node child = children.item(i);
                if (child.getNodeType() == Node.ELEMENT_NODE) {
                    fields.putIfAbsent(
                            child.getNodeName(), child.getTextContent().strip());
                }
            }
            return Optional.of(fields);
        } catch (SAXException | IOException | ParserConfigurationException e) {
            return Optional.empty();
        }
    }

    private static DocumentBuilder builder() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // no "[Fatal Error]" on stderr
        return builder;
    }

    /** Writes a flat document; values are CDATA except numbers. */
    public static String write(Map<String, String> fields) {
        StringBuilder xml = new StringBuilder("<xml>");
        fields.forEach((name, value) -> {
            xml.append('<').append(name).append('>');
            if (value.chars().allMatch(Character::isDigit) && !value.isEmpty()) {
                xml.append(value);
            } else {
                xml.append("<![CDATA[")
                        .append(value.replace("]]>", "]]]]><![CDATA[>"))
                        .append("]]>");
            }
            xml.append("</").append(name).append('>');
        });
        return xml.append("</xml>").toString();
    }
}
