package se.trygghetskartan.ogcapi;

import java.util.List;
import java.util.Set;

import se.trygghetskartan.account.Role;
import se.trygghetskartan.activity.ActivityFilter;
import se.trygghetskartan.activity.ActivityKind;
import se.trygghetskartan.activity.ActivityService;
import se.trygghetskartan.geo.StoredFeature;
import se.trygghetskartan.history.VersionedResource;
import se.trygghetskartan.incident.IncidentCategory;
import se.trygghetskartan.incident.IncidentService;
import se.trygghetskartan.incident.PublicFigures;
import se.trygghetskartan.measure.MeasureFilter;
import se.trygghetskartan.measure.MeasureOrder;
import se.trygghetskartan.measure.MeasureOwner;
import se.trygghetskartan.measure.MeasureService;
import se.trygghetskartan.measure.MeasureStatus;
import se.trygghetskartan.measure.MeasureType;
import se.trygghetskartan.municipality.Municipalities;
import se.trygghetskartan.neighbourhood.NeighbourhoodService;
import se.trygghetskartan.ogcapi.OgcCollection.Queryable;
import se.trygghetskartan.place.PlaceFilter;
import se.trygghetskartan.place.PlaceReason;
import se.trygghetskartan.place.PlaceService;
import se.trygghetskartan.place.PlaceStatus;
import se.trygghetskartan.system.Codes;
import se.trygghetskartan.system.InvalidRequestException;
import se.trygghetskartan.system.NotFoundException;
import se.trygghetskartan.system.RequestError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The collections, in the order they are listed, each reading through its module's own service
 * with the same filters and visibility as the module's {@code /api} list: drafts for staff only,
 * exact incidents for the municipality's police and planners only.
 */
@Component
class OgcCollections {

	private final List<OgcCollection> all;

	OgcCollections(PlaceService places, MeasureService measures, NeighbourhoodService neighbourhoods,
			ActivityService activities, IncidentService incidents, Municipalities municipalities, JdbcClient jdbc,
			JsonMapper json) {
		this.all = List.of(places(places), measures(measures), neighbourhoods(neighbourhoods, municipalities, jdbc, json),
				activities(activities), statistics(incidents, json), incidents(incidents, municipalities, json));
	}

	/** Every collection, whether the caller sees it or not. */
	List<OgcCollection> all() {
		return all;
	}

	// As /api reads one item: in its own municipality, whose staff alone see its drafts.
	private static StoredFeature own(VersionedResource<?, StoredFeature> resource, String featureId) {
		long id = numeric(featureId);
		resource.enter(id);
		return resource.find(id);
	}

	private static OgcCollection places(PlaceService places) {
		return new OgcCollection("places", "Otrygga platser",
				"Platser som invånare upplever som otrygga, med skälen och vad som görs.") {

			List<Queryable> queryables() {
				return List.of(codes("status", PlaceStatus.class), codes("reason", PlaceReason.class),
						new Queryable("neighbourhood", "string", List.of()));
			}

			String items(OgcQuery query) {
				return places.search(new PlaceFilter(query.bbox(), query.property("neighbourhood"),
						code(PlaceStatus.class, "status", query.property("status")),
						code(PlaceReason.class, "reason", query.property("reason")), null, null, query.page()));
			}

			StoredFeature item(String featureId) {
				return own(places, featureId);
			}
		};
	}

	private static OgcCollection measures(MeasureService measures) {
		return new OgcCollection("measures", "Åtgärder",
				"Åtgärder för ökad trygghet (belysning, röjning, kameror, patrullering…) med status och datum.") {

			List<Queryable> queryables() {
				return List.of(codes("status", MeasureStatus.class), codes("type", MeasureType.class),
						codes("owner", MeasureOwner.class), new Queryable("neighbourhood", "string", List.of()));
			}

			String items(OgcQuery query) {
				return measures.search(new MeasureFilter(query.bbox(), query.property("neighbourhood"),
						Codes.parameters(MeasureStatus.class, "status", query.properties("status")),
						Codes.parameters(MeasureType.class, "type", query.properties("type")),
						code(MeasureOwner.class, "owner", query.property("owner")), null, null, MeasureOrder.ID,
						query.page()));
			}

			StoredFeature item(String featureId) {
				return own(measures, featureId);
			}
		};
	}

	private static OgcCollection activities(ActivityService activities) {
		return new OgcCollection("activities", "Aktiviteter",
				"Trygghetsvandringar, medborgardialoger och polisinsatser.") {

			List<Queryable> queryables() {
				return List.of(codes("kind", ActivityKind.class), new Queryable("neighbourhood", "string", List.of()));
			}

			boolean temporal() {
				return true;
			}

			String items(OgcQuery query) {
				return activities.search(new ActivityFilter(code(ActivityKind.class, "kind", query.property("kind")),
						query.property("neighbourhood"), null, query.bbox(), query.from(), query.to(), null,
						query.page()));
			}

			StoredFeature item(String featureId) {
				return own(activities, featureId);
			}
		};
	}

	// Districts are few (tens) and the module reads them whole; a box keeps those that meet it.
	private static OgcCollection neighbourhoods(NeighbourhoodService neighbourhoods, Municipalities municipalities,
			JdbcClient jdbc, JsonMapper json) {
		return new OgcCollection("neighbourhoods", "Områden",
				"Kommunens områden (stadsdelar) med antalet otrygga platser och åtgärder i varje.") {

			List<Queryable> queryables() {
				return List.of();
			}

			boolean paged() {
				return false;
			}

			String items(OgcQuery query) {
				String all = neighbourhoods.featureCollection();
				if (query.bbox() == null) {
					return all;
				}
				Set<String> within = Set.copyOf(jdbc.sql("SELECT slug FROM neighbourhood_overview WHERE municipality_id = "
						+ ":municipality AND ST_Intersects(geom, ST_MakeEnvelope(:bboxMinLon, :bboxMinLat, :bboxMaxLon, "
						+ ":bboxMaxLat, 4326))")
					.param("municipality", municipalities.currentId())
					.params(bind(query))
					.query(String.class)
					.list());
				ObjectNode collection = (ObjectNode) json.readTree(all);
				ArrayNode kept = json.createArrayNode();
				collection.get("features").forEach(feature -> {
					if (within.contains(feature.get("id").asString())) {
						kept.add(feature);
					}
				});
				collection.set("features", kept);
				return json.writeValueAsString(collection);
			}

			StoredFeature item(String featureId) {
				return neighbourhoods.feature(featureId).orElse(null);
			}
		};
	}

	private static java.util.Map<String, Object> bind(OgcQuery query) {
		java.util.Map<String, Object> params = new java.util.HashMap<>();
		query.bbox().bind(params::put);
		return params;
	}

	// The public grid: the same counts for everyone, by year (the latest with incidents unless named),
	// month and category; the module applies the privacy rule. Items are the squares ("x:y").
	private static OgcCollection statistics(IncidentService incidents, JsonMapper json) {
		return new OgcCollection("incident-statistics", "Brottsstatistik per ruta",
				"Antal anmälda händelser per ruta om 250 m (SWEREF 99 TM) och år eller månad; "
						+ "färre än " + IncidentService.MIN_COUNT + " visas aldrig.") {

			List<Queryable> queryables() {
				return List.of(new Queryable("year", "integer", List.of()), new Queryable("month", "integer", List.of()),
						codes("category", IncidentCategory.class));
			}

			boolean paged() {
				return false;
			}

			String items(OgcQuery query) {
				PublicFigures figures = PublicFigures.of(whole("year", query.property("year"), 1990, 2100),
						whole("month", query.property("month"), 1, 12), query.property("category"));
				Integer year = figures.year();
				if (year == null) {
					List<Integer> years = incidents.years();
					year = years.isEmpty() ? java.time.LocalDate.now().getYear() : years.get(0);
				}
				return incidents.statistics(year, figures.month(), figures.category(), query.bbox());
			}

			boolean versioned() {
				return false;
			}

			StoredFeature item(String featureId) {
				return first(json, items(new OgcQuery(null, null, null, java.util.Map.of(), null)), featureId);
			}
		};
	}

	private static OgcCollection incidents(IncidentService incidents, Municipalities municipalities, JsonMapper json) {
		return new OgcCollection("incidents", "Händelser (exakta)",
				"Polisens och kommunens exakta händelser: bara för kommunens poliser och planerare.") {

			boolean visible() {
				long municipality = municipalities.currentId();
				return municipalities.has(Role.POLICE, municipality) || municipalities.has(Role.PLANNER, municipality);
			}

			List<Queryable> queryables() {
				return List.of(codes("category", IncidentCategory.class));
			}

			boolean temporal() {
				return true;
			}

			String items(OgcQuery query) {
				return incidents.exact(query.bbox(), query.from(), query.to(),
						code(IncidentCategory.class, "category", query.property("category")), query.page());
			}

			boolean versioned() {
				return false;
			}

			StoredFeature item(String featureId) {
				return first(json, incidents.exactById(numeric(featureId)), featureId);
			}
		};
	}

	// The feature of that id in a FeatureCollection, as an item without a version; null when it holds none.
	private static StoredFeature first(JsonMapper json, String collection, String featureId) {
		for (JsonNode feature : json.readTree(collection).get("features")) {
			if (feature.get("id").asString().equals(featureId)) {
				return new StoredFeature(0, 0, json.writeValueAsString(feature));
			}
		}
		return null;
	}

	private static Queryable codes(String name, Class<? extends Enum<?>> type) {
		return new Queryable(name, "string", Codes.allowed(type));
	}

	private static <E extends Enum<E>> E code(Class<E> type, String name, String value) {
		return value == null ? null : Codes.parameter(type, name, value);
	}

	private static Integer whole(String name, String value, int min, int max) {
		if (value == null) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			throw InvalidRequestException.parameter(name, RequestError.NOT_WHOLE_NUMBER, "min", min, "max", max, "value",
					value);
		}
	}

	// An item id that is no number names no item: 404, as any unknown id.
	private static long numeric(String featureId) {
		try {
			return Long.parseLong(featureId);
		}
		catch (NumberFormatException ex) {
			throw new NotFoundException("feature", featureId);
		}
	}

}
