package se.trygghetskartan.demo;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.trygghetskartan.geo.GeometryKind;
import se.trygghetskartan.geo.GeometryService;
import se.trygghetskartan.measure.MeasureService;
import se.trygghetskartan.neighbourhood.NeighbourhoodService;
import se.trygghetskartan.place.PlaceService;
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
 * Loads {@code db/demo/*.geojson} into an empty database. Places carry a {@code key} by which the
 * measures name them ({@code places}); keys become ids on the way in.
 */
@Component
@Profile("demo")
class DemoDataLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

	private static final String USER = "demo-data";

	private final NeighbourhoodService neighbourhoods;

	private final PlaceService places;

	private final MeasureService measures;

	private final GeometryService geometries;

	private final TransactionTemplate transaction;

	private final JsonMapper json;

	DemoDataLoader(NeighbourhoodService neighbourhoods, PlaceService places, MeasureService measures,
			GeometryService geometries, TransactionTemplate transaction, JsonMapper json) {
		this.neighbourhoods = neighbourhoods;
		this.places = places;
		this.measures = measures;
		this.geometries = geometries;
		this.transaction = transaction;
		this.json = json;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (neighbourhoods.count() > 0) {
			return;
		}
		JsonNode districts = read("neighbourhoods.geojson");
		JsonNode demoPlaces = read("places.geojson");
		JsonNode demoMeasures = read("measures.geojson");
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(USER, null,
					AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
		try {
			transaction.executeWithoutResult(status -> load(districts, demoPlaces, demoMeasures));
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		log.info("Demo data loaded: {} neighbourhoods, {} places, {} measures", districts.get("features").size(),
				demoPlaces.get("features").size(), demoMeasures.get("features").size());
	}

	private void load(JsonNode districts, JsonNode demoPlaces, JsonNode demoMeasures) {
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
		Map<String, Long> placeIds = new HashMap<>();
		for (JsonNode place : demoPlaces.get("features")) {
			String key = place.get("properties").get("key").stringValue();
			placeIds.put(key, places.create(place).id());
		}
		for (JsonNode measure : demoMeasures.get("features")) {
			ObjectNode copy = (ObjectNode) measure.deepCopy();
			ObjectNode props = (ObjectNode) copy.get("properties");
			ArrayNode ids = props.putArray("placeIds");
			for (JsonNode key : props.path("places")) {
				Long id = placeIds.get(key.stringValue());
				if (id == null) {
					throw new IllegalStateException("Demo measure names an unknown place key " + key);
				}
				ids.add(id);
			}
			props.remove("places");
			measures.create(copy);
		}
	}

	private JsonNode read(String name) throws IOException {
		try (InputStream in = new ClassPathResource("db/demo/" + name).getInputStream()) {
			return json.readTree(in);
		}
	}

}
