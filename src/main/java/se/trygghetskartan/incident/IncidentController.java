package se.trygghetskartan.incident;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import se.trygghetskartan.geo.BoundingBox;
import se.trygghetskartan.geo.ClusterGrid;
import se.trygghetskartan.geo.FeatureLayer;
import se.trygghetskartan.geo.FeatureSource;
import se.trygghetskartan.geo.GeoJsonResponses;
import se.trygghetskartan.geo.Paging;
import se.trygghetskartan.geo.PublicCache;
import se.trygghetskartan.security.CurrentUser;
import se.trygghetskartan.system.Codes;
import se.trygghetskartan.system.InvalidRequestException;
import se.trygghetskartan.system.Messages;
import se.trygghetskartan.system.RequestError;
import se.trygghetskartan.system.TextLines;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static se.trygghetskartan.geo.GeoJsonResponses.GEO_JSON_VALUE;
import static se.trygghetskartan.geo.GeoJsonResponses.geoJson;

@RestController
class IncidentController implements FeatureLayer {

	/**
	 * The public gets one window. Nested windows (6 within 12 within 24 months, all ending at the
	 * completion date) can be subtracted: 12 months minus 6 is a half-year nobody published. With
	 * every figure rounded that only narrows it to a range (EvaluationPrivacyIT's attacker pins
	 * nothing even with all three windows), but 0 for 6 months beside "fewer than 5" for 12 still
	 * says that the half-year before held 1–4, which no published figure says. Windows derived as
	 * sums of published half-years would close that, but one withheld half-year would blank the whole
	 * sum, which in a 100 m buffer is most of them. Residents ask whether it got better in the year
	 * after; one window of 12 months answers that. Staff see exact counts for any window anyway.
	 */
	private static final int PUBLIC_MONTHS = 12;

	private static final int PUBLIC_BUFFER = 100;

	/** What the public incident figures are built from. */
	private static final List<String> PUBLIC_INCIDENTS = List.of(IncidentStore.DATA_VERSION);

	private final IncidentService incidents;

	private final IncidentImporter importer;

	private final IncidentImports imports;

	private final IncidentSources sources;

	private final JsonMapper json;

	private final Paging paging;

	private final PublicCache cache;

	IncidentController(IncidentService incidents, IncidentImporter importer, IncidentImports imports,
			IncidentSources sources, JsonMapper json, Paging paging, PublicCache cache) {
		this.paging = paging;
		this.cache = cache;
		this.incidents = incidents;
		this.importer = importer;
		this.imports = imports;
		this.sources = sources;
		this.json = json;
	}

	/**
	 * Public: counts per grid square, as the privacy rule allows, of a municipality (its slug; the
	 * default one when absent), over it all or the squares that meet {@code bbox}.
	 */
	@GetMapping(path = "/api/incident-statistics", produces = { GEO_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<String> statistics(@RequestParam(required = false) Integer year,
			@RequestParam(required = false) Integer month, @RequestParam(required = false) String category,
			@RequestParam(required = false) String bbox) {
		PublicFigures figures = PublicFigures.of(year, month, category);
		BoundingBox box = BoundingBox.parse(bbox);
		// The same counts for everyone. Without a year: the latest with incidents (the data's version
		// names it), or this year when there are none.
		int thisYear = LocalDate.now().getYear();
		return cache.forEveryone(PUBLIC_INCIDENTS, year == null ? "y" + thisYear : "", GeoJsonResponses.GEO_JSON, () -> {
			List<Integer> years = incidents.years();
			int chosen = year != null ? year : years.isEmpty() ? thisYear : years.get(0);
			return incidents.statistics(chosen, figures.month(), figures.category(), box);
		});
	}

	@GetMapping(path = "/api/incident-statistics/years", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<List<Integer>> years() {
		return cache.forEveryone(PUBLIC_INCIDENTS, "", MediaType.APPLICATION_JSON, incidents::years);
	}

	/** Exact incidents, for the police and planners only (see the security configuration). */
	@GetMapping(path = "/api/incidents", produces = { GEO_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<String> exact(@RequestParam(required = false) String bbox,
			@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
			@RequestParam(required = false) String category, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) Long offset) {
		return geoJson(ResponseEntity.ok(), incidents.exact(BoundingBox.parse(bbox), from, to,
				category == null ? null : Codes.parameter(IncidentCategory.class, "category", category),
				paging.of(limit, offset)));
	}

	@Override
	public String layer() {
		return "incidents";
	}

	/** Exact incidents the list's parameters select, for a file (police, planners). */
	@Override
	public FeatureSource exported(MultiValueMap<String, String> parameters) {
		String category = FeatureLayer.text(parameters, "category");
		return incidents.exported(BoundingBox.parse(FeatureLayer.text(parameters, "bbox")),
				FeatureLayer.date(parameters, "from"), FeatureLayer.date(parameters, "to"),
				category == null ? null : Codes.parameter(IncidentCategory.class, "category", category));
	}

	/** How many exact incidents lie in each cell of the map's grid at this zoom, over the view (police, planners). */
	@GetMapping(path = "/api/incidents/clusters", produces = { GEO_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<String> exactClusters(@RequestParam(required = false) String bbox,
			@RequestParam(required = false) Double zoom, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to, @RequestParam(required = false) String category) {
		return geoJson(ResponseEntity.ok(), incidents.clusters(ClusterGrid.of(BoundingBox.parse(bbox), zoom), from, to,
				category == null ? null : Codes.parameter(IncidentCategory.class, "category", category)));
	}

	@GetMapping(path = "/api/incident-hotspots", produces = { GEO_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<String> hotspots(@RequestParam LocalDate from, @RequestParam LocalDate to,
			@RequestParam(required = false) String category, @RequestParam(defaultValue = "10") int limit) {
		if (to.isBefore(from)) {
			throw InvalidRequestException.parameter("to", RequestError.ENDS_BEFORE_START, "start", from.toString());
		}
		if (limit < 1 || limit > 100) {
			throw InvalidRequestException.parameter("limit", RequestError.OUT_OF_RANGE, "min", 1, "max", 100);
		}
		return geoJson(ResponseEntity.ok(), incidents.hotspots(from, to,
				category == null ? null : Codes.parameter(IncidentCategory.class, "category", category), limit));
	}

	/** Before and after a measure; the public sees only what the privacy rule allows. */
	@GetMapping(path = "/api/measures/{id}/evaluation", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> evaluation(@PathVariable long id, @RequestParam(defaultValue = "12") int months,
			@RequestParam(defaultValue = "100") int buffer, @RequestParam(required = false) List<String> category) {
		if (months < 1 || months > 60) {
			throw InvalidRequestException.parameter("months", RequestError.OUT_OF_RANGE, "min", 1, "max", 60);
		}
		if (buffer < 0 || buffer > 2000) {
			throw InvalidRequestException.parameter("buffer", RequestError.OUT_OF_RANGE, "min", 0, "max", 2000);
		}
		List<IncidentCategory> categories = category == null ? List.of()
				: category.stream().map(c -> Codes.parameter(IncidentCategory.class, "category", c)).toList();
		incidents.enterMeasure(id);
		boolean exact = CurrentUser.seesIncidents();
		// The public gets one fixed window, the fixed buffer and all categories: nested windows, rings
		// of buffers or single categories could otherwise be subtracted to small counts.
		if (!exact && months != PUBLIC_MONTHS) {
			throw InvalidRequestException.parameter("months", IncidentError.PUBLIC_MONTHS, "months", PUBLIC_MONTHS);
		}
		if (!exact && (buffer != PUBLIC_BUFFER || !categories.isEmpty())) {
			throw InvalidRequestException.parameter(buffer != PUBLIC_BUFFER ? "buffer" : "category",
					IncidentError.PUBLIC_BUFFER, "buffer", PUBLIC_BUFFER);
		}
		return incidents.evaluation(id, months, buffer, categories, exact).toMap(json);
	}

	/**
	 * Starts an import of a CSV file sent as the body, read in the charset its byte order mark, its
	 * Content-Type or the {@code charset} parameter names (else UTF-8). It runs in the background; the
	 * answer's Location shows its progress. With {@code wait=true} the answer comes when it is done.
	 */
	@PostMapping(path = "/api/incident-imports", consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE },
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> startImport(HttpServletRequest request, @RequestParam String source,
			@RequestParam(defaultValue = "false") boolean wait, @RequestParam(required = false) String charset)
			throws IOException {
		if (source.isBlank()) {
			throw InvalidRequestException.parameter("source", RequestError.REQUIRED);
		}
		if (source.length() > 100) {
			throw InvalidRequestException.parameter("source", RequestError.TOO_LONG, "max", 100);
		}
		String slug = sources.resolve(source);
		long id;
		try (InputStream body = request.getInputStream()) {
			id = importer.start(body, TextLines.declared(request.getHeader(HttpHeaders.CONTENT_TYPE), charset), slug,
					wait);
		}
		if (wait) {
			return report(ResponseEntity.ok()).body(imports.status(id));
		}
		return report(ResponseEntity.accepted().location(URI.create("/api/incident-imports/" + id))).body(imports.status(id));
	}

	// An import's report says why lines were rejected, in the request's language: it says which.
	private static ResponseEntity.BodyBuilder report(ResponseEntity.BodyBuilder answer) {
		return answer.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_LANGUAGE, Messages.current().toLanguageTag());
	}

	/** The latest imports, newest first: the police see their own, planners all. */
	@GetMapping(path = "/api/incident-imports", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> recentImports(@RequestParam(defaultValue = "20") int limit) {
		if (limit < 1 || limit > 200) {
			throw InvalidRequestException.parameter("limit", RequestError.OUT_OF_RANGE, "min", 1, "max", 200);
		}
		return report(ResponseEntity.ok()).body(imports.recent(limit));
	}

	/** The sources an import may name (the police and planners). */
	@GetMapping(path = "/api/incident-sources", produces = MediaType.APPLICATION_JSON_VALUE)
	String incidentSources() {
		return sources.list();
	}

	/** Adds a source to the list (planners and admins). */
	@PostMapping(path = "/api/incident-sources", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, String>> addIncidentSource(@RequestBody JsonNode body) {
		Map<String, String> created = sources.create(body, IncidentImports.user());
		return ResponseEntity.created(URI.create("/api/incident-sources")).body(created);
	}

	/** An import's progress and report: the police see their own imports, planners all. */
	@GetMapping(path = "/api/incident-imports/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> importStatus(@PathVariable long id) {
		return report(ResponseEntity.ok()).body(imports.status(id));
	}

	/** Undoes an import: it and every incident it added are removed. */
	@DeleteMapping("/api/incident-imports/{id}")
	ResponseEntity<Void> undoImport(@PathVariable long id) {
		imports.undo(id);
		return ResponseEntity.noContent().build();
	}

}
