package se.trygghetskartan.notification;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import se.trygghetskartan.geo.PublicCache;
import se.trygghetskartan.history.HistoryService;
import se.trygghetskartan.municipality.Municipalities;
import se.trygghetskartan.municipality.MunicipalitySettings;
import se.trygghetskartan.notification.FeedService.District;
import se.trygghetskartan.system.Messages;
import se.trygghetskartan.system.NotFoundException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The Atom feeds: {@code /api/feed.atom} of the whole municipality ({@code municipality=slug}) and
 * {@code /api/neighbourhoods/{slug}/feed.atom} of one district, in the reader's language, public and
 * revalidated by the history's data version like the lists.
 */
@RestController
class FeedController {

	static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

	private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

	private final FeedService feeds;

	private final Municipalities municipalities;

	private final Messages messages;

	private final PublicCache cache;

	FeedController(FeedService feeds, Municipalities municipalities, Messages messages, PublicCache cache) {
		this.feeds = feeds;
		this.municipalities = municipalities;
		this.messages = messages;
		this.cache = cache;
	}

	@GetMapping("/api/feed.atom")
	ResponseEntity<String> municipality() {
		MunicipalitySettings municipality = municipalities.current();
		return feed(municipality, null);
	}

	@GetMapping("/api/neighbourhoods/{slug}/feed.atom")
	ResponseEntity<String> district(@PathVariable String slug) {
		MunicipalitySettings municipality = municipalities.current();
		District district = feeds.district(municipality.id(), slug)
			.orElseThrow(() -> new NotFoundException("neighbourhood", slug));
		return feed(municipality, new Named(slug, district));
	}

	private record Named(String slug, District district) {
	}

	private ResponseEntity<String> feed(MunicipalitySettings municipality, Named district) {
		Locale language = Messages.current();
		// And the day: what is dated today shows today, though no data changed overnight.
		String variant = municipality.slug() + "-" + (district == null ? "" : district.slug()) + "-" + language.getLanguage()
				+ "-" + LocalDate.now(SWEDEN);
		ResponseEntity<String> answer = cache.forEveryone(List.of(HistoryService.DATA_VERSION), variant, ATOM,
				() -> atom(municipality, district, language));
		// The same address answers in the reader's language.
		HttpHeaders headers = HttpHeaders.copyOf(answer.getHeaders());
		headers.set(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
		return ResponseEntity.status(answer.getStatusCode()).headers(headers).body(answer.getBody());
	}

	private String atom(MunicipalitySettings municipality, Named district, Locale language) {
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
		String pages = base + "/" + municipality.slug() + "/";
		String query = "?municipality=" + municipality.slug();
		String self = district == null ? base + "/api/feed.atom" + query
				: base + "/api/neighbourhoods/" + encoded(district.slug()) + "/feed.atom" + query;
		String page = district == null ? pages : pages + "?omrade=" + encoded(district.slug());
		String title = district == null
				? messages.text("feed.title.municipality", Map.of("municipality", municipality.name()), language)
				: messages.text("feed.title.district",
						Map.of("municipality", municipality.name(), "district", district.district().name()), language);
		List<AtomFeed.Entry> entries = feeds.entries(municipality.id(), district == null ? null : district.district().id())
			.stream()
			.map(entry -> entry(entry, pages, language))
			.toList();
		return AtomFeed.write(language.getLanguage(), self, page, title, municipality.name(), entries);
	}

	private AtomFeed.Entry entry(FeedEntry entry, String pages, Locale language) {
		String link = pages + entry.path();
		String title = messages.text(entry.messageKey(), Map.of("title", entry.title()), language);
		// The id is the page's address with the entry's key as its fragment (a link may have a fragment of its own).
		String id = (link.contains("#") ? link.substring(0, link.indexOf('#')) : link) + "#" + entry.key();
		return new AtomFeed.Entry(id, title, link, entry.summary(), entry.day());
	}

	private static String encoded(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
