package se.trygghetskartan.system;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import se.trygghetskartan.IntegrationTest;
import se.trygghetskartan.TestDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ./tk backup and ./tk restore (db/local-postgis.sh): the tests' database, demo data and all, backed
 * up and restored into a fresh database holds the same rows, geometries and sequences. Tables and
 * geometry columns come from the catalog, so a table added later is compared too.
 */
@IntegrationTest
class BackupRestoreIT {

	static final String SCRIPT = "db/local-postgis.sh";

	@Autowired
	DataSourceProperties shared;

	@Test
	void aBackupRestoredIntoAFreshDatabaseHasEveryTablesRowsGeometriesAndSequences() throws Exception {
		TestDatabase.LocalCluster cluster = TestDatabase.localCluster();
		String dir = cluster.dir().toString();
		Path file = Files.createTempFile("trygghetskartan", ".dump");
		Map<String, String> restored = TestDatabase.freshDatabase("restored");
		try {
			Map<String, String> original = fingerprint(
					Map.of("url", shared.getUrl(), "username", shared.getUsername(), "password", shared.getPassword()));
			assertThat(run(SCRIPT, "backup", file.toString(), "--dir", dir, "--db", database(shared.getUrl())).exitCode())
				.isZero();
			Result restore = run(SCRIPT, "restore", file.toString(), "--dir", dir, "--db", "restored");
			assertThat(restore.exitCode()).as(restore.output()).isZero();

			Map<String, String> copy = fingerprint(restored);
			System.out.println("BackupRestoreIT compared " + original.size() + " figures, the geometries of "
					+ original.keySet().stream().filter(key -> !key.matches(".* (rows|checksum|sequence)")).toList());
			assertThat(copy).isEqualTo(original);
			// The comparison compared something: the demo data's places, districts and incidents.
			assertThat(original).containsKeys("public.unsafe_place geom", "public.neighbourhood geom",
					"public.incident geom");
			assertThat(original.get("public.unsafe_place rows")).isNotEqualTo("0");

			Result refused = run(SCRIPT, "restore", file.toString(), "--dir", dir, "--db", "restored");
			assertThat(refused.exitCode()).isNotZero();
			assertThat(refused.output()).contains("restored holds").contains("--force");
			Result forced = run(SCRIPT, "restore", file.toString(), "--dir", dir, "--db", "restored", "--force");
			assertThat(forced.exitCode()).as(forced.output()).isZero();
			assertThat(fingerprint(restored)).isEqualTo(original);
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	static String database(String url) {
		return url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
	}

	/**
	 * Per table: its row count and a checksum of its rows in primary key order; per geometry column:
	 * md5 of its WKB in that order; per sequence: its last value.
	 */
	static Map<String, String> fingerprint(Map<String, String> database) throws SQLException {
		Map<String, String> fingerprint = new TreeMap<>();
		try (Connection connection = DriverManager.getConnection(database.get("url"), database.get("username"),
				database.get("password"));
				Statement statement = connection.createStatement()) {
			List<String[]> tables = rows(statement, """
					SELECT quote_ident(table_schema) || '.' || quote_ident(table_name),
					  coalesce((SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY k.ordinality)
					    FROM pg_index i CROSS JOIN unnest(i.indkey) WITH ORDINALITY k(attnum, ordinality)
					    JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
					    WHERE i.indrelid = (quote_ident(table_schema) || '.' || quote_ident(table_name))::regclass
					      AND i.indisprimary), 't::text')
					FROM information_schema.tables
					WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
					""");
			for (String[] table : tables) {
				String[] summary = rows(statement, "SELECT count(*), md5(string_agg(t::text, E'\\n' ORDER BY "
						+ table[1] + ")) FROM " + table[0] + " t").get(0);
				fingerprint.put(table[0] + " rows", summary[0]);
				fingerprint.put(table[0] + " checksum", summary[1]);
			}
			for (String[] column : rows(statement, """
					SELECT quote_ident(f_table_schema) || '.' || quote_ident(f_table_name), quote_ident(f_geometry_column)
					FROM geometry_columns
					""")) {
				// Views have geometry columns too; their tables are compared already.
				String[] table = tables.stream().filter(t -> t[0].equals(column[0])).findFirst().orElse(null);
				if (table == null) {
					continue;
				}
				String order = table[1];
				fingerprint.put(column[0] + " " + column[1], rows(statement, "SELECT md5(string_agg(ST_AsBinary("
						+ column[1] + "), ''::bytea ORDER BY " + order + ")) FROM " + column[0] + " t").get(0)[0]);
			}
			for (String[] sequence : rows(statement,
					"SELECT schemaname || '.' || sequencename, last_value FROM pg_sequences")) {
				fingerprint.put(sequence[0] + " sequence", sequence[1]);
			}
		}
		return fingerprint;
	}

	static List<String[]> rows(Statement statement, String sql) throws SQLException {
		List<String[]> rows = new ArrayList<>();
		try (ResultSet result = statement.executeQuery(sql)) {
			int columns = result.getMetaData().getColumnCount();
			while (result.next()) {
				String[] row = new String[columns];
				for (int i = 0; i < columns; i++) {
					row[i] = result.getString(i + 1);
				}
				rows.add(row);
			}
		}
		return rows;
	}

	record Result(int exitCode, String output) {
	}

	static Result run(String script, String... arguments) throws Exception {
		List<String> command = new ArrayList<>(List.of("bash", script));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
		return new Result(process.exitValue(), output);
	}

}
