package se.trygghetskartan.incident;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Did a measure work? Incidents in the measure's place(s), buffered, during N months before its
 * completion and N months after, beside the same for a comparison area (the rest of its district).
 * Too few incidents give no percentage but a plain statement; the public version also never shows a
 * count between 1 and 4.
 */
public record Evaluation(long measureId, String title, LocalDate completedOn, int months, int buffer,
		List<String> categories, String comparisonArea, long areaBefore, long areaAfter, long comparisonBefore,
		long comparisonAfter, String surveyJson, boolean exact) {

	/** Fewer incidents before than this, in the measure's area, say nothing about a change. */
	static final int MIN_BEFORE = 10;

	/** Fewer incidents before and after together than this say nothing either. */
	static final int MIN_TOTAL = 20;

	String verdict() {
		if (completedOn == null) {
			return "not_completed";
		}
		if (areaBefore < MIN_BEFORE || areaBefore + areaAfter < MIN_TOTAL) {
			return "too_few";
		}
		double change = changePercent(areaBefore, areaAfter);
		Double comparison = comparisonChange();
		double relative = comparison == null ? change : change - comparison;
		if (Math.abs(relative) < 10) {
			return "no_clear_change";
		}
		return relative < 0 ? "fewer" : "more";
	}

	private Double comparisonChange() {
		return comparisonBefore < MIN_BEFORE ? null : changePercent(comparisonBefore, comparisonAfter);
	}

	private static double changePercent(long before, long after) {
		return Math.round((after - before) * 1000.0 / before) / 10.0;
	}

	boolean complete() {
		return completedOn != null && !completedOn.plusMonths(months).isAfter(LocalDate.now());
	}

	Map<String, Object> toMap(JsonMapper json) {
		String verdict = verdict();
		boolean meaningful = !verdict.equals("too_few") && !verdict.equals("not_completed");
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("measureId", measureId);
		map.put("title", title);
		map.put("completedOn", completedOn);
		map.put("months", months);
		map.put("buffer", buffer);
		map.put("categories", categories);
		map.put("complete", complete());
		map.put("exact", exact);
		map.put("minCount", exact ? null : IncidentService.MIN_COUNT);
		map.put("area", side(areaBefore, areaAfter, meaningful));
		Map<String, Object> comparison = side(comparisonBefore, comparisonAfter,
				meaningful && comparisonBefore >= MIN_BEFORE);
		comparison.put("name", comparisonArea);
		map.put("comparison", comparison);
		Double comparisonChange = comparisonChange();
		Double difference = meaningful && comparisonChange != null
				? Math.round((changePercent(areaBefore, areaAfter) - comparisonChange) * 10) / 10.0 : null;
		map.put("difference", difference == null || exact ? difference : (Double) (double) Math.round(difference));
		map.put("verdict", verdict);
		map.put("survey", json.readTree(surveyJson));
		return map;
	}

	private Map<String, Object> side(long before, long after, boolean withPercent) {
		Map<String, Object> side = new LinkedHashMap<>();
		side.put("before", shown(before));
		side.put("after", shown(after));
		side.put("rounded", !exact);
		Long shownBefore = shown(before);
		Long shownAfter = shown(after);
		side.put("change", shownBefore != null && shownAfter != null ? shownAfter - shownBefore : null);
		side.put("changePercent", !withPercent || before == 0 ? null
				: exact ? changePercent(before, after) : (double) Math.round(changePercent(before, after)));
		return side;
	}

	// The public never sees a count from 1 to 4 ("fewer than 5": null), and sees others rounded to
	// the nearest 5, so that evaluations of neighbouring areas cannot be subtracted to a small count.
	private Long shown(long count) {
		if (exact || count == 0) {
			return count;
		}
		return count < IncidentService.MIN_COUNT ? null : Math.round(count / 5.0) * 5;
	}

}
