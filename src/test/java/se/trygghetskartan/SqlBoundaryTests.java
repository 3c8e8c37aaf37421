package se.trygghetskartan;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import se.trygghetskartan.SqlBoundaries.Project;
import se.trygghetskartan.SqlBoundaries.Sql;

import org.springframework.modulith.core.ApplicationModule;

import static org.assertj.core.api.Assertions.assertThat;

/** Module boundaries hold in SQL: see {@link SqlBoundaries} for the rules. */
class SqlBoundaryTests {

	static final Project PROJECT = SqlBoundaries.load(Path.of(""), javaDependencies());

	// Who uses whom in Java, as Spring Modulith sees it.
	static Map<String, Set<String>> javaDependencies() {
		Map<String, Set<String>> dependencies = new TreeMap<>();
		for (ApplicationModule module : ModularityTests.MODULES) {
			Set<String> targets = new TreeSet<>();
			module.getDirectDependencies(ModularityTests.MODULES)
				.uniqueModules()
				.forEach(target -> targets.add(target.getIdentifier().toString()));
			dependencies.put(module.getIdentifier().toString(), targets);
		}
		return dependencies;
	}

	@Test
	void eachModuleNamesOnlyItsOwnTablesAndTheViewsOthersPublishAndNoCycleHidesInSql() {
		SqlBoundaries.Result result = SqlBoundaries.check(PROJECT);

		assertThat(result.violations()).isEmpty();
		// The check saw the SQL: these modules read other modules' views or point foreign keys at them.
		assertThat(result.sqlDependencies()).containsEntry("incident", Set.of("measure", "municipality", "neighbourhood", "place", "survey"))
			.containsEntry("promise", Set.of("activity", "measure", "municipality", "neighbourhood"))
			.containsEntry("measure", Set.of("municipality", "neighbourhood", "place"))
			.containsEntry("place", Set.of("municipality", "neighbourhood"))
			.containsEntry("neighbourhood", Set.of("municipality"));
	}

	@Test
	void aStatementThatNamesAnotherModulesTableFails() {
		Project bad = PROJECT.with(new Sql("place", "PlaceService.java:1", """
				SELECT p.id, (SELECT count(*) FROM measure_place mp WHERE mp.place_id = p.id) AS measures
				FROM unsafe_place p""", 0));

		assertThat(SqlBoundaries.check(bad).violations())
			.containsExactly("module place names table measure_place of module measure (PlaceService.java:1)");
	}

	@Test
	void tablesInCommaListsJoinsJpaMappingsAndFeatureQueriesCountToo() {
		String source = """
				@CollectionTable(name = "measure_commitment", joinColumns = @JoinColumn(name = "measure_id"))
				class Links {
					// FROM neighbourhood in a comment is no SQL
					String sql = "SELECT 1 FROM activity_overview a, survey_result r LEFT JOIN unsafe_place p ON true";
					Object query = new FeatureQuery("walk_stop", "s", "json_build_object()");
					String where = "commitment.id";
				}
				""";
		Project bad = PROJECT;
		for (SqlBoundaries.JavaLiteral literal : SqlBoundaries.JavaLiteral.all(source)) {
			bad = bad.with(new Sql("measure", "Links.java:" + literal.line(), literal.sql(), 0));
		}

		assertThat(SqlBoundaries.check(bad).violations()).containsExactlyInAnyOrder(
				"module measure names table measure_commitment of module promise (Links.java:1)",
				"module measure names table survey_result of module survey (Links.java:4)",
				"module measure names table unsafe_place of module place (Links.java:4)",
				"module measure names table walk_stop of module activity (Links.java:5)",
				"module measure names table commitment of module promise (Links.java:6)",
				"module measure depends on activity in SQL, but activity -> measure closes a cycle");
	}

	@Test
	void aPublishedViewIsReadNeverWrittenAndNeverUpTheModuleGraph() {
		Project writes = PROJECT.with(new Sql("incident", "X.java:1", "UPDATE measure_overview SET title = 'x'", 0));
		Project upwards = PROJECT.with(new Sql("place", "X.java:2", "SELECT id FROM measure_overview", 0));

		assertThat(SqlBoundaries.check(writes).violations())
			.containsExactly("module incident writes view measure_overview of module measure (X.java:1)");
		assertThat(SqlBoundaries.check(upwards).violations())
			.containsExactly("module place depends on measure in SQL, but measure -> place closes a cycle");
	}

	@Test
	void aNewMigrationChangesOnlyItsModulesTablesAndItsForeignKeysPointDown() {
		Project alters = PROJECT.with(new Sql("place", "V99__place_bad.sql", "ALTER TABLE measure ADD COLUMN x int", 99));
		Project pointsUp = PROJECT.with(new Sql("place", "V99__place_bad.sql",
				"ALTER TABLE unsafe_place ADD COLUMN commitment_id bigint REFERENCES commitment (id)", 99));
		Project pointsDown = PROJECT.with(new Sql("incident", "V99__incident_good.sql",
				"ALTER TABLE incident ADD COLUMN measure_id bigint REFERENCES measure (id)", 99));
		Project undeclared = PROJECT.with(new Sql("place", "V99__place_bad.sql", "CREATE TABLE place_note (id bigint)", 99));

		assertThat(SqlBoundaries.check(alters).violations())
			.containsExactly("module place alters table measure of module measure (V99__place_bad.sql)");
		assertThat(SqlBoundaries.check(pointsUp).violations()).containsExactly(
				"module place depends on promise in SQL, but promise -> activity -> place closes a cycle");
		assertThat(SqlBoundaries.check(pointsDown).violations()).isEmpty();
		assertThat(SqlBoundaries.check(undeclared).violations())
			.containsExactly("place_note is created by a migration but no module's package-info declares it");
	}

	@Test
	void ownershipIsReadFromThePackageInfo() {
		SqlBoundaries.Ownership owns = SqlBoundaries.ownership("""
				/**
				 * Something.
				 *
				 * <p>Tables: {@code a}, {@code b_c}. Published views: {@code
				 * a_overview}.
				 */
				package x;
				""");

		assertThat(owns.tables()).containsExactly("a", "b_c");
		assertThat(owns.views()).containsExactly("a_overview");
	}

}
