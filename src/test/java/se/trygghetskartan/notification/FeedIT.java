package se.trygghetskartan.notification;

import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import se.trygghetskartan.ApiClient.Response;
import se.trygghetskartan.ApiTest;
import se.trygghetskartan.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resident follows a district, or the whole municipality, in a feed reader: what the planners
 * publish there comes as Atom entries, newest first; drafts and other districts' news do not.
 */
@IntegrationTest
class FeedIT extends ApiTest {

	static final String ATOM = "http://www.w3.org/2005/Atom";

	// A point inside Nävertorp.
	static final String IN_NAVERTORP = "{\"type\":\"Point\",\"coordinates\":[16.2307,58.9979]}";

	String measure(String title, boolean published) {
		Response created = planner.post("/api/measures", """
				{"type":"Feature","geometry":%s,"properties":{"title":"%s","type":"lighting","owner":"municipality",
				"status":"planned","published":%s,"statusNote":"Lampor <b>&</b> stolpar","placeIds":[]}}"""
			.formatted(IN_NAVERTORP, title, published));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.header("Location");
	}

	record Entry(String id, String title, String link, String summary, OffsetDateTime updated) {
	}

	static Document atom(Response response) throws Exception {
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.header("Content-Type")).startsWith("application/atom+xml");
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		return factory.newDocumentBuilder().parse(new InputSource(new StringReader(response.body())));
	}

	// Every entry with the elements RFC 4287 requires of it (the feed's author stands for theirs).
	static List<Entry> entries(Document feed) {
		Element root = feed.getDocumentElement();
		assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
		assertThat(root.getLocalName()).isEqualTo("feed");
		for (String required : List.of("id", "title", "updated", "author")) {
			assertThat(root.getElementsByTagNameNS(ATOM, required).getLength()).as(required).isPositive();
		}
		List<Entry> entries = new ArrayList<>();
		NodeList nodes = root.getElementsByTagNameNS(ATOM, "entry");
		for (int i = 0; i < nodes.getLength(); i++) {
			Element entry = (Element) nodes.item(i);
			NodeList summary = entry.getElementsByTagNameNS(ATOM, "summary");
			entries.add(new Entry(text(entry, "id"), text(entry, "title"),
					((Element) entry.getElementsByTagNameNS(ATOM, "link").item(0)).getAttribute("href"),
					summary.getLength() == 0 ? null : summary.item(0).getTextContent(),
					OffsetDateTime.parse(text(entry, "updated"))));
		}
		return entries;
	}

	static String text(Element parent, String name) {
		return parent.getElementsByTagNameNS(ATOM, name).item(0).getTextContent();
	}

	@Test
	void aDistrictsFeedHoldsItsPublishedNewsNewestFirstAndNotOtherDistrictsNorDrafts() throws Exception {
		String published = measure("Flödesljus vid lekplatsen", true);
		String draft = measure("Hemlig lampa", false);

		List<Entry> navertorp = entries(atom(anonymous.get("/api/neighbourhoods/navertorp/feed.atom")));
		List<Entry> norr = entries(atom(anonymous.get("/api/neighbourhoods/norr/feed.atom")));

		Entry news = navertorp.stream().filter(e -> e.title().equals("Planerad åtgärd: Flödesljus vid lekplatsen"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("not in Nävertorp's feed: " + navertorp));
		String id = published.substring(published.lastIndexOf('/') + 1);
		assertThat(news.link()).endsWith("/katrineholm/?atgard=" + id);
		assertThat(news.summary()).as("text, escaped by XML").isEqualTo("Lampor <b>&</b> stolpar");
		assertThat(navertorp).extracting(Entry::title).noneMatch(title -> title.contains("Hemlig lampa"));
		assertThat(norr).extracting(Entry::title).noneMatch(title -> title.contains("Flödesljus vid lekplatsen"));
		assertThat(navertorp).extracting(Entry::updated)
			.isSortedAccordingTo((a, b) -> b.compareTo(a));
		assertThat(navertorp).extracting(Entry::id).doesNotHaveDuplicates();
		assertThat(navertorp).as("the demo's walk in Nävertorp").anyMatch(e -> e.title().startsWith("Trygghetsvandring: "));

		planner.delete(published, planner.get(published).header("ETag"));
		planner.delete(draft, planner.get(draft).header("ETag"));
		assertThat(entries(atom(anonymous.get("/api/neighbourhoods/navertorp/feed.atom")))).extracting(Entry::title)
			.as("a deleted measure leaves the feed").noneMatch(title -> title.contains("Flödesljus vid lekplatsen"));
	}

	@Test
	void theMunicipalitysFeedSpeaksTheReadersLanguageAndIsRevalidatedByItsTag() throws Exception {
		Response swedish = anonymous.get("/api/feed.atom?municipality=flen");
		Document feed = atom(swedish);
		assertThat(text(feed.getDocumentElement(), "title")).isEqualTo("Flen: vad som händer för tryggheten");
		assertThat(entries(feed)).extracting(Entry::link).allMatch(link -> link.contains("/flen/"));

		Document english = atom(anonymous.language("en").get("/api/feed.atom?municipality=flen"));
		assertThat(text(english.getDocumentElement(), "title")).isEqualTo("Flen: what is done for safety");
		assertThat(swedish.header("Vary")).contains("Accept-Language");

		Response again = anonymous.send(anonymous.request("/api/feed.atom?municipality=flen")
			.header("If-None-Match", swedish.header("ETag")).GET());
		assertThat(again.status()).isEqualTo(304);
	}

	@Test
	void aTitleWithACharacterXmlCannotHoldLeavesTheFeedReadable() throws Exception {
		String location = measure("Lampa\\u0001 vid bron", true);
		try {
			assertThat(entries(atom(anonymous.get("/api/neighbourhoods/navertorp/feed.atom")))).extracting(Entry::title)
				.contains("Planerad åtgärd: Lampa vid bron");
		}
		finally {
			planner.delete(location, planner.get(location).header("ETag"));
		}
	}

	@Test
	void aPromiseMadeIsItsDistrictsAndMunicipalitysNewsAndNotOtherDistricts() throws Exception {
		Response promise = planner.post("/api/promises", """
				{"periodStart":2026,"party":"joint","title":"Tryggare Nävertorp 2026","focusNeighbourhoods":["navertorp"]}""",
				"application/json");
		assertThat(promise.status()).as(promise.toString()).isEqualTo(201);
		long id = promise.json().get("id").longValue();
		try {
			Entry news = entries(atom(anonymous.get("/api/neighbourhoods/navertorp/feed.atom"))).stream()
				.filter(e -> e.title().equals("Medborgarlöfte publicerat: Tryggare Nävertorp 2026"))
				.findFirst()
				.orElseThrow(() -> new AssertionError("not in Nävertorp's feed"));
			assertThat(news.link()).endsWith("/katrineholm/uppfoljning#promise-" + id);
			assertThat(news.id()).endsWith("/katrineholm/uppfoljning#promise-" + id).containsOnlyOnce("#");
			assertThat(entries(atom(anonymous.get("/api/feed.atom")))).extracting(Entry::title)
				.contains("Medborgarlöfte publicerat: Tryggare Nävertorp 2026");
			assertThat(entries(atom(anonymous.get("/api/neighbourhoods/norr/feed.atom")))).extracting(Entry::title)
				.doesNotContain("Medborgarlöfte publicerat: Tryggare Nävertorp 2026");
		}
		finally {
			planner.delete("/api/promises/" + id, planner.get("/api/promises/" + id).header("ETag"));
		}
	}

	@Test
	void anUnknownDistrictHasNoFeed() {
		Response response = anonymous.get("/api/neighbourhoods/ingenstans/feed.atom");
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
	}

}
