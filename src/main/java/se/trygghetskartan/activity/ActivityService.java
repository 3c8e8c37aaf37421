package se.trygghetskartan.activity;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import se.trygghetskartan.geo.FeatureQuery;
import se.trygghetskartan.geo.FeatureResource;
import se.trygghetskartan.geo.GeometryService;
import se.trygghetskartan.geo.StoredFeature;
import se.trygghetskartan.history.ChangeRecorder;
import se.trygghetskartan.history.HistoryService;
import se.trygghetskartan.measure.MeasureService;
import se.trygghetskartan.place.PlaceService;
import se.trygghetskartan.security.CurrentUser;
import se.trygghetskartan.system.Codes;
import se.trygghetskartan.system.ConflictException;
import se.trygghetskartan.system.InvalidRequestException;
import se.trygghetskartan.system.NotFoundException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Safety walks, dialogues and police operations as GeoJSON. A walk's stops are public once its
 * protocol is published; planners always see them.
 */
@Service
@Transactional(readOnly = true)
public class ActivityService implements FeatureResource {

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
			      FROM neighbourhood n WHERE n.slug IN (SELECT an.slug FROM activity_neighbourhood an WHERE an.activity_id = a.id)
			      OR ST_Intersects(n.geom, a.geom)), '[]'::json),
			    'commitmentIds', ARRAY(SELECT c.commitment_id FROM activity_commitment c WHERE c.activity_id = a.id ORDER BY 1),
			    'placeIds', ARRAY(SELECT x.place_id FROM activity_place x JOIN unsafe_place p ON p.id = x.place_id
			      WHERE x.activity_id = a.id AND (:staff OR p.published) ORDER BY 1),
			    'measureIds', ARRAY(SELECT x.measure_id FROM activity_measure x JOIN measure m ON m.id = x.measure_id
			      WHERE x.activity_id = a.id AND (:staff OR m.published) ORDER BY 1),
			    'stopCount', (SELECT count(*) FROM walk_stop s WHERE s.activity_id = a.id),
			    'stops', CASE WHEN a.published OR :privileged THEN COALESCE((SELECT json_agg(json_build_object(
			      'id', s.id, 'position', s.position, 'geometry', ST_AsGeoJSON(s.geom, 7)::json, 'unsafe', s.unsafe,
			      'safe', s.safe, 'proposedMeasure', s.proposed_measure, 'responsible', s.responsible,
			      'priority', s.priority, 'deadline', s.deadline,
			      'placeId', (SELECT p.id FROM unsafe_place p WHERE p.id = s.place_id AND (:staff OR p.published)),
			      'measureId', (SELECT m.id FROM measure m WHERE m.id = s.measure_id AND (:staff OR m.published)),
			      'place', (SELECT json_build_object('id', p.id, 'name', p.name, 'status', p.status) FROM unsafe_place p
			        WHERE p.id = s.place_id AND (:staff OR p.published)),
			      'measures', COALESCE((SELECT json_agg(json_build_object('id', m.id, 'title', m.title, 'type', m.type,
			        'status', m.status) ORDER BY m.id) FROM measure m WHERE (:staff OR m.published)
			        AND (m.id = s.measure_id OR m.id IN (SELECT mp.measure_id FROM measure_place mp JOIN unsafe_place p
			          ON p.id = mp.place_id WHERE mp.place_id = s.place_id AND (:staff OR p.published)))), '[]'::json))
			      ORDER BY s.position) FROM walk_stop s WHERE s.activity_id = a.id), '[]'::json) END,
			    %s))
			""".formatted(FeatureQuery.tracked("a"));

	private static final Set<String> REFERENCE_TABLES = Set.of("neighbourhood.slug", "commitment.id",
			"unsafe_place.id", "measure.id");

	private final ActivityRepository activities;

	private final PlaceService places;

	private final MeasureService measures;

	private final GeometryService geometries;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final ChangeRecorder<Activity, StoredFeature> recorder;

	ActivityService(ActivityRepository activities, PlaceService places, MeasureService measures,
			GeometryService geometries, HistoryService history, JdbcClient jdbc, JsonMapper json) {
		this.activities = activities;
		this.places = places;
		this.measures = measures;
		this.geometries = geometries;
		this.jdbc = jdbc;
		this.json = json;
		// History keeps the whole protocol, whoever reads it later.
		this.recorder = new ChangeRecorder<>(SUBJECT, activities,
				id -> query().param("privileged", true).asStaff().single(jdbc, id), history);
	}

	private static FeatureQuery query() {
		return new FeatureQuery("activity", "a", FEATURE).param("privileged", CurrentUser.isPlanner());
	}

	/** The activities matching the filter as a FeatureCollection, ordered by id. */
	public String search(ActivityFilter filter) {
		FeatureQuery query = query();
		if (filter.kind() != null) {
			query.where("a.kind = :kind").param("kind", Codes.of(filter.kind()));
		}
		if (filter.neighbourhood() != null) {
			query.where("""
					(EXISTS (SELECT 1 FROM activity_neighbourhood an WHERE an.activity_id = a.id AND an.slug = :neighbourhood)
					 OR EXISTS (SELECT 1 FROM neighbourhood n WHERE n.slug = :neighbourhood AND ST_Intersects(n.geom, a.geom)))""")
				.param("neighbourhood", filter.neighbourhood());
		}
		if (filter.commitment() != null) {
			query.where("EXISTS (SELECT 1 FROM activity_commitment c WHERE c.activity_id = a.id AND c.commitment_id = :commitment)")
				.param("commitment", filter.commitment());
		}
		return query.collection(jdbc, filter.page());
	}

	@Override
	public StoredFeature find(long id) {
		return query().found(jdbc, SUBJECT, id);
	}

	@Override
	@Transactional
	public StoredFeature create(JsonNode body) {
		return recorder.create(new Activity(read(body)));
	}

	@Override
	@Transactional
	public StoredFeature update(long id, JsonNode body, String ifMatch) {
		return recorder.update(id, ifMatch, activity -> {
			ActivityDraft draft = read(body);
			if (draft.kind() != activity.getKind()) {
				throw InvalidRequestException.body("properties.kind",
						"an activity cannot change its kind; create a new one");
			}
			activity.apply(draft);
		});
	}

	@Override
	@Transactional
	public void delete(long id, String ifMatch) {
		recorder.delete(id, ifMatch);
	}

	/**
	 * Turns a walk's stop into an unsafe place (at the stop, source safety walk) with the stop's
	 * proposed measure, linked to the walk and to the walk's commitments. {@code choices} may give
	 * the place's name and reasons and the measure's type; what it leaves out comes from
	 * {@link #suggestion the stop's words}. Both are drafts while the walk's protocol is: the stop's
	 * text becomes public when a planner decides, not by the way.
	 */
	@Transactional
	public StopOutcome createPlaceFromStop(long walkId, long stopId, JsonNode choices) {
		Activity walk = recorder.load(walkId);
		WalkStop stop = stopOf(walk, stopId);
		if (stop.getPlaceId() != null) {
			throw new ConflictException("This stop already became place " + stop.getPlaceId() + ".");
		}
		if (stop.getProposedMeasure() == null) {
			throw InvalidRequestException.body("proposedMeasure",
					"the stop has no proposed measure; add one to the walk's protocol first");
		}
		JsonNode given = choices == null || !choices.isObject() ? json.createObjectNode() : choices;
		StopSuggestion suggested = suggestion(walk, stop);
		String name = given.path("name").isString() ? given.path("name").stringValue() : suggested.name();
		ArrayNode suggestedReasons = json.createArrayNode();
		suggested.reasons().forEach(reason -> suggestedReasons.add(Codes.of(reason)));

		ObjectNode place = feature(stop);
		ObjectNode placeProps = place.putObject("properties");
		placeProps.put("name", name);
		placeProps.put("description", stop.getUnsafe());
		placeProps.set("reasons", given.has("reasons") ? given.get("reasons") : suggestedReasons);
		placeProps.put("source", "safety_walk");
		placeProps.put("published", walk.isPublished());
		long placeId = places.create(place).id();

		ObjectNode measure = json.createObjectNode().put("type", "Feature");
		measure.putNull("geometry");
		ObjectNode measureProps = measure.putObject("properties");
		measureProps.put("title", suggested.measureTitle());
		measureProps.put("description", stop.getProposedMeasure());
		measureProps.put("type", given.path("measureType").isString() ? given.path("measureType").stringValue()
				: Codes.of(suggested.measureType()));
		measureProps.put("owner", stop.getResponsible() == null ? "municipality" : Codes.of(stop.getResponsible()));
		measureProps.put("status", "proposed");
		measureProps.put("published", walk.isPublished());
		measureProps.set("placeIds", json.createArrayNode().add(placeId));
		ArrayNode commitments = measureProps.putArray("commitmentIds");
		walk.getCommitmentIds().forEach(commitments::add);
		long measureId = measures.create(measure).id();

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

	private ObjectNode feature(WalkStop stop) {
		ObjectNode feature = json.createObjectNode().put("type", "Feature");
		feature.putObject("geometry")
			.put("type", "Point")
			.putArray("coordinates")
			.add(stop.getGeom().getX())
			.add(stop.getGeom().getY());
		return feature;
	}

	/** What a walk's stop would become, from its words: for the planner to confirm or change. */
	public StopSuggestion suggestion(long walkId, long stopId) {
		Activity walk = recorder.load(walkId);
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

	private ActivityDraft read(JsonNode body) {
		return ActivityDraft.read(body, geometries, this::missing);
	}

	private Set<Object> missing(String table, String column, Collection<?> values) {
		if (!REFERENCE_TABLES.contains(table + "." + column)) {
			throw new IllegalArgumentException(table + "." + column);
		}
		Set<Object> missing = new HashSet<>(values);
		missing.removeAll(jdbc.sql("SELECT " + column + " FROM " + table + " WHERE " + column + " IN (:values)")
			.param("values", List.copyOf(values))
			.query((rs, row) -> rs.getObject(1))
			.list());
		return missing;
	}

}
