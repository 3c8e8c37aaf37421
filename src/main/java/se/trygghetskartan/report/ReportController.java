package se.trygghetskartan.report;

import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.locationtech.jts.geom.Geometry;
import se.trygghetskartan.geo.FeatureBody;
import se.trygghetskartan.geo.GeometryKind;
import se.trygghetskartan.geo.GeometryService;
import se.trygghetskartan.geo.Page;
import se.trygghetskartan.geo.Paging;
import se.trygghetskartan.place.PlaceReason;
import se.trygghetskartan.system.Codes;
import se.trygghetskartan.system.ETags;
import se.trygghetskartan.system.InvalidRequestException;
import se.trygghetskartan.system.RequestError;
import tools.jackson.databind.JsonNode;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Residents send reports and voices (anonymously) and follow a report by its private link; planners
 * moderate their municipality's reports. The client's address is the connection's, or what a trusted
 * proxy says it is (TrustedProxies).
 */
@RestController
class ReportController {

	private static final String REPORTS = "/api/reports";

	/** Where a reporter follows a report (the page module serves it), the report's private token after it. */
	private static final String FOLLOW_PAGE = "/tips";

	private final ReportService reports;

	private final GeometryService geometries;

	private final Paging paging;

	private final ReportMail mail;

	ReportController(ReportService reports, GeometryService geometries, Paging paging, ReportMail mail) {
		this.mail = mail;
		this.reports = reports;
		this.geometries = geometries;
		this.paging = paging;
	}

	@PostMapping(path = REPORTS, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, String>> send(@RequestBody JsonNode body, HttpServletRequest request) {
		ReportService.Receipt receipt = reports.send(body, request.getRemoteAddr());
		// The link opens a page a person reads (FollowPage); its JSON stays under /api/reports/follow/.
		String follow = ServletUriComponentsBuilder.fromContextPath(request)
			.path(FOLLOW_PAGE + "/{token}")
			.buildAndExpand(receipt.token())
			.toUri()
			.getRawPath();
		return ResponseEntity.status(HttpStatus.CREATED)
			.cacheControl(CacheControl.noStore())
			.body(Map.of("number", receipt.number(), "followUrl", follow));
	}

	// The link in a reporter's messages about measures, also RFC 8058's one-click POST of a mail program.
	@PostMapping(REPORTS + "/updates/unsubscribe")
	ResponseEntity<Void> stopUpdates(@RequestParam String token) {
		mail.stopUpdates(token);
		return ResponseEntity.noContent().cacheControl(CacheControl.noStore()).build();
	}

	@GetMapping(path = REPORTS + "/follow/{token}", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> follow(@PathVariable String token) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(reports.follow(token));
	}

	/** Counts only: the reports of this calendar year in the municipality or district, and how many are handled. */
	@GetMapping(path = REPORTS + "/summary", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> summary(@RequestParam(required = false) String neighbourhood) {
		return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(reports.summary(neighbourhood));
	}

	@GetMapping(path = REPORTS + "/nearby", produces = { "application/geo+json", MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<String> nearby(@RequestParam double lon, @RequestParam double lat) {
		requireRange("lon", lon, 180);
		requireRange("lat", lat, 90);
		return ResponseEntity.ok().contentType(MediaType.valueOf("application/geo+json")).body(reports.nearbyPlaces(lon, lat));
	}

	/**
	 * A resident's voice added to a published place (“reported by N residents”); 204 either way. A JSON
	 * body ({@code {}} will do) is required: a form or an empty POST another site's page could make its
	 * visitors' browsers send without asking is refused (415), and a cross-site JSON POST needs a
	 * preflight this app never grants.
	 */
	@PostMapping(path = "/api/places/{id}/voices", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Void> voice(@PathVariable long id, @RequestBody JsonNode body, HttpServletRequest request) {
		FeatureBody.Fields fields = FeatureBody.plain(body, geometries).properties();
		boolean honeypot = fields.honeypot();
		reports.addVoice(id, honeypot, request.getRemoteAddr());
		return ResponseEntity.noContent().build();
	}

	@GetMapping(path = REPORTS, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> queue(@RequestParam(required = false) String status,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) Long offset) {
		Page page = paging.of(limit == null ? 50 : limit, offset);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(reports.queue(status == null ? null : Codes.parameter(ReportStatus.class, "status", status),
					page.limit(), page.offset()));
	}

	@GetMapping(path = REPORTS + "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> get(@PathVariable long id) {
		reports.enter(id);
		return answer(reports.find(id));
	}

	/** The places (drafts too) within 50 m of the report's pin: what its planners may merge it into. */
	@GetMapping(path = REPORTS + "/{id}/places", produces = { "application/geo+json", MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<String> placesNear(@PathVariable long id) {
		reports.enter(id);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.contentType(MediaType.valueOf("application/geo+json"))
			.body(reports.placesNear(id));
	}

	@PostMapping(path = REPORTS + "/{id}/approve", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> approve(@PathVariable long id, @RequestBody JsonNode body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return moderate(id, body, (action, note) -> {
			String name = action.properties().text("name", true, 200);
			Geometry geometry = action.geometry("geometry", GeometryKind.ANY_SIMPLE, false);
			Set<PlaceReason> reasons = action.properties().has("reasons")
					? action.properties().codes(PlaceReason.class, "reasons") : Set.of();
			return () -> reports.approve(id, name, geometry, reasons, note, ifMatch);
		});
	}

	@PostMapping(path = REPORTS + "/{id}/merge", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> merge(@PathVariable long id, @RequestBody JsonNode body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return moderate(id, body, (action, note) -> {
			Long placeId = action.properties().reference("placeId");
			return () -> reports.merge(id, placeId, note, ifMatch);
		});
	}

	@PostMapping(path = REPORTS + "/{id}/reject", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> reject(@PathVariable long id, @RequestBody JsonNode body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return moderate(id, body, (action, note) -> {
			Rejection reason = action.properties().code(Rejection.class, "reason", null);
			return () -> reports.reject(id, reason, note, ifMatch);
		});
	}

	/** The text with personal data taken out; the original stays in the history. */
	@PutMapping(path = REPORTS + "/{id}/text", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> editText(@PathVariable long id, @RequestBody JsonNode body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return moderate(id, body, (action, note) -> {
			String text = action.properties().text("text", false, ReportSubmission.MAX_TEXT);
			return () -> reports.editText(id, text, note, ifMatch);
		});
	}

	/**
	 * One moderation of report {@code id}: in its municipality, the body read field by field with the
	 * planner's {@code note} (why, kept in the history), a 422 for all that is wrong, then the action.
	 */
	private ResponseEntity<String> moderate(long id, JsonNode body,
			BiFunction<FeatureBody, String, Supplier<StoredReport>> reading) {
		reports.enter(id);
		FeatureBody action = FeatureBody.plain(body, geometries);
		Supplier<StoredReport> act = reading.apply(action, action.properties().text("note", false, 2000));
		action.throwIfInvalid();
		return answer(act.get());
	}

	private static void requireRange(String name, double value, double max) {
		if (!Double.isFinite(value) || value < -max || value > max) {
			throw InvalidRequestException.parameter(name, RequestError.OUT_OF_RANGE, "min", -max, "max", max);
		}
	}

	private static ResponseEntity<String> answer(StoredReport report) {
		return ResponseEntity.ok()
			.eTag(ETags.of(report.version()))
			.cacheControl(CacheControl.noStore())
			.contentType(MediaType.APPLICATION_JSON)
			.body(report.json());
	}

}
