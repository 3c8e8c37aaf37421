package se.trygghetskartan.incident;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The privacy rule as a property: on randomly generated incidents (fixed seeds, so a failure can be
 * replayed), no combination of the public parameters yields a count from 1 to 4, an incident's
 * coordinates, a sensitive incident, or figures that subtract to a count from 1 to 4.
 */
@IntegrationTest
class IncidentPrivacyIT {

	static final List<IncidentCategory> CATEGORIES = List.of(IncidentCategory.THEFT, IncidentCategory.VANDALISM,
			IncidentCategory.ASSAULT, IncidentCategory.BIKE_THEFT);

	@LocalServerPort
	int port;

	@Autowired
	IncidentStore store;

	@Test
	void publicStatisticsNeverRevealSmallCountsCoordinatesOrSensitiveIncidentsWhateverTheParameters() {
		ApiClient anonymous = new ApiClient(port);
		for (int seed = 1; seed <= 4; seed++) {
			int year = 2000 + seed;
			List<IncidentRow> rows = generate(new Random(seed), year);
			for (int from = 0; from < rows.size(); from += 500) {
				IncidentStore.Outcome outcome = store.store("privacy-" + seed, "test",
						rows.subList(from, Math.min(from + 500, rows.size())));
				assertThat(outcome.outside()).isEmpty();
			}

			List<String> categories = new ArrayList<>();
			categories.add(null);
			CATEGORIES.forEach(c -> categories.add(c.name().toLowerCase()));
			Map<String, Map<String, Long>> yearly = new HashMap<>();
			Map<String, Map<String, Long>> monthlySums = new HashMap<>();
			Map<String, Map<String, Long>> monthly = new HashMap<>();
			for (String category : categories) {
				for (Integer month = null;; month = month == null ? 1 : month + 1) {
					String query = "/api/incident-statistics?year=" + year + (month == null ? "" : "&month=" + month)
							+ (category == null ? "" : "&category=" + category);
					String body = anonymous.get(query).body();
					for (IncidentRow row : rows) {
						assertThat(body).as("coordinates of %s in %s", row.sourceId(), query)
							.doesNotContain(String.valueOf(row.x())).doesNotContain(String.valueOf(row.y()));
					}
					JsonNode features = anonymous.get(query).json().get("features");
					for (JsonNode feature : features) {
						long count = feature.get("properties").get("count").longValue();
						assertThat(count).as("a published count in %s", query).isGreaterThanOrEqualTo(5);
						String cell = feature.get("properties").get("cell").stringValue();
						assertThat(cell).as("the sensitive incidents' square is never published").isNotEqualTo(SENSITIVE_CELL);
						String key = category == null ? "all" : category;
						if (month == null) {
							yearly.computeIfAbsent(key, k -> new HashMap<>()).put(cell, count);
						}
						else {
							monthlySums.computeIfAbsent(key, k -> new HashMap<>()).merge(cell, count, Long::sum);
							monthly.computeIfAbsent(key, k -> new HashMap<>()).put(cell + "@" + month, count);
						}
					}
					if (month != null && month == 12) {
						break;
					}
				}
			}
			// Per category and over all: a year count minus its published months leaves 0 or at least 5
			// hidden; and the other way round, a square with a published month has its year published,
			// since leaving the year out would say that the other months hold 1 to 4.
			for (String category : monthlySums.keySet()) {
				Map<String, Long> years = yearly.getOrDefault(category, Map.of());
				monthlySums.get(category).forEach((cell, months) -> {
					assertThat(years).as("the year of %s %s, which has published months", category, cell).containsKey(cell);
					long remainder = years.get(cell) - months;
					assertThat(remainder).as("year minus published months, %s %s", category, cell)
						.satisfiesAnyOf(r -> assertThat(r).isZero(), r -> assertThat(r).isGreaterThanOrEqualTo(5));
				});
			}
			// Over all categories, each month's count is the sum of the published category counts.
			monthly.getOrDefault("all", Map.of()).forEach((cellMonth, total) -> {
				long parts = CATEGORIES.stream()
					.mapToLong(c -> monthly.getOrDefault(c.name().toLowerCase(), Map.of()).getOrDefault(cellMonth, 0L))
					.sum();
				assertThat(total).as("all categories in %s", cellMonth).isEqualTo(parts);
			});
			// Over all categories: the sum of the published category counts, hiding nothing.
			yearly.getOrDefault("all", Map.of()).forEach((cell, total) -> {
				long parts = CATEGORIES.stream()
					.mapToLong(c -> yearly.getOrDefault(c.name().toLowerCase(), Map.of()).getOrDefault(cell, 0L))
					.sum();
				assertThat(total).as("all categories in %s", cell).isEqualTo(parts);
			});
		}
	}

	static String SENSITIVE_CELL;

	// Squares × categories with 0 to 14 incidents each, bunched into a main month with the rest
	// scattered, so that many year counts hide a few incidents in quiet months (the case to guard).
	static List<IncidentRow> generate(Random random, int year) {
		List<IncidentRow> rows = new ArrayList<>();
		double baseE = 568_000;
		double baseN = 6_539_000;
		int i = 0;
		for (int cell = 0; cell < 16; cell++) {
			for (IncidentCategory category : CATEGORIES) {
				int count = random.nextInt(15);
				int mainMonth = 1 + random.nextInt(12);
				for (int k = 0; k < count; k++) {
					int month = random.nextInt(10) < 6 ? mainMonth : 1 + random.nextInt(12);
					double e = baseE + (cell % 4) * 250 + 1 + random.nextDouble() * 247;
					double n = baseN + (cell / 4) * 250 + 1 + random.nextDouble() * 247;
					OffsetDateTime when = LocalDate.of(year, month, 1 + random.nextInt(28)).atTime(20, 0)
						.atOffset(ZoneOffset.ofHours(1));
					rows.add(new IncidentRow(i, year + "-" + i++, Math.round(e * 10) / 10.0, Math.round(n * 10) / 10.0, 3006,
							when, null, category, false));
				}
			}
		}
		double sensitiveE = baseE + 10 * 250 + 100;
		double sensitiveN = baseN + 10 * 250 + 100;
		SENSITIVE_CELL = ((int) (sensitiveE / 250)) + ":" + ((int) (sensitiveN / 250));
		for (int k = 0; k < 12; k++) {
			rows.add(new IncidentRow(10_000 + k, year + "-s-" + k, sensitiveE + k, sensitiveN, 3006,
					LocalDate.of(year, 3, 1).atTime(21, 0).atOffset(ZoneOffset.ofHours(1)), null,
					IncidentCategory.ASSAULT, true));
		}
		return rows;
	}

	@Test
	void theExactIncidentsAndTheirEvaluationCountsAreOnlyForThePoliceAndPlanners() {
		ApiClient anonymous = new ApiClient(port);
		JsonNode open = anonymous.get("/api/measures/1/evaluation?months=12").json();
		assertThat(open.get("exact").booleanValue()).isFalse();
		for (String side : List.of("area", "comparison")) {
			for (String when : List.of("before", "after")) {
				JsonNode count = open.get(side).get(when);
				assertThat(count.isNull() || count.longValue() == 0 || count.longValue() % 5 == 0)
					.as("%s %s is rounded to 5 or withheld", side, when).isTrue();
			}
		}
		assertThat(anonymous.get("/api/measures/1/evaluation?months=13").status()).isEqualTo(400);
		assertThat(anonymous.get("/api/measures/1/evaluation?months=12&buffer=120").status()).isEqualTo(400);
		assertThat(anonymous.get("/api/measures/1/evaluation?months=12&category=theft").status()).isEqualTo(400);
		JsonNode exact = anonymous.as("police", "police").get("/api/measures/1/evaluation?months=13&buffer=120").json();
		assertThat(exact.get("exact").booleanValue()).isTrue();
	}

}
