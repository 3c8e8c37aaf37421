package se.trygghetskartan.measure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import se.trygghetskartan.geo.FeatureQuery;
import se.trygghetskartan.geo.Publishable;
import se.trygghetskartan.geo.StoredFeature;
import se.trygghetskartan.history.ChangeRecorder;
import se.trygghetskartan.history.HistoryService;
import se.trygghetskartan.history.VersionedResource;
import se.trygghetskartan.place.PlaceService;
import se.trygghetskartan.system.Codes;
import se.trygghetskartan.system.InvalidRequestException;
import se.trygghetskartan.system.RequestError;
import se.trygghetskartan.system.Violation;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Measures: read as GeoJSON built by PostGIS, written through JPA, every change recorded. */
@Service
@Transactional(readOnly = true)
public class MeasureService implements VersionedResource<MeasureDraft, StoredFeature>, Publishable {

	static final String SUBJECT = "measure";

	// A measure's geometry is its own, else the union of its places' (the measure_extent view); for
	// the public, of its published places', so that no draft place shows through.
	private static final String TABLE = """
			(SELECT m.*, CASE WHEN :staff THEN e.geom ELSE e.published_geom END AS extent
			 FROM measure m JOIN measure_extent e ON e.measure_id = m.id)""";

	private static final String FEATURE = """
			json_build_object(
			  'type', 'Feature',
			  'id', m.id,
			  'geometry', ST_AsGeoJSON(m.extent, 7)::json,
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
			    'geometrySource', CASE WHEN m.geom IS NOT NULL THEN 'own' WHEN m.extent IS NOT NULL THEN 'places' END,
			    'ownGeometry', ST_AsGeoJSON(m.geom, 7)::json,
			    'placeIds', ARRAY(SELECT mp.place_id FROM measure_place mp JOIN place_overview p ON p.id = mp.place_id
			      WHERE mp.measure_id = m.id AND (:staff OR p.published) ORDER BY 1),
			    'commitmentIds', %s,
			    'neighbourhoods', COALESCE((SELECT json_agg(json_build_object('slug', n.slug, 'name', n.name) ORDER BY n.name)
			      FROM neighbourhood_overview n WHERE ST_Intersects(n.geom, m.extent)), '[]'::json),
			    %s))
			""";

	// Without the promise module (a test of this one alone) there are no commitments to link.
	private static final MeasureCommitments NO_COMMITMENTS = new MeasureCommitments() {

		@Override
		public String commitmentIds(String measureId) {
			return "'{}'::bigint[]";
		}

		@Override
		public Set<Long> missing(Collection<Long> ids) {
			return Set.copyOf(ids);
		}

		@Override
		public void link(long measureId, Set<Long> commitmentIds) {
		}

	};

	private final PlaceService places;

	private final MeasureCommitments commitments;

	private final String feature;

	private final JdbcClient jdbc;

	private final ChangeRecorder<Measure, StoredFeature> recorder;

	MeasureService(MeasureRepository measures, PlaceService places, ObjectProvider<MeasureCommitments> commitments,
			HistoryService history, JdbcClient jdbc) {
		this.places = places;
		this.commitments = commitments.getIfAvailable(() -> NO_COMMITMENTS);
		this.feature = FEATURE.formatted(this.commitments.commitmentIds("m.id"), FeatureQuery.tracked("m"));
		this.jdbc = jdbc;
		this.recorder = new ChangeRecorder<>(SUBJECT, measures, id -> query().asStaff().single(jdbc, id), history);
	}

	// Drafts are for staff: the public sees published measures only, wherever it looks.
	private FeatureQuery query() {
		return new FeatureQuery(TABLE, "m", feature).publishedUnlessStaff("m.published");
	}

	/** The measures matching the filter as a FeatureCollection. */
	public String search(MeasureFilter filter) {
		FeatureQuery query = query().within(filter.bbox(), "m.extent").containing(filter.q(), "m.title");
		if (filter.neighbourhood() != null) {
			query.where("EXISTS (SELECT 1 FROM neighbourhood_overview n WHERE n.slug = :neighbourhood "
					+ "AND ST_Intersects(n.geom, m.extent))")
				.param("neighbourhood", filter.neighbourhood());
		}
		if (filter.status() != null) {
			query.where("m.status = :status").param("status", Codes.of(filter.status()));
		}
		if (filter.type() != null) {
			query.where("m.type = :type").param("type", Codes.of(filter.type()));
		}
		if (filter.owner() != null) {
			query.where("m.owner = :owner").param("owner", Codes.of(filter.owner()));
		}
		return query.collection(jdbc, filter.page());
	}

	@Override
	public StoredFeature find(long id) {
		return query().found(jdbc, SUBJECT, id);
	}

	/** Which of the ids name existing measures. */
	public Set<Long> existing(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("SELECT id FROM measure WHERE id IN (:ids)")
			.param("ids", List.copyOf(ids))
			.query(Long.class)
			.list());
	}

	@Override
	@Transactional
	public StoredFeature publish(long id, boolean published, String ifMatch) {
		return recorder.update(id, ifMatch, measure -> measure.publish(published));
	}

	/**
	 * Creates a measure; its {@code placeStatuses} (place id → status) are set on those places in the
	 * same transaction, so that a measure done closes the loop on its places in one step.
	 */
	@Override
	@Transactional
	public StoredFeature create(MeasureDraft draft) {
		checkLinks(draft);
		StoredFeature created = recorder.create(new Measure(draft), id -> commitments.link(id, draft.commitmentIds()));
		places.changeStatus(draft.placeStatuses());
		return created;
	}

	/** Replaces a measure, and sets its {@code placeStatuses} as {@link #create} does. */
	@Override
	@Transactional
	public StoredFeature update(long id, MeasureDraft draft, String ifMatch) {
		checkLinks(draft);
		StoredFeature updated = recorder.update(id, ifMatch, measure -> {
			measure.apply(draft);
			commitments.link(id, draft.commitmentIds());
		});
		places.changeStatus(draft.placeStatuses());
		return updated;
	}

	@Override
	@Transactional
	public void delete(long id, String ifMatch) {
		recorder.delete(id, ifMatch);
	}

	// The places and commitments a measure links to must exist: a 422 names those that do not.
	private void checkLinks(MeasureDraft draft) {
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
	}

}
