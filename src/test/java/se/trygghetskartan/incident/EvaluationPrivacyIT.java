package se.trygghetskartan.incident;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.LongStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public evaluation of measures, attacked: on generated incidents around eight done measures
 * (fixed seed), an attacker reads every anonymous evaluation answer (every measure, every window the
 * public may ask for) and solves for the true counts by enumeration, using the rounding and
 * suppression rule, the nesting of windows and the percentages. No true count from 1 to 4 may be
 * pinned down, nor any count at all that was only published rounded.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluationPrivacyIT {

	static final int[] WINDOWS = { 6, 12, 24 };

	static final List<String> SIDES = List.of("area", "comparison");

	@LocalServerPort
	int port;

	@Autowired
	IncidentStore store;

	final List<Long> measures = new ArrayList<>();

	/**
	 * Eight measures in Norr, each at its own spot and in its own years (so that their windows and
	 * areas do not mix), with incidents in every half-year of the two years before and after: often
	 * 0 to 4, else 5 to 14, in the measure's 100 m buffer and elsewhere in the district.
	 */
	@BeforeAll
	void measuresWithIncidents() {
		ApiClient planner = new ApiClient(port).as("planner", "planner");
		Random random = new Random(9);
		for (int k = 0; k < 8; k++) {
			double lon = 16.201 + (k % 4) * 0.004;
			double lat = 59.006 + (k / 4) * 0.004;
			LocalDate completed = LocalDate.of(1975 + 5 * k, 3 + k, 10);
			long place = planner.post("/api/places", """
					{"type":"Feature","geometry":{"type":"Point","coordinates":[%s,%s]},
					 "properties":{"name":"Utvärderingsattack %d","reasons":["crime_exposed"],"source":"police"}}"""
				.formatted(lon, lat, k)).json().get("id").longValue();
			measures.add(planner.post("/api/measures", """
					{"type":"Feature","geometry":null,"properties":{"title":"Utvärderingsattack %d","type":"lighting",
					 "owner":"municipality","status":"done","completedOn":"%s","placeIds":[%d]}}"""
				.formatted(k, completed, place)).json().get("id").longValue());
			List<IncidentRow> rows = new ArrayList<>();
			for (int segment = -4; segment < 4; segment++) {
				// The middle of the half-year: segment -1 is the six months before completion.
				LocalDate day = completed.plusMonths(6L * segment + 3);
				add(rows, random, "eva-" + k + "-a" + segment, lon, lat, 0.0003, day);
				add(rows, random, "eva-" + k + "-c" + segment, 16.207, 59.013, 0.001, day);
			}
			store.store("evaluation-attack", "test", rows);
		}
	}

	static void add(List<IncidentRow> rows, Random random, String prefix, double lon, double lat, double spread,
			LocalDate day) {
		int count = random.nextInt(10) < 5 ? random.nextInt(5) : 5 + random.nextInt(10);
		for (int i = 0; i < count; i++) {
			rows.add(new IncidentRow(rows.size(), prefix + "-" + i, lon + (random.nextDouble() - 0.5) * spread,
					lat + (random.nextDouble() - 0.5) * spread, 4326, day.atTime(12, 0).atOffset(ZoneOffset.UTC), null,
					IncidentCategory.VANDALISM, false));
		}
	}

	/** Every answer the public gets for a measure, by window; windows the public may not ask for are absent. */
	Map<Integer, JsonNode> publicAnswers(long measure) {
		ApiClient anonymous = new ApiClient(port);
		Map<Integer, JsonNode> answers = new TreeMap<>();
		for (int months : WINDOWS) {
			ApiClient.Response response = anonymous.get("/api/measures/" + measure + "/evaluation?months=" + months);
			if (response.status() == 200) {
				answers.put(months, response.json());
			}
			else {
				assertThat(response.status()).isEqualTo(400);
			}
		}
		assertThat(answers).as("the public gets some evaluation of measure %d", measure).isNotEmpty();
		return answers;
	}

	Map<Integer, JsonNode> trueCounts(long measure) {
		ApiClient police = new ApiClient(port).as("police", "police");
		Map<Integer, JsonNode> answers = new TreeMap<>();
		for (int months : WINDOWS) {
			answers.put(months, police.get("/api/measures/" + measure + "/evaluation?months=" + months).json());
		}
		return answers;
	}

	@Test
	void anAttackerReadingEveryPublicEvaluationPinsDownNoCountThatWasHidden() {
		List<String> leaks = new ArrayList<>();
		for (long measure : measures) {
			leaks.addAll(Attacker.solve(publicAnswers(measure), trueCounts(measure))
				.stream()
				.map(leak -> "measure " + measure + ": " + leak)
				.toList());
		}
		assertThat(leaks).isEmpty();
	}

	@Test
	void everyPublicFigureFollowsFromTheCountsShown() {
		List<Long> all = new ArrayList<>(measures);
		// The demo's done measures too (measure 10 is the one the probe reported).
		for (JsonNode measure : new ApiClient(port).get("/api/measures?status=done").json().get("features")) {
			all.add(measure.get("id").longValue());
		}
		for (long measure : all) {
			publicAnswers(measure).forEach((months, answer) -> {
				String where = "measure " + measure + ", " + months + " months: " + answer;
				for (String side : SIDES) {
					JsonNode figures = answer.get(side);
					Long before = count(figures.get("before"));
					Long after = count(figures.get("after"));
					assertThat(count(figures.get("change"))).as("change, " + where)
						.isEqualTo(before == null || after == null ? null : after - before);
					Double percent = number(figures.get("changePercent"));
					if (percent != null) {
						assertThat(Attacker.followsFrom(percent, before, after)).as("%s change in %%, %s", side, where)
							.isTrue();
					}
				}
				Double area = number(answer.get("area").get("changePercent"));
				Double comparison = number(answer.get("comparison").get("changePercent"));
				Double difference = number(answer.get("difference"));
				if (difference != null) {
					assertThat(area).as("difference needs the area's change, " + where).isNotNull();
					assertThat(comparison).as("difference needs the comparison's change, " + where).isNotNull();
					assertThat(difference).as("difference, " + where).isEqualTo(area - comparison);
				}
				Long before = count(answer.get("area").get("before"));
				Long after = count(answer.get("area").get("after"));
				String verdict = answer.get("verdict").stringValue();
				if (before == null || after == null || before < Evaluation.MIN_BEFORE
						|| before + after < Evaluation.MIN_TOTAL) {
					assertThat(verdict).as("verdict with too few counts shown, " + where).isEqualTo("too_few");
				}
				else {
					double relative = difference != null ? difference : area;
					assertThat(verdict).as("verdict, " + where)
						.isEqualTo(Math.abs(relative) < 10 ? "no_clear_change" : relative < 0 ? "fewer" : "more");
				}
			});
		}
	}

	static Long count(JsonNode node) {
		return node == null || node.isNull() ? null : node.longValue();
	}

	static Double number(JsonNode node) {
		return node == null || node.isNull() ? null : node.doubleValue();
	}

	/**
	 * Solves, per side of one measure, for the true counts of every window and of every stretch
	 * between two nested windows, by enumerating all counts the published figures allow: a count
	 * shown as n ≥ 5 is one of n−2…n+2 (and at least 5), a withheld one is 1…4, 0 is 0; nested
	 * windows never hold fewer than the windows inside them. A percentage that does not follow from
	 * the counts shown was computed from the true ones, and then pins them further.
	 */
	static final class Attacker {

		static List<String> solve(Map<Integer, JsonNode> published, Map<Integer, JsonNode> truth) {
			List<Integer> windows = new ArrayList<>(published.keySet());
			List<String> leaks = new ArrayList<>();
			for (String side : SIDES) {
				List<long[]> befores = candidates(windows, published, side, "before");
				List<long[]> afters = candidates(windows, published, side, "after");
				List<long[][]> solutions = new ArrayList<>();
				for (long[] before : befores) {
					for (long[] after : afters) {
						if (agreesWithPercentages(windows, published, side, before, after)) {
							solutions.add(new long[][] { before, after });
						}
					}
				}
				for (int direction = 0; direction < 2; direction++) {
					String name = direction == 0 ? "before" : "after";
					for (int i = 0; i < windows.size(); i++) {
						int window = i;
						int d = direction;
						long actual = truth.get(windows.get(i)).get(side).get(name).longValue();
						check(leaks, side + " " + name + " " + windows.get(i) + " months", actual,
								solutions.stream().map(s -> s[d][window]).toList());
						if (i > 0) {
							long inner = truth.get(windows.get(i - 1)).get(side).get(name).longValue();
							check(leaks, side + " " + name + " months " + windows.get(i - 1) + "–" + windows.get(i),
									actual - inner, solutions.stream().map(s -> s[d][window] - s[d][window - 1]).toList());
						}
					}
				}
			}
			return leaks;
		}

		private static void check(List<String> leaks, String what, long actual, List<Long> possible) {
			Set<Long> values = new HashSet<>(possible);
			assertThat(values).as("the attacker's model admits the true count of %s", what).contains(actual);
			if (values.size() == 1 && actual > 0) {
				leaks.add(what + " is pinned down to its true count " + actual);
			}
		}

		/** The counts a window can have hidden behind what is shown, nested windows non-decreasing. */
		private static List<long[]> candidates(List<Integer> windows, Map<Integer, JsonNode> published, String side,
				String direction) {
			List<long[]> vectors = new ArrayList<>();
			vectors.add(new long[0]);
			for (int window : windows) {
				List<Long> values = preimage(published.get(window).get(side).get(direction));
				List<long[]> longer = new ArrayList<>();
				for (long[] vector : vectors) {
					for (long value : values) {
						if (vector.length == 0 || value >= vector[vector.length - 1]) {
							long[] next = Arrays.copyOf(vector, vector.length + 1);
							next[vector.length] = value;
							longer.add(next);
						}
					}
				}
				vectors = longer;
			}
			return vectors;
		}

		private static List<Long> preimage(JsonNode shown) {
			if (shown.isNull()) {
				return LongStream.rangeClosed(1, 4).boxed().toList();
			}
			long n = shown.longValue();
			return n == 0 ? List.of(0L) : LongStream.rangeClosed(Math.max(5, n - 2), n + 2).boxed().toList();
		}

		private static boolean agreesWithPercentages(List<Integer> windows, Map<Integer, JsonNode> published,
				String side, long[] before, long[] after) {
			for (int i = 0; i < windows.size(); i++) {
				JsonNode figures = published.get(windows.get(i)).get(side);
				Double percent = number(figures.get("changePercent"));
				if (percent != null && !followsFrom(percent, count(figures.get("before")), count(figures.get("after")))
						&& !(before[i] > 0 && followsFrom(percent, before[i], after[i]))) {
					return false;
				}
			}
			return true;
		}

		/** Whether a percentage is the change from these counts, rounded to a whole or a tenth. */
		static boolean followsFrom(double percent, Long before, Long after) {
			if (before == null || after == null || before == 0) {
				return false;
			}
			double exact = (after - before) * 100.0 / before;
			return Math.abs(percent - exact) <= 0.55;
		}

	}

}
