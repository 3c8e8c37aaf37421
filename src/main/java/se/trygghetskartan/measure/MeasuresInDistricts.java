package se.trygghetskartan.measure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import se.trygghetskartan.neighbourhood.NeighbourhoodContents;
import se.trygghetskartan.system.Codes;

import org.springframework.stereotype.Component;

/**
 * A district's measures, each where the measure_extent view says it is (for the public, where its
 * published places are): how many, how many of each status, and for its summary the measures by status.
 */
@Component
class MeasuresInDistricts implements NeighbourhoodContents {

	private static final String VISIBLE = """
			FROM measure m JOIN measure_extent e ON e.measure_id = m.id
			WHERE (:staff OR m.published) AND ST_Intersects(CASE WHEN :staff THEN e.geom ELSE e.published_geom END, %s)""";

	private final MeasureService measures;

	MeasuresInDistricts(MeasureService measures) {
		this.measures = measures;
	}

	@Override
	public Map<String, String> figures(String area) {
		StringJoiner statuses = new StringJoiner(", ");
		for (MeasureStatus status : MeasureStatus.values()) {
			statuses.add("('" + Codes.of(status) + "', " + status.ordinal() + ")");
		}
		Map<String, String> figures = new LinkedHashMap<>();
		figures.put("measureCount", "(SELECT count(*) " + VISIBLE.formatted(area) + ")");
		figures.put("measuresByStatus", """
				(SELECT json_object_agg(s.status, COALESCE(c.n, 0) ORDER BY s.ord)
				 FROM (VALUES %s) AS s(status, ord)
				 LEFT JOIN (SELECT m.status, count(*) AS n %s GROUP BY m.status) c ON c.status = s.status)"""
			.formatted(statuses, VISIBLE.formatted(area)));
		return figures;
	}

	@Override
	public Map<String, String> summary(String slug) {
		StringJoiner byStatus = new StringJoiner(",", "{", "}");
		for (MeasureStatus status : MeasureStatus.values()) {
			byStatus.add("\"" + Codes.of(status) + "\":" + measures.search(MeasureFilter.inNeighbourhood(slug, status)));
		}
		return Map.of("measuresByStatus", byStatus.toString());
	}

}
