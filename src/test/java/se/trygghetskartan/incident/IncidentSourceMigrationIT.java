package se.trygghetskartan.incident;

import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import se.trygghetskartan.TestDatabase;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The managed list of sources, migrated onto a database whose sources were free text until then. */
class IncidentSourceMigrationIT {

	@Test
	void sourcesSpeltTwoWaysBecomeOneAndAnIncidentStoredUnderBothIsKeptOnce() {
		Map<String, String> database = TestDatabase.freshDatabase("incident_source_migration");
		DriverManagerDataSource dataSource = new DriverManagerDataSource(database.get("url"), database.get("username"),
				database.get("password"));
		Flyway.configure().dataSource(dataSource).locations("filesystem:db/migration").target("13").load().migrate();
		JdbcClient jdbc = JdbcClient.create(dataSource);
		jdbc.sql("""
				INSERT INTO incident_import (source, status, started_by) VALUES ('Polisen', 'done', 'police');
				INSERT INTO incident (occurred_from, category, geom, grid_x, grid_y, source, source_id, imported_by, imported_at)
				VALUES ('2024-01-01', 'theft', ST_SetSRID(ST_MakePoint(16.21, 59.0), 4326), 1, 1, 'Polisen', 'A-1', 'police', '2024-01-02'),
				       ('2024-01-01', 'theft', ST_SetSRID(ST_MakePoint(16.21, 59.0), 4326), 1, 1, 'polisen', 'A-1', 'police', '2024-01-03'),
				       ('2024-01-05', 'theft', ST_SetSRID(ST_MakePoint(16.21, 59.0), 4326), 1, 1, 'POLISEN', 'A-2', 'police', '2024-01-04'),
				       ('2024-01-05', 'theft', ST_SetSRID(ST_MakePoint(16.21, 59.0), 4326), 1, 1, 'Larmcentralen', 'L-1', 'police', '2024-01-04');
				""").update();

		Flyway.configure().dataSource(dataSource).locations("filesystem:db/migration").load().migrate();

		assertThat(jdbc.sql("SELECT source || ':' || source_id FROM incident ORDER BY 1").query(String.class).list())
			.containsExactly("larmcentralen:L-1", "polisen:A-1", "polisen:A-2");
		assertThat(jdbc.sql("SELECT imported_at::date::text FROM incident WHERE source_id = 'A-1'").query(String.class).single())
			.as("the first one stored stays").isEqualTo("2024-01-02");
		assertThat(jdbc.sql("SELECT source FROM incident_import").query(String.class).single()).isEqualTo("polisen");
		assertThat(jdbc.sql("SELECT slug || '=' || name FROM incident_source ORDER BY slug").query(String.class).list())
			.containsExactly("kommunen=Kommunens egna rapporter", "larmcentralen=Larmcentralen", "polisen=Polisen");
	}

}
