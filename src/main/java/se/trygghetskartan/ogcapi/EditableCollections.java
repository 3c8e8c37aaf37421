package se.trygghetskartan.ogcapi;

import java.util.Map;
import java.util.Set;

import se.trygghetskartan.geo.GeometryService;
import se.trygghetskartan.measure.MeasureDraft;
import se.trygghetskartan.measure.MeasureService;
import se.trygghetskartan.place.PlaceDraft;
import se.trygghetskartan.place.PlaceService;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The collections Part 4 edits, by id: places and measures, each through its module's own service. */
@Component
class EditableCollections {

	private final Map<String, EditableCollection<?>> collections;

	EditableCollections(PlaceService places, MeasureService measures, GeometryService geometries, JdbcClient jdbc,
			JsonMapper json) {
		this.collections = Map.of("places",
				new EditableCollection<>(places.subject(), places, body -> PlaceDraft.read(body, geometries),
						feature -> feature.get("geometry"),
						"SELECT ST_AsGeoJSON(geom, 15) FROM place_overview WHERE id = :id", jdbc, json),
				"measures",
				// A measure's Feature shows where it is (its places' when it has no geometry of its own);
				// what it stores is its own geometry, which its extent then is.
				new EditableCollection<>(measures.subject(), measures, body -> MeasureDraft.read(body, geometries),
						feature -> feature.path("properties").get("ownGeometry"),
						"SELECT ST_AsGeoJSON(geom, 15) FROM measure_extent WHERE measure_id = :id", jdbc, json));
	}

	/** The collection with this id, or null when it is not one Part 4 edits. */
	EditableCollection<?> get(String collectionId) {
		return collections.get(collectionId);
	}

	Set<String> ids() {
		return collections.keySet();
	}

}
