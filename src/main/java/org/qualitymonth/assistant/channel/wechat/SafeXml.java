package org.qualitymonth.assistant.channel.wechat;

import java.io.IOException;
import java.io.StringReader;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The gate every callback body passes before WxJava sees it: a parser with DTDs and
 * external entities off, so an XXE payload is refused (and reads no file) instead of
 * being resolved, and a malformed body is a {@link BadCallbackException} rather than a
 * library error.
 */
final class SafeXml {

	private static final ErrorHandler QUIET = new ErrorHandler() {
		@Override
		public void warning(SAXParseException exception) {
		}

		@Override
		public void error(SAXParseException exception) throws SAXException {
			throw exception;
		}

		@Override
		public void fatalError(SAXParseException exception) throws SAXException {
			throw exception;
		}
	};

	private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(SafeXml::newBuilder);

	private SafeXml() {
	}

	/** The document element of a well-formed {@code <xml>} body without any DTD. */
	static Element parse(String xml) {
		DocumentBuilder builder = BUILDER.get();
		builder.reset();
		builder.setErrorHandler(QUIET);
		Document document;
		try {
			document = builder.parse(new InputSource(new StringReader(xml)));
		}
		catch (SAXException | IOException | RuntimeException ex) {
			throw new BadCallbackException("the body is not well-formed XML without a DTD");
		}
		Element root = document.getDocumentElement();
		if (root == null || !"xml".equals(root.getTagName())) {
			throw new BadCallbackException("the body is not a WeChat <xml> message");
		}
		return root;
	}

	/** The text of the first child element {@code name}, or null. */
	static String child(Element root, String name) {
		for (Node node = root.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && name.equals(element.getTagName())) {
				return element.getTextContent();
			}
		}
		return null;
	}

	private static DocumentBuilder newBuilder() {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
			factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
			factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			factory.setNamespaceAware(false);
			return factory.newDocumentBuilder();
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException("the JDK's XML parser lacks a security feature", ex);
		}
	}

}
