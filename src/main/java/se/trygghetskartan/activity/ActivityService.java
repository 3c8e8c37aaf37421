package se.trygghetskartan.activity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import se.trygghetskartan.account.Role;
import se.trygghetskartan.geo.FeatureQuery;
import se.trygghetskartan.geo.FeatureSource;
import se.trygghetskartan.geo.StoredFeature;
import se.trygghetskartan.history.HistoryService;
import se.trygghetskartan.history.ItemLinks;
import se.trygghetskartan.municipality.Municipalities;
import se.trygghetskartan.municipality.MunicipalityResource;
import se.trygghetskartan.measure.MeasureDraft;
import se.trygghetskartan.measure.MeasureOwner;
import se.trygghetskartan.measure.MeasureService;
import se.trygghetskartan.measure.MeasureType;
import se.trygghetskartan.neighbourhood.NeighbourhoodService;
import se.trygghetskartan.place.PlaceDraft;
import se.trygghetskartan.place.PlaceReason;
import se.trygghetskartan.place.PlaceService;
import se.trygghetskartan.place.PlaceSource;
import se.trygghetskartan.place.PlaceStatus;
import se.trygghetskartan.security.CurrentUser;
import se.trygghetskartan.system.Codes;
import se.trygghetskartan.system.ConflictException;
import se.trygghetskartan.system.InvalidRequestException;
import se.trygghetskartan.system.NotFoundException;
import se.trygghetskartan.system.RequestError;
import se.trygghetskartan.system.Violation;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Safety walks, dialogues and police operations as GeoJSON. A walk's stops are public once its
 * protocol is published; its municipality's planners always see them (and its staff the drafts it
 * links), also in a list by ids that finds it from another municipality.
 */
@Service
@Transactional(readOnly = true)
public class ActivityService extends MunicipalityResource<Activity, ActivityDraft, StoredFeature> {

	static final String SUBJECT = "activity";

	private static final String FEATURE = """
			json_build_object(
			  'type', 'Feature',
			  'id', a.id,
			  'geometry', ST_AsGeoJSON(a.geom, 7)::json,
			  'properties', json_build_object(
			    'id', a.id,
			    'kind', a.kind,
			    'title', a.title,
			    'description', a.description,
			    'startsOn', a.starts_on,
			    'endsOn', a.ends_on,
			    'timeOfDay', a.time_of_day,
			    'format', a.format,
			    'operationKind', a.operation_kind,
			    'published', a.published,
			    'participants', COALESCE((SELECT json_object_agg(p.participant_group, p.count ORDER BY p.participant_group)
			      FROM activity_participant p WHERE p.activity_id = a.id), '{}'::json),
			    'neighbourhoods', COALESCE((SELECT json_agg(json_build_object('slug', n.slug, 'name', n.name) ORDER BY n.name)
			      FROM neighbourhood_overview n WHERE n.municipality_id = a.municipality_id
			      AND (n.slug IN (SELECT an.slug FROM activity_neighbourhood an WHERE an.activity_id = a.id)
			      OR ST_Intersects(n.geom, a.geom))), '[]'::json),
			    'commitmentIds', %s,
			    'placeIds', ARRAY(SELECT x.place_id FROM activity_place x JOIN place_overview p ON p.id = x.place_id
			      WHERE x.activity_id = a.id AND (:staff AND a.municipality_id = :municipality OR p.published) ORDER BY 1),
			    'measureIds', ARRAY(SELECT x.measure_id FROM activity_measure x JOIN measure_overview m ON m.id = x.measure_id
			      WHERE x.activity_id = a.id AND (:staff AND a.municipality_id = :municipality OR m.published) ORDER BY 1),
			    'stopCount', (SELECT count(*) FROM walk_stop s WHERE s.activity_id = a.id),
			    'stops', CASE WHEN a.published OR (:privileged AND a.municipality_id = :municipality) THEN COALESCE((SELECT json_agg(json_build_object(
			      'id', s.id, 'position', s.position, 'geometry', ST_AsGeoJSON(s.geom, 7)::json, 'unsafe', s.unsafe,
			      'safe', s.safe, 'proposedMeasure', s.proposed_measure, 'responsible', s.responsible,
			      'priority', s.priority, 'deadline', s.deadline,
			      'placeId', (SELECT p.id FROM place_overview p WHERE p.id = s.place_id AND (:staff AND a.municipality_id = :municipality OR p.published)),
			      'measureId', (SELECT m.id FROM measure_overview m WHERE m.id = s.measure_id AND (:staff AND a.municipality_id = :municipality OR m.published)),
			      'place', (SELECT json_build_object('id', p.id, 'name', p.name, 'status', p.status) FROM place_overview p
			        WHERE p.id = s.place_id AND (:staff AND a.municipality_id = :municipality OR p.published)),
			      'measures', COALESCE((SELECT json_agg(json_build_object('id', m.id, 'title', m.title, 'type', m.type,
			        'status', m.status) ORDER BY m.id) FROM measure_overview m WHERE (:staff AND a.municipality_id = :municipality OR m.published)
			        AND (m.id = s.measure_id OR m.id IN (SELECT mp.measure_id FROM measure_place_link mp JOIN place_overview p
			          ON p.id = mp.place_id WHERE mp.place_id = s.place_id AND (:staff AND a.municipality_id = :municipality OR p.published)))), '[]'::json))
			      ORDER BY s.position) FROM walk_stop s WHERE s.activity_id = a.id), '[]'::json) END,
			    %s))
			""";

	private final ActivityRepository activities;

	private final NeighbourhoodService neighbourhoods;

	private final PlaceService places;

	private final MeasureService measures;

	private final ItemLinks commitments;

	private final String feature;

	private final JdbcClient jdbc;

	ActivityService(ActivityRepository activities, NeighbourhoodService neighbourhoods, PlaceService places,
			MeasureService measures, ObjectProvider<ActivityCommitments> commitments, HistoryService history,
			JdbcClient jdbc, Municipalities municipalities) {
		super(SUBJECT, activities, Activity::new, Activity::apply, history, municipalities);
		this.activities = activities;
		this.neighbourhoods = neighbourhoods;
		this.places = places;
		this.measures = measures;
		this.commitments = ItemLinks.orNone(commitments);
		this.feature = FEATURE.formatted(this.commitments.linkedIds("a.id"), FeatureQuery.tracked("a"));
		this.jdbc = jdbc;
	}

	private FeatureQuery query() {
		return new FeatureQuery("activity", "a", feature).param("privileged", CurrentUser.isPlanner())
			.param("municipality", municipalities.currentId());
	}

	/** The activities matching the filter as a FeatureCollection, ordered by id. */
	public String search(ActivityFilter filter) {
		return filtered(filter).collection(jdbc, filter.page());
	}

	/** The activities matching the filter (its page aside), for a file. */
	public FeatureSource exported(ActivityFilter filter) {
		return new FeatureSource(filtered(filter), "a.geom", jdbc);
	}

	private FeatureQuery filtered(ActivityFilter filter) {
		FeatureQuery query = query().within(filter.bbox(), "a.geom").withIds(filter.ids());
		// A list is of one municipality's activities; a list by ids finds them wherever they are (links).
		if (filter.ids() == null) {
			query.where("a.municipality_id = :municipality");
		}
		query.param("municipality", municipalities.currentId());
		if (filter.from() != null) {
			query.where("a.starts_on >= :from").param("from", filter.from());
		}
		if (filter.to() != null) {
			query.where("a.starts_on <= :to").param("to", filter.to());
		}
		if (filter.kind() != null) {
			query.where("a.kind = :kind").param("kind", Codes.of(filter.kind()));
		}
		if (filter.neighbourhood() != null) {
			query.where("""
					(EXISTS (SELECT 1 FROM activity_neighbourhood an WHERE an.activity_id = a.id AND an.slug = :neighbourhood)
					 OR EXISTS (SELECT 1 FROM neighbourhood_overview n
					            WHERE n.municipality_id = :municipality AND n.slug = :neighbourhood
					            AND ST_Intersects(n.geom, a.geom)))""")
				.param("neighbourhood", filter.neighbourhood());
		}
		if (filter.commitment() != null) {
			query.where("CAST(:commitment AS bigint) = ANY(" + commitments.linkedIds("a.id") + ")")
				.param("commitment", filter.commitment());
		}
		return query;
	}

	@Override
	public StoredFeature find(long id) {
		return query().found(jdbc, SUBJECT, id);
	}

	// History keeps the whole protocol, whoever reads it later.
	@Override
	protected StoredFeature stored(long id) {
		return query().param("privileged", true).asStaff().single(jdbc, id);
	}

	@Override
	protected void change(Activity activity, ActivityDraft draft) {
		if (draft.kind() != activity.getKind()) {
			throw InvalidRequestException.body("properties.kind", ActivityError.KIND_IMMUTABLE);
		}
		super.change(activity, draft);
	}

	@Override
	protected void link(long id, ActivityDraft draft) {
		commitments.link(id, draft.commitmentIds());
	}

	/**
	 * Turns a walk's stop into an unsafe place (at the stop, source safety walk) with the stop's
	 * proposed measure, linked to the walk and to the walk's commitments. {@code choices} may give
	 * the place's name and reasons and the measure's type; what it leaves out comes from
	 * {@link #suggestion the stop's words}. Both are drafts while the walk's protocol is: the stop's
	 * text becomes public when a planner decides, not by the way.
	 */
	@Transactional
	public StopOutcome createPlaceFromStop(long walkId, long stopId, StopChoices choices) {
		Activity walk = recorder.load(walkId);
		entering(walk);
		mayChange(walk);
		WalkStop stop = stopOf(walk, stopId);
		if (stop.getPlaceId() != null) {
			throw new ConflictException(ActivityError.STOP_ALREADY_PLACED, "placeId", stop.getPlaceId());
		}
		if (stop.getProposedMeasure() == null) {
			throw InvalidRequestException.body("proposedMeasure", ActivityError.STOP_WITHOUT_MEASURE);
		}
		StopSuggestion suggested = suggestion(walk, stop);
		long placeId = places.create(new PlaceDraft(choices.name() != null ? choices.name() : suggested.name(),
				stop.getUnsafe(), stop.getGeom(), choices.reasons().isEmpty() ? new LinkedHashSet<>(suggested.reasons()) : choices.reasons(),
				PlaceSource.SAFETY_WALK, PlaceStatus.OPEN, walk.isPublished()))
			.id();
		Set<Long> walkCommitments = new LinkedHashSet<>(jdbc.sql("SELECT unnest(" + commitments.linkedIds(":id") + ")")
			.param("id", walkId)
			.query(Long.class)
			.list());
		long measureId = measures.create(MeasureDraft.proposed(suggested.measureTitle(), stop.getProposedMeasure(),
				choices.measureType() == null ? suggested.measureType() : choices.measureType(),
				stop.getResponsible() == null ? MeasureOwner.MUNICIPALITY
						: MeasureOwner.valueOf(stop.getResponsible().name()),
				Set.of(placeId), walkCommitments, walk.isPublished()))
			.id();

		stop.linkTo(placeId, measureId);
		jdbc.sql("INSERT INTO activity_place (activity_id, place_id) VALUES (:a, :p)").param("a", walkId).param("p", placeId).update();
		jdbc.sql("INSERT INTO activity_measure (activity_id, measure_id) VALUES (:a, :m)").param("a", walkId).param("m", measureId).update();
		activities.saveAndFlush(walk);
		recorder.updated(walkId);
		return new StopOutcome(placeId, measureId);
	}

	/** The place and measure a stop became. */
	public record StopOutcome(long placeId, long measureId) {
	}

	/** What a walk's stop would become, from its words: for the planner to confirm or change. */
	public StopSuggestion suggestion(long walkId, long stopId) {
		Activity walk = recorder.load(walkId);
		municipalities.require(Role.PLANNER, walk.getMunicipalityId());
		return suggestion(walk, stopOf(walk, stopId));
	}

	private static StopSuggestion suggestion(Activity walk, WalkStop stop) {
		return StopSuggestion.of(stop.getUnsafe(), stop.getProposedMeasure(),
				StopSuggestion.shorten(walk.getTitle(), StopSuggestion.NAME_LENGTH - 10) + ", stopp " + (stop.getPosition() + 1));
	}

	private static WalkStop stopOf(Activity walk, long stopId) {
		return walk.getStops()
			.stream()
			.filter(s -> s.getId() == stopId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("stop of activity " + walk.getId(), stopId));
	}

	// What an activity links to must exist: a 422 names what does not.
	@Override
	protected void check(ActivityDraft draft) {
		List<Violation> violations = new ArrayList<>();
		missing(violations, "neighbourhoods", RequestError.UNKNOWN_DISTRICTS, draft.neighbourhoods(),
				slugs -> without(slugs, neighbourhoods.existing(slugs)));
		missing(violations, "commitmentIds", RequestError.UNKNOWN_COMMITMENTS, draft.commitmentIds(),
				commitments::missing);
		missing(violations, "placeIds", RequestError.UNKNOWN_PLACES, draft.placeIds(),
				ids -> without(ids, places.existing(ids)));
		missing(violations, "measureIds", RequestError.UNKNOWN_MEASURES, draft.measureIds(),
				ids -> without(ids, measures.existing(ids)));
		// What became of a walk's stops: a place on the map, a measure taken there.
		for (int i = 0; i < draft.stops().size(); i++) {
			ActivityDraft.Stop stop = draft.stops().get(i);
			if (stop.placeId() != null) {
				missing(violations, "stops[" + i + "].placeId", RequestError.UNKNOWN_PLACES, Set.of(stop.placeId()),
						ids -> without(ids, places.existing(ids)));
			}
			if (stop.measureId() != null) {
				missing(violations, "stops[" + i + "].measureId", RequestError.UNKNOWN_MEASURES,
						Set.of(stop.measureId()), ids -> without(ids, measures.existing(ids)));
			}
		}
		if (!violations.isEmpty()) {
			throw InvalidRequestException.body(violations);
		}
		// Links stay within the activity's municipality.
		long municipality = municipalities.currentId();
		municipalities.requireSame(municipality, commitments.municipalitiesOf(draft.commitmentIds()),
				"properties.commitmentIds");
		Set<Long> placeIds = new LinkedHashSet<>(draft.placeIds());
		Set<Long> measureIds = new LinkedHashSet<>(draft.measureIds());
		draft.stops().forEach(stop -> {
			if (stop.placeId() != null) {
				placeIds.add(stop.placeId());
			}
			if (stop.measureId() != null) {
				measureIds.add(stop.measureId());
			}
		});
		municipalities.requireSame(municipality, "place_overview", placeIds, "properties.placeIds");
		municipalities.requireSame(municipality, "measure_overview", measureIds, "properties.measureIds");
	}

	private static <T> void missing(List<Violation> violations, String field, RequestError code, Set<T> values,
			Function<Set<T>, Set<T>> missingOf) {
		if (values.isEmpty()) {
			return;
		}
		Set<T> missing = missingOf.apply(values);
		if (!missing.isEmpty()) {
			violations.add(new Violation("properties." + field, code, "ids", List.copyOf(missing)));
		}
	}

	private static <T> Set<T> without(Set<T> values, Set<T> removed) {
		Set<T> rest = new LinkedHashSet<>(values);
		rest.removeAll(removed);
		return rest;
	}

}
