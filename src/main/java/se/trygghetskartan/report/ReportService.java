package se.trygghetskartan.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import se.trygghetskartan.account.Role;
import se.trygghetskartan.geo.GeometryService;
import se.trygghetskartan.history.ChangeAction;
import se.trygghetskartan.history.HistoryService;
import se.trygghetskartan.municipality.Municipalities;
import se.trygghetskartan.municipality.MunicipalityResource;
import se.trygghetskartan.neighbourhood.NeighbourhoodService;
import se.trygghetskartan.place.PlaceDraft;
import se.trygghetskartan.place.PlaceReason;
import se.trygghetskartan.place.PlaceService;
import se.trygghetskartan.place.PlaceSource;
import se.trygghetskartan.place.PlaceStatus;
import se.trygghetskartan.system.Codes;
import se.trygghetskartan.system.InvalidRequestException;
import se.trygghetskartan.system.NotFoundException;
import se.trygghetskartan.system.RequestError;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Residents' reports: sent by anyone (counted per address), followed by a private link, and
 * moderated by the planners of the report's municipality under If-Match, every action recorded in
 * the history with who and why. A report is public only as what it became: a place.
 */
@Service
@Transactional(readOnly = true)
public class ReportService extends MunicipalityResource<Report, ReportSubmission, StoredReport> {

	static final String SUBJECT = "report";

	/** How near (metres) a published place or another report must lie to be offered or hinted at. */
	static final double NEARBY_METRES = 50;

	private static final SecureRandom RANDOM = new SecureRandom();

	static final String NUMBER = "'R-' || to_char(r.created_at AT TIME ZONE 'Europe/Stockholm', 'YYYY') || '-' || lpad(r.id::text, 6, '0')";

	// What planners see of a report: everything the resident sent but the e-mail address (only whether
	// there is one), and the history keeps the same.
	private static final String REPORT = """
			json_build_object(
			  'id', r.id,
			  'number', %s,
			  'status', r.status,
			  'rejection', r.rejection,
			  'placeId', r.place_id,
			  'location', ST_AsGeoJSON(r.geom, 7)::json,
			  'neighbourhood', r.neighbourhood,
			  'place', r.place_words,
			  'reasons', to_json(r.reasons),
			  'when', to_json(r.times),
			  'text', r.text,
			  'hasEmail', r.email IS NOT NULL,
			  'note', r.note,
			  'receivedAt', r.created_at,
			  'closedAt', r.closed_at,
			  'updatedAt', r.updated_at,
			  'updatedBy', r.updated_by,
			  'version', r.version)""".formatted(NUMBER);

	// The queue adds the duplicate hint: other reports still waiting within 50 m.
	private static final String QUEUED = """
			(%s)::jsonb || jsonb_build_object('nearbyReports', (SELECT count(*) FROM report o
			  WHERE o.id <> r.id AND o.status = 'received' AND o.municipality_id = r.municipality_id
			  AND ST_DWithin(o.geom::geography, r.geom::geography, :metres)))""".formatted(REPORT);

	private final JdbcClient jdbc;

	private final HistoryService history;

	private final PlaceService places;

	private final NeighbourhoodService neighbourhoods;

	private final ReportThrottle throttle;

	private final ApplicationEventPublisher events;

	private final GeometryService geometries;

	ReportService(ReportRepository reports, HistoryService history, Municipalities municipalities, JdbcClient jdbc,
			PlaceService places, NeighbourhoodService neighbourhoods, ReportThrottle throttle,
			ApplicationEventPublisher events, GeometryService geometries) {
		// Reports are made by residents through send() and changed by moderation only, never replaced whole.
		super(SUBJECT, reports, submission -> {
			throw new UnsupportedOperationException("a report is sent, not created");
		}, (report, submission) -> {
			throw new UnsupportedOperationException("a report is moderated, not replaced");
		}, history, municipalities);
		this.jdbc = jdbc;
		this.history = history;
		this.places = places;
		this.neighbourhoods = neighbourhoods;
		this.throttle = throttle;
		this.events = events;
		this.geometries = geometries;
	}

	/** A report received: its number and the token of its private follow link. */
	public record Receipt(String number, String token) {
	}

	/**
	 * Reads a report as the API's JSON ({@code location}, {@code reasons}, {@code when}, {@code text},
	 * {@code email}, the honeypot {@code website}…) with every check (422 for what is wrong) and stores
	 * it in the request's municipality, counted against the address's limit (429 past it). A report
	 * with the honeypot filled is answered alike and nothing is stored.
	 */
	@Transactional
	public Receipt send(JsonNode report, String address) {
		return send(ReportSubmission.read(report, geometries), address);
	}

	private Receipt send(ReportSubmission submission, String address) {
		String token = token();
		if (submission.honeypot()) {
			return new Receipt("R-%d-%06d".formatted(java.time.Year.now().getValue(), RANDOM.nextInt(1_000_000)), token);
		}
		if (submission.neighbourhood() != null
				&& neighbourhoods.existing(List.of(submission.neighbourhood())).isEmpty()) {
			throw InvalidRequestException.body("neighbourhood", RequestError.UNKNOWN_DISTRICTS, "ids",
					List.of(submission.neighbourhood()));
		}
		throttle.count(address);
		Geometry location = submission.location();
		long id = jdbc.sql("""
				INSERT INTO report (municipality_id, follow_token_hash, geom, neighbourhood, place_words, reasons, times,
				  text, email, created_at, created_by, updated_at, updated_by, version)
				VALUES (:municipality, :token, ST_GeomFromText(:wkt, 4326), :neighbourhood, :place, CAST(:reasons AS text[]),
				  CAST(:times AS text[]), :text, :email, now(), 'resident', now(), 'resident', 0)
				RETURNING id""")
			.param("municipality", municipalities.currentId())
			.param("token", sha256(token))
			.param("wkt", location == null ? null : location.toText())
			.param("neighbourhood", submission.neighbourhood())
			.param("place", submission.place())
			.param("reasons", codes(submission.reasons()))
			.param("times", codes(submission.when()))
			.param("text", submission.text())
			.param("email", submission.email())
			.query(Long.class)
			.single();
		StoredReport stored = stored(id);
		history.recordAs(HistoryService.RESIDENT, SUBJECT, id, stored.version(), ChangeAction.CREATED, stored.json(),
				municipalities.currentId());
		return new Receipt(number(id), token);
	}

	/**
	 * Adds a resident's voice to a published place instead of a new report, counted against the
	 * address's limit like a report; with the honeypot filled nothing changes, and an address whose
	 * voice the place has already counts once (only the address's keyed hash is kept).
	 */
	@Transactional
	public void addVoice(long placeId, boolean honeypot, String address) {
		if (honeypot) {
			return;
		}
		throttle.count(address);
		int added = jdbc.sql("""
				INSERT INTO report_voice (place_id, address_hash) VALUES (:place, :hash)
				ON CONFLICT (place_id, address_hash) DO NOTHING""")
			.param("place", placeId)
			.param("hash", throttle.addressHash(address))
			.update();
		if (added == 1) {
			places.addResidentVoice(placeId);
		}
	}

	/**
	 * What the reporter's follow link shows: the number, the status, what it became, and the slug of
	 * the municipality whose map shows it; 404 for none.
	 */
	public String follow(String token) {
		String hash = sha256(token);
		long municipality = jdbc.sql("SELECT municipality_id FROM report WHERE follow_token_hash = :token")
			.param("token", hash)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new NotFoundException(SUBJECT, "?"));
		return jdbc.sql("""
				SELECT json_build_object('number', %s, 'status', r.status, 'receivedAt', r.created_at,
				  'closedAt', r.closed_at, 'placeId', CASE WHEN r.status IN ('approved', 'merged') THEN r.place_id END,
				  'rejection', r.rejection, 'municipality', :slug)::text
				FROM report r WHERE r.follow_token_hash = :token""".formatted(NUMBER))
			.param("token", hash)
			.param("slug", municipalities.byId(municipality).slug())
			.query(String.class)
			.single();
	}

	/**
	 * How many reports the municipality (or one district of it) received this calendar year, and how
	 * many of them are handled (approved, merged or rejected): counts only. A report is the district's
	 * when its pin lies in it, or (made without a pin) when the resident chose it.
	 */
	public String summary(String neighbourhood) {
		if (neighbourhood != null && neighbourhoods.existing(List.of(neighbourhood)).isEmpty()) {
			throw new NotFoundException("neighbourhood", neighbourhood);
		}
		return jdbc.sql("""
				SELECT json_build_object('year', extract(year FROM now() AT TIME ZONE 'Europe/Stockholm')::int,
				  'received', count(*), 'handled', count(*) FILTER (WHERE r.status <> 'received'))::text
				FROM report r
				WHERE r.municipality_id = :municipality
				  AND r.created_at >= date_trunc('year', now() AT TIME ZONE 'Europe/Stockholm') AT TIME ZONE 'Europe/Stockholm'
				  AND (CAST(:slug AS text) IS NULL OR (r.geom IS NULL AND r.neighbourhood = :slug)
				    OR EXISTS (SELECT 1 FROM neighbourhood_overview n WHERE n.municipality_id = r.municipality_id
				      AND n.slug = :slug AND ST_Intersects(n.geom, r.geom)))""")
			.param("municipality", municipalities.currentId())
			.param("slug", neighbourhood)
			.query(String.class)
			.single();
	}

	/** The published places near a point, what a resident is offered before sending a report. */
	public String nearbyPlaces(double lon, double lat) {
		return places.near(lon, lat, NEARBY_METRES);
	}

	/**
	 * The current municipality's reports that became published places, as the public may see them
	 * (PublishedReport), the query's newest first.
	 */
	public List<PublishedReport> published(PublishedReport.Query query) {
		return jdbc.sql("""
				SELECT * FROM (
				  SELECT %s AS number, r.reasons, r.created_at, GREATEST(r.updated_at, p.updated_at) AS updated_at,
				    p.status AS place_status, p.description, ST_X(s.point) AS lon, ST_Y(s.point) AS lat,
				    (SELECT n.name FROM neighbourhood_overview n WHERE n.municipality_id = r.municipality_id
				      AND ST_Intersects(n.geom, s.point) ORDER BY n.name LIMIT 1) AS district,
				    p.status = 'resolved' OR EXISTS (SELECT 1 FROM measure_place_link l JOIN measure_overview m ON m.id = l.measure_id
				      WHERE l.place_id = p.id AND m.published AND m.status = 'done')
				      AND NOT EXISTS (SELECT 1 FROM measure_place_link l JOIN measure_overview m ON m.id = l.measure_id
				      WHERE l.place_id = p.id AND m.published AND m.status NOT IN ('done', 'rejected')) AS closed
				  FROM report r
				  JOIN place_overview p ON p.id = r.place_id AND p.published
				  CROSS JOIN LATERAL (SELECT ST_PointOnSurface(p.geom) AS point) s
				  WHERE r.municipality_id = :municipality AND r.status IN ('approved', 'merged')
				    AND (CAST(:numbers AS text[]) IS NOT NULL AND %1$s = ANY(CAST(:numbers AS text[]))
				      OR CAST(:numbers AS text[]) IS NULL
				        AND (cardinality(CAST(:reasons AS text[])) = 0 OR r.reasons && CAST(:reasons AS text[]))
				        AND (CAST(:from AS timestamptz) IS NULL OR r.created_at >= :from)
				        AND (CAST(:to AS timestamptz) IS NULL OR r.created_at < :to))) q
				WHERE CAST(:closed AS boolean) IS NULL OR q.closed = :closed
				ORDER BY q.created_at DESC, q.number DESC LIMIT :limit""".formatted(NUMBER))
			.param("municipality", municipalities.currentId())
			.param("numbers", query.numbers() == null ? null : query.numbers().toArray(String[]::new))
			.param("reasons", query.reasons().toArray(String[]::new))
			.param("from", query.from() == null ? null : Timestamp.from(query.from()))
			.param("to", query.to() == null ? null : Timestamp.from(query.to()))
			.param("closed", query.closed())
			.param("limit", query.limit())
			.query((rs, row) -> new PublishedReport(rs.getString("number"),
					List.of((String[]) rs.getArray("reasons").getArray()), rs.getTimestamp("created_at").toInstant(),
					rs.getTimestamp("updated_at").toInstant(),
					Codes.find(PlaceStatus.class, rs.getString("place_status")).orElseThrow(), rs.getBoolean("closed"),
					rs.getString("description"), rs.getDouble("lon"), rs.getDouble("lat"), rs.getString("district")))
			.list();
	}

	/** The municipality's reports (those with the status, or all), newest first, with their count. */
	public String queue(ReportStatus status, int limit, long offset) {
		long municipality = municipalities.currentId();
		municipalities.require(Role.PLANNER, municipality);
		return jdbc.sql("""
				SELECT json_build_object('count', (SELECT count(*) FROM report r WHERE r.municipality_id = :municipality
				  AND (CAST(:status AS text) IS NULL OR r.status = :status)),
				  'reports', COALESCE((SELECT json_agg(q.item ORDER BY q.id DESC) FROM (SELECT r.id, %s AS item FROM report r
				    WHERE r.municipality_id = :municipality AND (CAST(:status AS text) IS NULL OR r.status = :status)
				    ORDER BY r.id DESC LIMIT :limit OFFSET :offset) q), '[]'::json))::text""".formatted(QUEUED))
			.param("municipality", municipality)
			.param("status", status == null ? null : Codes.of(status))
			.param("metres", NEARBY_METRES)
			.param("limit", limit)
			.param("offset", offset)
			.query(String.class)
			.single();
	}

	/** A report as its municipality's planners see it, with the duplicate hint; 404 for none. */
	@Override
	public StoredReport find(long id) {
		requirePlannerOf(id);
		return jdbc.sql("SELECT r.id, r.version, (" + QUEUED + ")::text AS json FROM report r WHERE r.id = :id")
			.param("id", id)
			.param("metres", NEARBY_METRES)
			.query((rs, row) -> new StoredReport(rs.getLong("id"), rs.getLong("version"), rs.getString("json")))
			.single();
	}

	/**
	 * The places (drafts too) within 50 m of a report's pin, nearest first, for its planners to see;
	 * only the published ones can be merged into (the page offers only those); none for a report
	 * without a pin.
	 */
	public String placesNear(long id) {
		requirePlannerOf(id);
		Geometry pin = pin(id);
		if (pin == null) {
			return "{\"type\":\"FeatureCollection\",\"features\":[],\"numberMatched\":0}";
		}
		return places.near(pin.getCoordinate().x, pin.getCoordinate().y, NEARBY_METRES, true);
	}

	@Override
	protected StoredReport stored(long id) {
		return jdbc.sql("SELECT r.id, r.version, " + REPORT + "::text AS json FROM report r WHERE r.id = :id")
			.param("id", id)
			.query((rs, row) -> new StoredReport(rs.getLong("id"), rs.getLong("version"), rs.getString("json")))
			.optional()
			.orElse(null);
	}

	/**
	 * Approves the report as a new published place (source {@code resident}, reported by one resident):
	 * at the report's pin unless the planner draws the geometry, which a report without a pin needs.
	 */
	@Transactional
	public StoredReport approve(long id, String name, Geometry geometry, Set<PlaceReason> reasons, String note,
			String ifMatch) {
		return handled(recorder.update(id, ifMatch, report -> {
			report.requireReceived();
			Geometry where = geometry != null ? geometry : pin(id);
			if (where == null) {
				throw InvalidRequestException.body("geometry", ReportError.NO_PIN);
			}
			long placeId = places.create(new PlaceDraft(name, null, where, reasons.isEmpty() ? reasons(id) : reasons,
					PlaceSource.RESIDENT, PlaceStatus.OPEN, true)).id();
			places.addResidentReport(placeId);
			report.handle(ReportStatus.APPROVED, placeId, null, note);
		}));
	}

	/** Merges the report into a published place of its municipality, whose counter rises. */
	@Transactional
	public StoredReport merge(long id, long placeId, String note, String ifMatch) {
		return handled(recorder.update(id, ifMatch, report -> {
			report.requireReceived();
			places.addResidentReport(placeId);
			report.handle(ReportStatus.MERGED, placeId, null, note);
		}));
	}

	@Transactional
	public StoredReport reject(long id, Rejection reason, String note, String ifMatch) {
		return handled(recorder.update(id, ifMatch, report -> report.handle(ReportStatus.REJECTED, null, reason, note)));
	}

	/** Replaces the text (personal data taken out); the original stays in the history, for planners. */
	@Transactional
	public StoredReport editText(long id, String text, String note, String ifMatch) {
		return recorder.update(id, ifMatch, report -> report.editText(text, note));
	}

	// The reporter is told once the moderation is committed (ReportMail).
	private StoredReport handled(StoredReport report) {
		events.publishEvent(new ReportHandled(report.id()));
		return report;
	}

	private Geometry pin(long id) {
		byte[] wkb = jdbc.sql("SELECT ST_AsBinary(geom) FROM report WHERE id = :id AND geom IS NOT NULL")
			.param("id", id)
			.query(byte[].class)
			.optional()
			.orElse(null);
		if (wkb == null) {
			return null;
		}
		try {
			Geometry point = new WKBReader().read(wkb);
			point.setSRID(4326);
			return point;
		}
		catch (ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Set<PlaceReason> reasons(long id) {
		return Codes.parameters(PlaceReason.class, "reasons",
				jdbc.sql("SELECT unnest(reasons) FROM report WHERE id = :id").param("id", id).query(String.class).list());
	}

	private String number(long id) {
		return jdbc.sql("SELECT " + NUMBER + " FROM report r WHERE r.id = :id").param("id", id).query(String.class).single();
	}

	private static String[] codes(Set<? extends Enum<?>> values) {
		return values.stream().map(Codes::of).sorted().toArray(String[]::new);
	}

	private static String token() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String sha256(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	// Only the report's municipality's planners read it: 404 for none, 403 for anyone else.
	private void requirePlannerOf(long id) {
		municipalities.require(Role.PLANNER, recorder.load(id).getMunicipalityId());
	}

}
