package se.trygghetskartan.exchange;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import se.trygghetskartan.system.InvalidRequestException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImportMappingTests {

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void columnsOfTheSameNameAsAFieldAreProposedInAnyCase() {
		ImportMapping proposed = ImportMapping.proposed(ImportLayer.PLACES,
				List.of("ID", "Name", "reasons", "WKT", "kommentar"), ImportMapping.NONE);
		assertThat(proposed.columns()).containsExactly(Map.entry("id", "ID"), Map.entry("wkt", "WKT"),
				Map.entry("name", "Name"), Map.entry("reasons", "reasons"));
	}

	@Test
	void theSavedMappingComesFirstWhereItsColumnsAreInTheFile() {
		ImportMapping saved = new ImportMapping(Map.of("name", "namn", "description", "saknas"));
		ImportMapping proposed = ImportMapping.proposed(ImportLayer.PLACES, List.of("namn", "name", "description", "E", "N"),
				saved);
		assertThat(proposed.columns()).containsEntry("name", "namn").containsEntry("description", "description")
			.containsEntry("x", "E").containsEntry("y", "N");
	}

	@Test
	void aMappingNamesOnlyTheLayersFieldsAndTheFilesColumns() {
		assertThat(ImportMapping.parse("{\"title\": \"rubrik\", \"id\": null}", ImportLayer.MEASURES, json).columns())
			.containsExactly(Map.entry("title", "rubrik"));
		assertThatThrownBy(() -> ImportMapping.parse("{\"title\": \"rubrik\"}", ImportLayer.PLACES, json))
			.isInstanceOfSatisfying(InvalidRequestException.class,
					ex -> assertThat(ex.violations().get(0).reason().code()).isEqualTo("mapping_unknown_field"));
		assertThatThrownBy(() -> ImportMapping.parse("[\"name\"]", ImportLayer.PLACES, json))
			.isInstanceOf(InvalidRequestException.class);
		ImportMapping mapping = new ImportMapping(Map.of("name", "namn"));
		assertThatThrownBy(() -> mapping.requireColumns(List.of("name")))
			.isInstanceOfSatisfying(InvalidRequestException.class,
					ex -> assertThat(ex.violations().get(0).reason().code()).isEqualTo("mapping_unknown_column"));
	}

}
