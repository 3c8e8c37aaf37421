package se.trygghetskartan.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.trygghetskartan.municipality.Municipalities;
import se.trygghetskartan.municipality.MunicipalityService;
import se.trygghetskartan.security.CurrentUser;
import se.trygghetskartan.geo.GeometryKind;
import se.trygghetskartan.geo.GeometryService;
import se.trygghetskartan.geo.StoredFeature;
import se.trygghetskartan.activity.ActivityDraft;
import se.trygghetskartan.activity.ActivityService;
import se.trygghetskartan.incident.IncidentRow;
import se.trygghetskartan.incident.IncidentStore;
import se.trygghetskartan.measure.MeasureDraft;
import se.trygghetskartan.measure.MeasureService;
import se.trygghetskartan.neighbourhood.NeighbourhoodService;
import se.trygghetskartan.place.PlaceDraft;
import se.trygghetskartan.place.PlaceService;
import se.trygghetskartan.promise.CommitmentDraft;
import se.trygghetskartan.promise.CommitmentService;
import se.trygghetskartan.promise.PromiseDraft;
import se.trygghetskartan.promise.PromiseService;
import se.trygghetskartan.survey.SurveyService;
import se.trygghetskartan.system.ETags;
import se.trygghetskartan.system.InvalidRequestException;
import se.trygghetskartan.system.Violation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads {@code db/demo/*.geojson} into an empty database, each item read into a draft as a client's
 * would be. Places carry a {@code key} by which the measures name them ({@code places}); keys become
 * ids on the way in. A measure's {@code timeline} lists the statuses it had before its present one,
 * which are saved one after another, as a planner would have, so that its public timeline tells the story.
 */
@Component
@Profile("demo")
class DemoDataLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

	private static final String USER = "demo-data";

	private static final String FLEN = "flen";

	private final NeighbourhoodService neighbourhoods;

	private final PlaceService places;

	private final MeasureService measures;

	private final PromiseService promises;

	private final CommitmentService commitments;

	private final ActivityService activities;

	private final SurveyService surveys;

	private final IncidentStore incidentStore;

	private final GeometryService geometries;

	private final TransactionTemplate transaction;

	private final JsonMapper json;

	private final Municipalities municipalities;

	private final MunicipalityService municipalityService;

	DemoDataLoader(NeighbourhoodService neighbourhoods, PlaceService places, MeasureService measures,
			PromiseService promises, CommitmentService commitments, ActivityService activities, SurveyService surveys,
			IncidentStore incidentStore, GeometryService geometries, TransactionTemplate transaction, JsonMapper json,
			Municipalities municipalities, MunicipalityService municipalityService) {
		this.municipalities = municipalities;
		this.municipalityService = municipalityService;
		this.incidentStore = incidentStore;
		this.neighbourhoods = neighbourhoods;
		this.places = places;
		this.measures = measures;
		this.promises = promises;
		this.commitments = commitments;
		this.activities = activities;
		this.surveys = surveys;
		this.geometries = geometries;
		this.transaction = transaction;
		this.json = json;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		boolean katrineholm = neighbourhoods.count() == 0;
		boolean flen = municipalities.find(FLEN).isEmpty();
		if (!katrineholm && !flen) {
			return;
		}
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(USER, null,
					AuthorityUtils.createAuthorityList("ROLE_ADMIN", CurrentUser.GRANT + "admin@*")));
		try {
			if (katrineholm) {
				loadKatrineholm();
			}
			if (flen) {
				loadFlen();
			}
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	// The default municipality: districts, places, promises, measures, activities, incidents, survey.
	private void loadKatrineholm() throws IOException {
		DemoSet set = DemoSet.read(this, "");
		JsonNode demoActivities = read("activities.geojson");
		transaction.executeWithoutResult(status -> {
			Keys keys = load(set);
			loadActivities(demoActivities, keys);
			List<IncidentRow> incidents = DemoIncidents.generate();
			for (int from = 0; from < incidents.size(); from += 1000) {
				incidentStore.store("demo", USER, incidents.subList(from, Math.min(from + 1000, incidents.size())));
			}
			try (InputStream csv = new ClassPathResource("db/demo/survey-results.csv").getInputStream()) {
				surveys.importCsv(csv);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		log.info("Demo data loaded: {}, {} activities", set, demoActivities.get("features").size());
	}

	// A second, small municipality next door, to show and test that municipalities keep apart.
	private void loadFlen() throws IOException {
		JsonNode municipality = read("flen/municipality.json");
		DemoSet set = DemoSet.read(this, "flen/");
		transaction.executeWithoutResult(status -> {
			long id = municipalityService.ensure(municipality).id();
			municipalities.runIn(id, () -> load(set));
		});
		log.info("Demo data of Flen loaded: {}", set);
	}

	/** One municipality's districts, places, promises and measures. */
	private record DemoSet(JsonNode districts, JsonNode places, JsonNode measures, JsonNode promises) {

		static DemoSet read(DemoDataLoader loader, String folder) throws IOException {
			return new DemoSet(loader.read(folder + "neighbourhoods.geojson"), loader.read(folder + "places.geojson"),
					loader.read(folder + "measures.geojson"), loader.read(folder + "promises.json"));
		}

		@Override
		public String toString() {
			return districts.get("features").size() + " neighbourhoods, " + places.get("features").size() + " places, "
					+ measures.get("features").size() + " measures, " + promises.size() + " promises";
		}

	}

	private Keys load(DemoSet set) {
		Keys keys = new Keys();
		load(set.districts(), set.places(), keys);
		loadPromises(set.promises(), keys);
		loadMeasures(set.measures(), keys);
		return keys;
	}

	/** Demo items refer to each other by keys (and measures by title); these become ids. */
	private static final class Keys {

		final Map<String, Long> places = new HashMap<>();

		final Map<String, Long> commitments = new HashMap<>();

		final Map<String, Long> measures = new HashMap<>();

		ArrayNode ids(ObjectNode props, String keysField, String idsField, Map<String, Long> known) {
			ArrayNode ids = props.putArray(idsField);
			for (JsonNode key : props.path(keysField)) {
				ids.add(id(known, keysField, key.stringValue()));
			}
			props.remove(keysField);
			return ids;
		}

		/** Replaces the key in {@code field} by the id it names, in {@code idField}. */
		void id(ObjectNode props, String field, String idField, Map<String, Long> known) {
			if (props.has(field)) {
				props.put(idField, id(known, field, props.remove(field).stringValue()));
			}
		}

		private static long id(Map<String, Long> known, String kind, String key) {
			Long id = known.get(key);
			if (id == null) {
				throw new IllegalStateException("Demo data names an unknown " + kind + " " + key);
			}
			return id;
		}

	}

	private void load(JsonNode districts, JsonNode demoPlaces, Keys keys) {
		for (JsonNode district : districts.get("features")) {
			List<Violation> violations = new ArrayList<>();
			Geometry area = geometries.read(district.get("geometry"), "geometry", GeometryKind.AREA, violations);
			if (area == null) {
				throw InvalidRequestException.body(violations);
			}
			JsonNode props = district.get("properties");
			neighbourhoods.create(props.get("slug").stringValue(), props.get("name").stringValue(),
					props.get("description").stringValue(), area);
		}
		for (JsonNode place : demoPlaces.get("features")) {
			String key = place.get("properties").get("key").stringValue();
			keys.places.put(key, places.create(PlaceDraft.read(place, geometries)).id());
		}
	}

	private void loadPromises(JsonNode demoPromises, Keys keys) {
		for (JsonNode promise : demoPromises) {
			long promiseId = promises.create(PromiseDraft.read(promise, geometries)).id();
			int position = 0;
			for (JsonNode commitment : promise.path("commitments")) {
				ObjectNode copy = (ObjectNode) commitment.deepCopy();
				copy.put("promiseId", promiseId).put("position", position++);
				keys.commitments.put(commitment.get("key").stringValue(),
						commitments.create(CommitmentDraft.read(copy, geometries)).id());
			}
		}
	}

	private void loadMeasures(JsonNode demoMeasures, Keys keys) {
		for (JsonNode measure : demoMeasures.get("features")) {
			ObjectNode copy = (ObjectNode) measure.deepCopy();
			ObjectNode props = (ObjectNode) copy.get("properties");
			keys.ids(props, "places", "placeIds", keys.places);
			keys.ids(props, "commitments", "commitmentIds", keys.commitments);
			JsonNode timeline = props.remove("timeline");
			if (timeline == null) {
				keys.measures.put(props.get("title").stringValue(), measures.create(MeasureDraft.read(copy, geometries)).id());
				continue;
			}
			StoredFeature saved = null;
			for (JsonNode entry : timeline) {
				ObjectNode earlier = copy.deepCopy();
				ObjectNode earlierProps = (ObjectNode) earlier.get("properties");
				earlierProps.remove(List.of("completedOn", "rejectionReason"));
				earlierProps.set("status", entry.get("status"));
				earlierProps.set("statusChangedOn", entry.get("on"));
				earlierProps.set("statusNote", entry.get("note"));
				MeasureDraft draft = MeasureDraft.read(earlier, geometries);
				saved = saved == null ? measures.create(draft)
						: measures.update(saved.id(), draft, ETags.of(saved.version()));
			}
			saved = measures.update(saved.id(), MeasureDraft.read(copy, geometries), ETags.of(saved.version()));
			keys.measures.put(props.get("title").stringValue(), saved.id());
		}
	}

	private void loadActivities(JsonNode demoActivities, Keys keys) {
		for (JsonNode activity : demoActivities.get("features")) {
			ObjectNode copy = (ObjectNode) activity.deepCopy();
			ObjectNode props = (ObjectNode) copy.get("properties");
			keys.ids(props, "commitments", "commitmentIds", keys.commitments);
			keys.ids(props, "places", "placeIds", keys.places);
			keys.ids(props, "measures", "measureIds", keys.measures);
			// What became of a walk's stops: the place on the map and the measure taken there.
			for (JsonNode stop : props.path("stops")) {
				keys.id((ObjectNode) stop, "place", "placeId", keys.places);
				keys.id((ObjectNode) stop, "measure", "measureId", keys.measures);
			}
			activities.create(ActivityDraft.read(copy, geometries));
		}
	}

	private JsonNode read(String name) throws IOException {
		try (InputStream in = new ClassPathResource("db/demo/" + name).getInputStream()) {
			return json.readTree(in);
		}
	}

}
