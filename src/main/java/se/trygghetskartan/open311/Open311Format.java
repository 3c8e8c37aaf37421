package se.trygghetskartan.open311;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import se.trygghetskartan.system.InvalidRequestException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;

/**
 * The two formats of GeoReport v2, named by the path's extension ({@code requests.json},
 * {@code requests.xml}). A document is lists and maps of plain values; in XML a list's items are
 * elements named by the list's singular ({@code <services><service>…}, {@code <values><value>…}),
 * and the specification's roots are given by name.
 */
enum Open311Format {

	JSON(MediaType.APPLICATION_JSON), XML(MediaType.valueOf("text/xml;charset=UTF-8"));

	private static final XMLOutputFactory XML_OUTPUT = XMLOutputFactory.newFactory();

	private final MediaType type;

	Open311Format(MediaType type) {
		this.type = type;
	}

	MediaType type() {
		return type;
	}

	/** The format an extension names; 400 for another. */
	static Open311Format of(String extension) {
		for (Open311Format format : values()) {
			if (format.name().equalsIgnoreCase(extension)) {
				return format;
			}
		}
		throw InvalidRequestException.parameter("format", Open311Error.UNKNOWN_FORMAT, "format", extension);
	}

	/** The format a path asks for, JSON unless it ends in {@code .xml}: how an error is answered. */
	static Open311Format ofPath(String path) {
		return path != null && path.toLowerCase(java.util.Locale.ROOT).endsWith(".xml") ? XML : JSON;
	}

	/** The document in this format, under the root element {@code root} in XML. */
	String write(String root, Object document, JsonMapper json) {
		if (this == JSON) {
			return json.writeValueAsString(document);
		}
		try {
			StringWriter text = new StringWriter();
			XMLStreamWriter xml = XML_OUTPUT.createXMLStreamWriter(text);
			xml.writeStartDocument("UTF-8", "1.0");
			element(xml, root, document);
			xml.writeEndDocument();
			xml.close();
			return text.toString();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void element(XMLStreamWriter xml, String name, Object value) throws XMLStreamException {
		xml.writeStartElement(name);
		if (value instanceof Map<?, ?> fields) {
			for (Map.Entry<?, ?> field : fields.entrySet()) {
				element(xml, String.valueOf(field.getKey()), field.getValue());
			}
		}
		else if (value instanceof List<?> items) {
			for (Object item : items) {
				element(xml, singular(name), item);
			}
		}
		else if (value != null) {
			xml.writeCharacters(xmlCharacters(String.valueOf(value)));
		}
		xml.writeEndElement();
	}

	private static String singular(String list) {
		return switch (list) {
			case "service_requests" -> "request";
			default -> list.endsWith("s") ? list.substring(0, list.length() - 1) : list;
		};
	}

	// XML 1.0 cannot carry most control characters, not even escaped: they are left out.
	private static String xmlCharacters(String text) {
		StringBuilder kept = new StringBuilder(text.length());
		text.codePoints()
			.filter(c -> c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
					|| c >= 0x10000 && c <= 0x10FFFF)
			.forEach(kept::appendCodePoint);
		return kept.toString();
	}

}
