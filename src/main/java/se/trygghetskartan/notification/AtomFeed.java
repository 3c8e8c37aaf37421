package se.trygghetskartan.notification;

import java.io.StringWriter;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An Atom 1.0 document (RFC 4287): the feed's identity, title and links, and its entries, each with its
 * own id, title, day and link to the page that shows the item. The XML writer escapes every text.
 */
final class AtomFeed {

	static final String NAMESPACE = "http://www.w3.org/2005/Atom";

	private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

	// Characters XML 1.0 cannot hold (control characters a title may have come with) are left out: one
	// of them would make the whole feed unreadable.
	private static final Pattern NOT_XML = Pattern.compile("[^\\x09\\x0A\\x0D\\x20-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]");

	/** One entry as written: its link is also its id (with the entry's key), unique and stable. */
	record Entry(String id, String title, String link, String summary, LocalDate day) {
	}

	private AtomFeed() {
	}

	/**
	 * @param self the feed's own URL, also its id
	 * @param page the HTML page of what the feed follows
	 * @param author who publishes it (the municipality)
	 */
	static String write(String language, String self, String page, String title, String author, List<Entry> entries) {
		StringWriter out = new StringWriter();
		try {
			XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeStartElement("feed");
			xml.writeDefaultNamespace(NAMESPACE);
			xml.writeAttribute("xml:lang", language);
			text(xml, "id", self);
			text(xml, "title", title);
			text(xml, "updated", time(entries.isEmpty() ? null : entries.get(0).day()));
			link(xml, "self", "application/atom+xml", self);
			link(xml, "alternate", "text/html", page);
			xml.writeStartElement("author");
			text(xml, "name", author);
			xml.writeEndElement();
			for (Entry entry : entries) {
				xml.writeStartElement("entry");
				text(xml, "id", entry.id());
				text(xml, "title", entry.title());
				text(xml, "updated", time(entry.day()));
				link(xml, "alternate", "text/html", entry.link());
				if (entry.summary() != null && !entry.summary().isBlank()) {
					text(xml, "summary", entry.summary());
				}
				xml.writeEndElement();
			}
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("Could not write the feed", ex);
		}
		return out.toString();
	}

	// A day as the start of it in Swedish time; a feed with nothing in it is as new as the day it is read.
	private static String time(LocalDate day) {
		OffsetDateTime time = (day == null ? LocalDate.now(SWEDEN) : day).atStartOfDay(SWEDEN).toOffsetDateTime();
		return time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}

	private static void text(XMLStreamWriter xml, String element, String text) throws XMLStreamException {
		xml.writeStartElement(element);
		xml.writeCharacters(NOT_XML.matcher(text).replaceAll(""));
		xml.writeEndElement();
	}

	private static void link(XMLStreamWriter xml, String rel, String type, String href) throws XMLStreamException {
		xml.writeEmptyElement("link");
		xml.writeAttribute("rel", rel);
		xml.writeAttribute("type", type);
		xml.writeAttribute("href", href);
	}

}
