package se.trygghetskartan.place;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;

import se.trygghetskartan.geo.BoundingBox;
import se.trygghetskartan.geo.ClusterGrid;
import se.trygghetskartan.geo.FeatureQuery;
import se.trygghetskartan.geo.FeatureSource;
import se.trygghetskartan.geo.Page;
import se.trygghetskartan.geo.Publishable;
import se.trygghetskartan.geo.StoredFeature;
import se.trygghetskartan.history.HistoryService;
import se.trygghetskartan.municipality.Municipalities;
import se.trygghetskartan.municipality.MunicipalityResource;
import se.trygghetskartan.system.Codes;
import se.trygghetskartan.system.Ids;
import se.trygghetskartan.system.NotFoundException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Unsafe places: read as GeoJSON built by PostGIS, written through JPA, every change recorded. */
@Service
@Transactional(readOnly = true)
public class PlaceService extends MunicipalityResource<UnsafePlace, PlaceDraft, StoredFeature> implements Publishable {

	static final String SUBJECT = "place";

	// A place with what its Feature says of its districts, stored when the place or a district changes
	// (place_district_name): the one listed first holds the place's point on surface.
	private static final String TABLE = """
			(SELECT u.*, s.neighbourhood, s.neighbourhoods FROM unsafe_place u
			 LEFT JOIN place_district_name s ON s.place_id = u.id)""";

	// The public sees no drafts, neither here nor among the measures linked (which the measure module
	// names).
	private static final String FEATURE = """
			json_build_object(
			  'type', 'Feature',
			  'id', p.id,
			  'geometry', ST_AsGeoJSON(p.geom, 7)::json,
			  'properties', json_build_object(
			    'id', p.id,
			    'name', p.name,
			    'description', p.description,
			    'reasons', ARRAY(SELECT r.reason FROM unsafe_place_reason r WHERE r.place_id = p.id ORDER BY r.reason),
			    'source', p.source,
			    'residentReports', p.resident_reports,
			    'status', p.status,
			    'published', p.published,
			    'neighbourhood', p.neighbourhood,
			    'neighbourhoods', COALESCE(p.neighbourhoods, '[]'::json),
			    'measureIds', %s,
			    %s))
			""";

	// Without the measure module (a test of this one alone) no place has measures.
	private static final PlaceMeasures NO_MEASURES = placeId -> "'{}'::bigint[]";

	private final String feature;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	PlaceService(PlaceRepository places, ObjectProvider<PlaceMeasures> measures, HistoryService history,
			JdbcClient jdbc, Municipalities municipalities, ApplicationEventPublisher events) {
		super(SUBJECT, places, UnsafePlace::new, UnsafePlace::apply, history, municipalities);
		this.feature = FEATURE.formatted(measures.getIfAvailable(() -> NO_MEASURES).measureIds("p.id"),
				FeatureQuery.tracked("p"));
		this.jdbc = jdbc;
		this.events = events;
	}

	// Drafts are for staff: the public sees published places only, wherever it looks.
	private FeatureQuery query() {
		return new FeatureQuery(TABLE, "p", feature).publishedUnlessStaff("p.published");
	}

	// The map's reads are one statement each, run without a transaction of their own (autocommit):
	// no BEGIN and COMMIT, a round trip fewer on every view.
	/** The places matching the filter as a FeatureCollection. */
	@Transactional(propagation = Propagation.SUPPORTS)
	public String search(PlaceFilter filter) {
		return filtered(filter, filter.bbox()).collection(jdbc, filter.page());
	}

	/** The places matching the filter (its page aside), for a file. */
	public FeatureSource exported(PlaceFilter filter) {
		return new FeatureSource(filtered(filter, filter.bbox()), "p.geom", jdbc);
	}

	/**
	 * How many places matching the filter (its bbox aside) lie in each cell of the grid, by the
	 * middle of each place's bounding box, where the map marks it.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public String clusters(PlaceFilter filter, ClusterGrid grid) {
		return filtered(filter, grid.box()).clusters(jdbc, FeatureQuery.boxCentre("p.geom"), grid);
	}

	private FeatureQuery filtered(PlaceFilter filter, BoundingBox bbox) {
		FeatureQuery query = query().within(bbox, "p.geom").containing(filter.q(), "p.name").withIds(filter.ids())
			.ofMunicipality(municipalities.currentId(), filter.ids());
		if (filter.neighbourhood() != null) {
			query.where("p.id IN (SELECT d.place_id FROM place_district d JOIN neighbourhood_overview n "
					+ "ON n.id = d.neighbourhood_id WHERE n.municipality_id = :municipality AND n.slug = :neighbourhood)")
				.param("neighbourhood", filter.neighbourhood());
		}
		if (filter.status() != null) {
			query.where("p.status = :status").param("status", Codes.of(filter.status()));
		}
		if (filter.reason() != null) {
			query.where("EXISTS (SELECT 1 FROM unsafe_place_reason r WHERE r.place_id = p.id AND r.reason = :reason)")
				.param("reason", Codes.of(filter.reason()));
		}
		return query;
	}

	@Override
	public StoredFeature find(long id) {
		return query().found(jdbc, SUBJECT, id);
	}

	/** Which of the ids name existing places. */
	public Set<Long> existing(Collection<Long> ids) {
		return Ids.found(jdbc, "SELECT id FROM unsafe_place WHERE id IN (:ids)", ids);
	}

	@Override
	protected StoredFeature stored(long id) {
		return query().asStaff().single(jdbc, id);
	}

	@Override
	@Transactional
	public StoredFeature update(long id, PlaceDraft draft, String ifMatch) {
		StoredFeature updated = super.update(id, draft, ifMatch);
		events.publishEvent(new PlaceChanged(id));
		return updated;
	}

	@Override
	@Transactional
	public StoredFeature publish(long id, boolean published, String ifMatch) {
		StoredFeature updated = recorder.update(id, ifMatch, place -> place.publish(published));
		events.publishEvent(new PlaceChanged(id));
		return updated;
	}

	/**
	 * The published places of the current municipality within {@code metres} of a point, nearest
	 * first (at most 20), as a FeatureCollection: what a resident about to report is offered instead.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public String near(double lon, double lat, double metres) {
		return near(lon, lat, metres, false);
	}

	/**
	 * The places of the current municipality within {@code metres} of a point, nearest first (at most
	 * 20), drafts too if {@code drafts}: what a planner moderating a report there sees.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public String near(double lon, double lat, double metres, boolean drafts) {
		String point = "ST_SetSRID(ST_MakePoint(:lon, :lat), 4326)::geography";
		return new FeatureQuery(TABLE, "p", feature).where(drafts ? "true" : "p.published")
			.where("ST_DWithin(p.geom::geography, " + point + ", :metres)")
			.param("lon", lon)
			.param("lat", lat)
			.param("metres", metres)
			.ofMunicipality(municipalities.currentId(), null)
			.orderBy("ST_Distance(geom::geography, " + point + "), id")
			.collection(jdbc, new Page(20, 0));
	}

	/**
	 * Adds a report to a published place of the current municipality ("reported by N residents") as the
	 * planner moderating it approves or merges it, recorded as a change like any other; 404 when there is
	 * none.
	 */
	@Transactional
	public StoredFeature addResidentReport(long id) {
		return residentReportAdded(id, recorder::updated);
	}

	/**
	 * The same for a resident's voice sent from the public map: recorded as made by a resident, whoever's
	 * session the request carries.
	 */
	@Transactional
	public StoredFeature addResidentVoice(long id) {
		return residentReportAdded(id, place -> recorder.updatedBy(HistoryService.RESIDENT, place));
	}

	private StoredFeature residentReportAdded(long id, LongFunction<StoredFeature> recorded) {
		int changed = jdbc.sql("""
				UPDATE unsafe_place SET resident_reports = resident_reports + 1, version = version + 1, updated_at = now()
				WHERE id = :id AND published AND municipality_id = :municipality""")
			.param("id", id)
			.param("municipality", municipalities.currentId())
			.update();
		if (changed == 0) {
			throw new NotFoundException(SUBJECT, id);
		}
		StoredFeature updated = recorded.apply(id);
		events.publishEvent(new PlaceChanged(id));
		return updated;
	}

	/**
	 * Sets places' status, each change recorded as the current user's: a measure marked done moves
	 * its places along in the same transaction. A place already in that status is left alone.
	 */
	@Transactional
	public void changeStatus(Map<Long, PlaceStatus> statuses) {
		statuses.forEach((id, status) -> {
			if (recorder.load(id).getStatus() != status) {
				recorder.change(id, place -> place.setStatus(status));
			}
		});
	}

}
