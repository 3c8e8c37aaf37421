package se.trygghetskartan.exchange;

import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The mapping each municipality's last import of a layer used (table {@code import_mapping}). */
@Component
class ImportMappings {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ImportMappings(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	Optional<ImportMapping> saved(long municipalityId, ImportLayer layer) {
		return jdbc.sql("SELECT mapping::text FROM import_mapping WHERE municipality_id = :municipality AND layer = :layer")
			.param("municipality", municipalityId)
			.param("layer", layer.path())
			.query(String.class)
			.optional()
			.map(text -> ImportMapping.parse(text, layer, json));
	}

	void save(long municipalityId, ImportLayer layer, ImportMapping mapping) {
		jdbc.sql("""
				INSERT INTO import_mapping (municipality_id, layer, mapping)
				VALUES (:municipality, :layer, CAST(:mapping AS jsonb))
				ON CONFLICT (municipality_id, layer)
				DO UPDATE SET mapping = EXCLUDED.mapping, changed_at = now()
				""")
			.param("municipality", municipalityId)
			.param("layer", layer.path())
			.param("mapping", json.writeValueAsString(mapping.columns()))
			.update();
	}

}
