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
 * The figures find the measures through the spatial indexes, district by district
 * ({@link MeasureService#locatedIn}), so that the list of districts stays quick however many
 * measures there are.
 */
@Component
class MeasuresInDistricts implements NeighbourhoodContents {

	private static final String VISIBLE = """
			FROM measure m JOIN %s l ON l.id = m.id WHERE m.municipality_id = :municipality AND (:staff OR m.published)""";

	private final MeasureService measures;

	private final Paging paging;

	MeasuresInDistricts(MeasureService measures, Paging paging) {
		this.measures = measures;
		this.paging = paging;
	}

	@Override
	public Map<String, String> figures(String area) {
		StringJoiner statuses = new StringJoiner(", ");
		for (MeasureStatus status : MeasureStatus.values()) {
			statuses.add("('" + Codes.of(status) + "', " + status.ordinal() + ")");
		}
		Map<String, String> figures = new LinkedHashMap<>();
		figures.put("measureCount", "(SELECT count(*) " + VISIBLE.formatted(MeasureService.locatedIn(area)) + ")");
		figures.put("measuresByStatus", """
				(SELECT json_object_agg(s.status, COALESCE(c.n, 0) ORDER BY s.ord)
				 FROM (VALUES %s) AS s(status, ord)
				 LEFT JOIN (SELECT m.status, count(*) AS n %s GROUP BY m.status) c ON c.status = s.status)"""
			.formatted(statuses, VISIBLE.formatted(MeasureService.locatedIn(area))));
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
