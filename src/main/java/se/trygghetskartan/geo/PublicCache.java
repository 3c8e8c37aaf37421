package se.trygghetskartan.geo;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import se.trygghetskartan.history.HistoryService;
import se.trygghetskartan.security.CurrentUser;
import se.trygghetskartan.system.DataVersions;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Caching of public answers, in one place: an answer the public gets (the anonymous lists, the
 * tiles) carries a weak ETag named by the versions of the data it is built from
 * ({@link DataVersions}: one primary-key lookup, never a hash of the body) and may be kept a short
 * while by browsers and proxies; a request whose ETag still holds gets 304 before the answer is
 * built. What a signed-in user gets (drafts, staff names) is {@code no-store}. Weak ETags because
 * Tomcat leaves strong ones uncompressed, and the same data gzipped or not is the same answer.
 */
@Component
public class PublicCache {

	/**
	 * How long a browser or proxy may use a public answer without asking: a minute. A change then
	 * shows everywhere within a minute, which is soon enough for what residents follow (measures
	 * planned and done over weeks), while a map panned back and forth, or a proxy in front of many
	 * residents, asks for each tile or view at most once a minute; after that, asking costs one
	 * lookup and a 304.
	 */
	public static final Duration MAX_AGE = Duration.ofSeconds(60);

	static final CacheControl PUBLIC = CacheControl.maxAge(MAX_AGE).cachePublic();

	/**
	 * The lists of places, measures, districts and activities the public pages read: a browser asks
	 * again each time (a 304 of a few bytes while nothing changed), so that a resident who reloads
	 * sees what a planner has just published; a shared cache (a proxy, a CDN) may keep them a minute.
	 */
	static final CacheControl LISTS = CacheControl.maxAge(Duration.ZERO).mustRevalidate().cachePublic().sMaxAge(MAX_AGE);

	// A signed-in reader's answer holds drafts and names: kept nowhere, not even by the browser.
	static final CacheControl PRIVATE = CacheControl.noStore();

	/**
	 * What besides the URL decides a list's answer: whether and as whom the reader is signed in (a
	 * session cookie, or HTTP Basic or a token). The lists are not in any language.
	 */
	private static final String[] BY_READER = { HttpHeaders.COOKIE, HttpHeaders.AUTHORIZATION };

	private final DataVersions versions;

	PublicCache(DataVersions versions) {
		this.versions = versions;
	}

	/**
	 * A GeoJSON list built from the history's items (places, measures, districts, activities): public
	 * and cached for the public, {@code no-store} for staff.
	 */
	public ResponseEntity<String> features(Supplier<String> body) {
		return geoJson(List.of(HistoryService.DATA_VERSION), "", body);
	}

	/**
	 * A GeoJSON answer built from the data {@code dataVersions} name; {@code variant} is whatever else
	 * decides it that the URL does not say (empty when nothing does).
	 */
	public ResponseEntity<String> geoJson(List<String> dataVersions, String variant, Supplier<String> body) {
		if (CurrentUser.isStaff()) {
			return ResponseEntity.ok().cacheControl(PRIVATE).varyBy(BY_READER).contentType(GeoJsonResponses.GEO_JSON)
				.body(body.get());
		}
		return answer(LISTS, dataVersions, variant, GeoJsonResponses.GEO_JSON, body, BY_READER);
	}

	/**
	 * An answer that is the same for everyone, signed in or not (a tile holds published items and
	 * public attributes only): public, cached and revalidated by its data's versions.
	 */
	public <T> ResponseEntity<T> forEveryone(List<String> dataVersions, String variant, MediaType type,
			Supplier<T> body) {
		return answer(PUBLIC, dataVersions, variant, type, body);
	}

	private <T> ResponseEntity<T> answer(CacheControl kept, List<String> dataVersions, String variant, MediaType type,
			Supplier<T> body, String... vary) {
		String etag = etag(dataVersions, variant);
		// Spring's comparison (weak, lists, *), without its side effects on the response: the answer
		// below sets status and headers.
		ServletRequestAttributes current = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
		if (new ServletWebRequest(current.getRequest()).checkNotModified(etag)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(kept).varyBy(vary).build();
		}
		return ResponseEntity.ok().eTag(etag).cacheControl(kept).varyBy(vary).contentType(type).body(body.get());
	}

	// W/"history12.incident3" (and -variant): the versions read before the answer is built, so the
	// answer is never older than its tag says.
	String etag(List<String> dataVersions, String variant) {
		String named = versions.current(dataVersions)
			.entrySet()
			.stream()
			.map(version -> version.getKey() + version.getValue())
			.collect(Collectors.joining("."));
		String safe = variant.matches("[A-Za-z0-9._-]*") ? variant : Integer.toHexString(variant.hashCode());
		return "W/\"" + named + (safe.isEmpty() ? "" : "-" + safe) + "\"";
	}

}
