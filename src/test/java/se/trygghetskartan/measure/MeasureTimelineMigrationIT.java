package se.trygghetskartan.measure;

import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import se.trygghetskartan.TestDatabase;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V15 gives the measures that exist their public timelines from their change history: one entry
 * per status a change left, dated by the day (in Sweden) of the change, a done measure by its
 * completion date.
 */
class MeasureTimelineMigrationIT {

	@Test
	void existingMeasuresGetTheStatusesTheirHistoryRecordsAsTheirTimeline() {
		Map<String, String> database = TestDatabase.freshDatabase("timeline_migration");
		DriverManagerDataSource dataSource = new DriverManagerDataSource(database.get("url"), database.get("username"),
				database.get("password"));
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("13").load().migrate();
		JdbcClient jdbc = JdbcClient.create(dataSource);
		jdbc.sql("""
				INSERT INTO measure (id, title, type, owner, status, completed_on, geom, created_at, created_by, updated_at,
				  updated_by, version)
				VALUES (1, 'Belysning', 'lighting', 'municipality', 'done', '2024-05-02',
				        ST_SetSRID(ST_MakePoint(16.2, 59.0), 4326), now(), 'anna', now(), 'anna', 3),
				       (2, 'Kamera', 'camera', 'police', 'planned', NULL, ST_SetSRID(ST_MakePoint(16.2, 59.0), 4326),
				        '2023-01-01 12:00+00', 'olle', '2023-02-01 12:00+00', 'olle', 0)
				""").update();
		record(jdbc, 1, "created", "proposed", null, "2023-03-01 23:30+00");
		record(jdbc, 1, "updated", "proposed", null, "2023-03-05 10:00+00");
		record(jdbc, 1, "updated", "planned", null, "2023-06-10 10:00+00");
		record(jdbc, 1, "updated", "done", "2024-05-02", "2024-05-06 10:00+00");

		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("15").load().migrate();

		List<String> timeline = jdbc.sql("""
				SELECT measure_id || ':' || position || ':' || status || ':' || changed_on || ':' || COALESCE(note, '-')
				FROM measure_status_change ORDER BY measure_id, position
				""").query(String.class).list();
		assertThat(timeline).containsExactly("1:0:proposed:2023-03-02:-", "1:1:planned:2023-06-10:-",
				"1:2:done:2024-05-02:-", "2:0:planned:2023-02-01:-");
	}

	private static void record(JdbcClient jdbc, long measure, String action, String status, String completedOn,
			String at) {
		jdbc.sql("""
				INSERT INTO change_record (subject_type, subject_id, version, action, changed_by, changed_at, changes, snapshot)
				VALUES ('measure', :id, 0, :action, 'anna', CAST(:at AS timestamptz), '{}',
				        jsonb_build_object('type', 'Feature', 'properties',
				          jsonb_build_object('status', CAST(:status AS text), 'completedOn', CAST(:completed AS text))))
				""")
			.param("id", measure)
			.param("action", action)
			.param("status", status)
			.param("completed", completedOn)
			.param("at", at)
			.update();
	}

}
