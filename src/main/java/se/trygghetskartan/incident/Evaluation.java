package se.trygghetskartan.incident;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Did a measure work? Incidents in the measure's place(s), buffered, during N months before its
 * completion and N months after, beside the same for a comparison area (the rest of its district).
 * Too few incidents give no percentage but a plain statement. The public version never shows a count
 * from 1 to 4, rounds the others to the nearest 5, and computes every other figure (changes,
 * percentages, the difference, the verdict) from those published counts alone: a figure computed
 * from the true counts would give them away (before 20 and after "fewer than 5" beside −80 % can only
 * mean 4).
 */
public record Evaluation(long measureId, String title, LocalDate completedOn, int months, int buffer,
		List<String> categories, String comparisonArea, long areaBefore, long areaAfter, long comparisonBefore,
		long comparisonAfter, String surveyJson, boolean exact) {

	/** Fewer incidents before than this, in the measure's area, say nothing about a change. */
	static final int MIN_BEFORE = 10;

	/** Fewer incidents before and after together than this say nothing either. */
	static final int MIN_TOTAL = 20;

	boolean complete() {
		return completedOn != null && !completedOn.plusMonths(months).isAfter(LocalDate.now());
	}

	Map<String, Object> toMap(JsonMapper json) {
		Counts area = new Counts(shown(areaBefore), shown(areaAfter));
		Counts comparison = new Counts(shown(comparisonBefore), shown(comparisonAfter));
		boolean meaningful = completedOn != null && area.enough();
		Double areaChange = meaningful ? percent(area) : null;
		Double comparisonChange = meaningful && comparison.before() != null && comparison.before() >= MIN_BEFORE
				? percent(comparison) : null;
		Double difference = areaChange != null && comparisonChange != null ? round(areaChange - comparisonChange)
				: null;

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
		map.put("area", side(area, areaChange));
		Map<String, Object> comparisonSide = side(comparison, comparisonChange);
		comparisonSide.put("name", comparisonArea);
		map.put("comparison", comparisonSide);
		map.put("difference", difference);
		map.put("verdict", verdict(meaningful, difference != null ? difference : areaChange));
		map.put("survey", json.readTree(surveyJson));
		return map;
	}

	private String verdict(boolean meaningful, Double relative) {
		if (completedOn == null) {
			return "not_completed";
		}
		if (!meaningful || relative == null) {
			return "too_few";
		}
		if (Math.abs(relative) < 10) {
			return "no_clear_change";
		}
		return relative < 0 ? "fewer" : "more";
	}

	private Map<String, Object> side(Counts counts, Double changePercent) {
		Map<String, Object> side = new LinkedHashMap<>();
		side.put("before", counts.before());
		side.put("after", counts.after());
		side.put("rounded", !exact);
		side.put("change", counts.before() != null && counts.after() != null ? counts.after() - counts.before() : null);
		side.put("changePercent", changePercent);
		return side;
	}

	/** The change in per cent: to a tenth for staff, to a whole per cent for the public. */
	private Double percent(Counts counts) {
		if (counts.before() == null || counts.after() == null || counts.before() == 0) {
			return null;
		}
		return round((counts.after() - counts.before()) * 100.0 / counts.before());
	}

	private double round(double percent) {
		return exact ? Math.round(percent * 10) / 10.0 : (double) Math.round(percent);
	}

	// The public never sees a count from 1 to 4 ("fewer than 5": null), and sees others rounded to
	// the nearest 5, so that evaluations of neighbouring areas cannot be subtracted to a small count.
	private Long shown(long count) {
		if (exact || count == 0) {
			return count;
		}
		return count < IncidentService.MIN_COUNT ? null : Math.round(count / 5.0) * 5;
	}

	/** The counts before and after on one side, as shown (null: withheld). */
	private record Counts(Long before, Long after) {

		boolean enough() {
			return before != null && after != null && before >= MIN_BEFORE && before + after >= MIN_TOTAL;
		}

	}

}
