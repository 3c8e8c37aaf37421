package se.trygghetskartan.measure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import se.trygghetskartan.geo.Paging;
import se.trygghetskartan.neighbourhood.NeighbourhoodContents;
import se.trygghetskartan.system.Codes;

import org.springframework.stereotype.Component;

/**
 * A district's measures, each where it is (its own geometry, else its places; for the public, its
 * published places): how many, how many of each status, and for its summary the measures by status.
 * The figures count the districts stored with each measure (measure_district, with its status and
 * whether the public sees it there) from one index, so that the list of 2 900 districts stays quick.
 */
@Component
class MeasuresInDistricts implements NeighbourhoodContents {

	private static final String VISIBLE = """
			FROM measure_district d WHERE d.neighbourhood_id = %s.id AND (:staff OR d.public)""";

	private final MeasureService measures;

	private final Paging paging;

	MeasuresInDistricts(MeasureService measures, Paging paging) {
		this.measures = measures;
		this.paging = paging;
	}

	@Override
	public Map<String, String> figures(String district) {
		StringJoiner statuses = new StringJoiner(", ");
		for (MeasureStatus status : MeasureStatus.values()) {
			statuses.add("('" + Codes.of(status) + "', " + status.ordinal() + ")");
		}
		Map<String, String> figures = new LinkedHashMap<>();
		figures.put("measureCount", "(SELECT count(*) " + VISIBLE.formatted(district) + ")");
		figures.put("measuresByStatus", """
				(SELECT json_object_agg(s.status, COALESCE(c.n, 0) ORDER BY s.ord)
				 FROM (VALUES %s) AS s(status, ord)
				 LEFT JOIN (SELECT d.status, count(*) AS n %s GROUP BY d.status) c ON c.status = s.status)"""
			.formatted(statuses, VISIBLE.formatted(district)));
		return figures;
	}

	@Override
	public Map<String, String> summary(String slug) {
		StringJoiner byStatus = new StringJoiner(",", "{", "}");
		for (MeasureStatus status : MeasureStatus.values()) {
			byStatus.add("\"" + Codes.of(status) + "\":" + measures.search(MeasureFilter.inNeighbourhood(slug, status, paging.first())));
		}
		return Map.of("measuresByStatus", byStatus.toString());
	}

}
