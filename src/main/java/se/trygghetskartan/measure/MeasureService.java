package se.trygghetskartan.measure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import se.trygghetskartan.geo.BoundingBox;
import se.trygghetskartan.geo.ClusterGrid;
import se.trygghetskartan.geo.FeatureQuery;
import se.trygghetskartan.geo.FeatureSource;
import se.trygghetskartan.geo.Publishable;
import se.trygghetskartan.geo.StoredFeature;
import se.trygghetskartan.history.HistoryService;
import se.trygghetskartan.history.ItemLinks;
import se.trygghetskartan.municipality.Municipalities;
import se.trygghetskartan.municipality.MunicipalityResource;
import se.trygghetskartan.place.PlaceService;
import se.trygghetskartan.security.CurrentUser;
import se.trygghetskartan.system.Codes;
import se.trygghetskartan.system.Ids;
import se.trygghetskartan.system.InvalidRequestException;
import se.trygghetskartan.system.RequestError;
import se.trygghetskartan.system.Violation;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Measures: read as GeoJSON built by PostGIS, written through JPA, every change recorded. */
@Service
@Transactional(readOnly = true)
public class MeasureService extends MunicipalityResource<Measure, MeasureDraft, StoredFeature> implements Publishable {

	static final String SUBJECT = "measure";

	// A measure's geometry is its own, else the union of its places' (stored in extent); for the
	// public, of its published places' (published_extent), so that no draft place shows through.
	private static final String TABLE = """
			(SELECT m.*, CASE WHEN :staff THEN m.extent ELSE m.published_extent END AS reader_extent FROM measure m)""";

	// The measures in the district :neighbourhood, from the districts stored with each measure (its
	// extent's; for the public, its published extent's).
	private static final String IN_NEIGHBOURHOOD = """
			m.id IN (SELECT d.measure_id FROM measure_district d JOIN neighbourhood_overview n ON n.id = d.neighbourhood_id
			  WHERE n.municipality_id = :municipality AND n.slug = :neighbourhood AND (:staff OR d.public))""";

	private static final String FEATURE = """
			json_build_object(
			  'type', 'Feature',
			  'id', m.id,
			  'geometry', ST_AsGeoJSON(m.reader_extent, 7)::json,
			  'properties', json_build_object(
			    'id', m.id,
			    'title', m.title,
			    'description', m.description,
			    'type', m.type,
			    'owner', m.owner,
			    'status', m.status,
			    'published', m.published,
			    'rejectionReason', m.rejection_reason,
			    'plannedStart', m.planned_start,
			    'plannedEnd', m.planned_end,
			    'completedOn', m.completed_on,
			    'statusChanges', COALESCE((SELECT json_agg(json_build_object('status', s.status, 'on', s.changed_on,
			      'note', s.note) ORDER BY s.position) FROM measure_status_change s WHERE s.measure_id = m.id), '[]'::json),
			    'geometrySource', CASE WHEN m.geom IS NOT NULL THEN 'own' WHEN m.reader_extent IS NOT NULL THEN 'places' END,
			    'ownGeometry', ST_AsGeoJSON(m.geom, 7)::json,
			    'placeIds', ARRAY(SELECT mp.place_id FROM measure_place mp JOIN place_overview p ON p.id = mp.place_id
			      WHERE mp.measure_id = m.id AND (:staff OR p.published) ORDER BY 1),
			    'commitmentIds', %s,
			    'neighbourhoods', COALESCE((SELECT json_agg(json_build_object('slug', n.slug, 'name', n.name) ORDER BY n.name)
			      FROM measure_district d JOIN neighbourhood_overview n ON n.id = d.neighbourhood_id
			      WHERE d.measure_id = m.id AND (:staff OR d.public)), '[]'::json),
			    %s))
			""";

	private final PlaceService places;

	private final ItemLinks commitments;

	private final String feature;

	private final JdbcClient jdbc;

	MeasureService(MeasureRepository measures, PlaceService places, ObjectProvider<MeasureCommitments> commitments,
			HistoryService history, JdbcClient jdbc, Municipalities municipalities) {
		super(SUBJECT, measures, Measure::new, Measure::apply, history, municipalities);
		this.places = places;
		this.commitments = ItemLinks.orNone(commitments);
		this.feature = FEATURE.formatted(this.commitments.linkedIds("m.id"), FeatureQuery.tracked("m"));
		this.jdbc = jdbc;
	}

	// Drafts are for staff: the public sees published measures only, wherever it looks.
	private FeatureQuery query() {
		return new FeatureQuery(TABLE, "m", feature).publishedUnlessStaff("m.published");
	}

	// The map's reads are one statement each, run without a transaction of their own (autocommit):
	// no BEGIN and COMMIT, a round trip fewer on every view.
	/** The measures matching the filter as a FeatureCollection. */
	@Transactional(propagation = Propagation.SUPPORTS)
	public String search(MeasureFilter filter) {
		return filtered(filter, filter.bbox()).orderBy(filter.order().sql()).collection(jdbc, filter.page());
	}

	/** The measures matching the filter (its page aside), in its order, for a file. */
	public FeatureSource exported(MeasureFilter filter) {
		return new FeatureSource(filtered(filter, filter.bbox()).orderBy(filter.order().sql()), "m.reader_extent", jdbc);
	}

	/**
	 * How many measures matching the filter (its bbox aside) lie in each cell of the grid, by the
	 * middle of each measure's bounding box, where the map marks it: its own geometry's, else its
	 * places' (for the public, its published places').
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public String clusters(MeasureFilter filter, ClusterGrid grid) {
		return filtered(filter, grid.box()).clusters(jdbc, FeatureQuery.boxCentre("m.reader_extent"), grid);
	}

	private FeatureQuery filtered(MeasureFilter filter, BoundingBox bbox) {
		// The stored extent the reader sees, by its own spatial index.
		FeatureQuery query = query().within(bbox, CurrentUser.isStaff() ? "m.extent" : "m.published_extent")
			.containing(filter.q(), "m.title")
			.withIds(filter.ids())
			.ofMunicipality(municipalities.currentId(), filter.ids());
		if (filter.neighbourhood() != null) {
			query.where(IN_NEIGHBOURHOOD).param("neighbourhood", filter.neighbourhood());
		}
		if (filter.statuses() != null) {
			query.where("m.status = ANY(:statuses)").param("statuses", codes(filter.statuses()));
		}
		if (filter.types() != null) {
			query.where("m.type = ANY(:types)").param("types", codes(filter.types()));
		}
		if (filter.owner() != null) {
			query.where("m.owner = :owner").param("owner", Codes.of(filter.owner()));
		}
		return query;
	}

	private static String[] codes(Set<? extends Enum<?>> constants) {
		return constants.stream().map(Codes::of).toArray(String[]::new);
	}

	@Override
	public StoredFeature find(long id) {
		return query().found(jdbc, SUBJECT, id);
	}

	/** Which of the ids name existing measures. */
	public Set<Long> existing(Collection<Long> ids) {
		return Ids.found(jdbc, "SELECT id FROM measure WHERE id IN (:ids)", ids);
	}

	@Override
	@Transactional
	public StoredFeature publish(long id, boolean published, String ifMatch) {
		return recorder.update(id, ifMatch, measure -> measure.publish(published));
	}

	@Override
	protected StoredFeature stored(long id) {
		return query().asStaff().single(jdbc, id);
	}

	/**
	 * The commitments it fulfils, kept by the promise module; and its {@code placeStatuses} (place id →
	 * status) set on those places in the same transaction, so that a measure done closes the loop on
	 * its places in one step.
	 */
	@Override
	protected void link(long id, MeasureDraft draft) {
		commitments.link(id, draft.commitmentIds());
		places.changeStatus(draft.placeStatuses());
	}

	// The places and commitments a measure links to must exist: a 422 names those that do not.
	@Override
	protected void check(MeasureDraft draft) {
		List<Violation> violations = new ArrayList<>();
		Set<Long> missingPlaces = new TreeSet<>(draft.placeIds());
		missingPlaces.removeAll(places.existing(draft.placeIds()));
		if (!missingPlaces.isEmpty()) {
			violations.add(new Violation("properties.placeIds", RequestError.UNKNOWN_PLACES, "ids", List.copyOf(missingPlaces)));
		}
		Set<Long> missingCommitments = draft.commitmentIds().isEmpty() ? Set.of()
				: new TreeSet<>(commitments.missing(draft.commitmentIds()));
		if (!missingCommitments.isEmpty()) {
			violations.add(new Violation("properties.commitmentIds", RequestError.UNKNOWN_COMMITMENTS, "ids",
					List.copyOf(missingCommitments)));
		}
		if (!violations.isEmpty()) {
			throw InvalidRequestException.body(violations);
		}
		long municipality = municipalities.currentId();
		municipalities.requireSame(municipality, "place_overview", draft.placeIds(), "properties.placeIds");
		municipalities.requireSame(municipality, commitments.municipalitiesOf(draft.commitmentIds()),
				"properties.commitmentIds");
	}

}
