package se.trygghetskartan.tiles;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import static se.trygghetskartan.tiles.Tile.covers;
import static se.trygghetskartan.tiles.Tile.geometry;

/**
 * The layers of the public map: published unsafe places, published measures where the public sees
 * them (their own geometry, else their published places'), and the districts. Attributes are those
 * the public API shows, by the same names; drafts and staff names never.
 */
@Configuration
class TileLayers {

	@Bean
	TileLayer placesLayer(JdbcClient jdbc) {
		return new ViewTileLayer("places", "Published unsafe places (points, lines and areas).",
				fields("id", "Number: the place's id, as in /api/places/{id}", "name", "String: the place's name",
						"status", "String: how far it is addressed (a code of /api/vocabularies)"),
				"SELECT p.id AS fid, p.id, p.name, p.status, " + geometry("p.geom") + " AS geom "
						+ "FROM place_overview p WHERE p.published AND " + covers("p.geom"),
				jdbc);
	}

	@Bean
	TileLayer measuresLayer(JdbcClient jdbc) {
		return new ViewTileLayer("measures",
				"Published measures, where the public sees them: their own geometry, else their published places'.",
				fields("id", "Number: the measure's id, as in /api/measures/{id}", "title", "String: the measure's title",
						"type", "String: its type (a code of /api/vocabularies)", "status",
						"String: its status (a code of /api/vocabularies)", "owner",
						"String: who carries it out (a code of /api/vocabularies)", "completedOn",
						"String: the day it was done (YYYY-MM-DD), for a done measure"),
				"SELECT m.id AS fid, m.id, m.title, m.type, m.status, m.owner, "
						+ "CAST(m.completed_on AS text) AS \"completedOn\", " + geometry("e.published_geom") + " AS geom "
						+ "FROM measure_overview m JOIN measure_extent e ON e.measure_id = m.id "
						+ "WHERE m.published AND " + covers("e.published_geom"),
				jdbc);
	}

	@Bean
	TileLayer districtsLayer(JdbcClient jdbc) {
		return new ViewTileLayer("districts", "The municipality's districts (stadsdelar).",
				fields("id", "Number: the district's id", "slug",
						"String: the district's slug, as in /api/neighbourhoods/{slug} and /?omrade={slug}", "name",
						"String: the district's name"),
				"SELECT n.id AS fid, n.id, n.slug, n.name, " + geometry("n.geom") + " AS geom "
						+ "FROM neighbourhood_overview n WHERE " + covers("n.geom"),
				jdbc);
	}

	private static Map<String, String> fields(String... namesAndDescriptions) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (int i = 0; i < namesAndDescriptions.length; i += 2) {
			fields.put(namesAndDescriptions[i], namesAndDescriptions[i + 1]);
		}
		return fields;
	}

}
