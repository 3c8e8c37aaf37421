package se.trygghetskartan.neighbourhood;

import java.util.Optional;
import java.util.regex.Pattern;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import se.trygghetskartan.security.CurrentUser;
import se.trygghetskartan.system.InvalidRequestException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Neighbourhoods as GeoJSON, with counts of what lies in each (for the public, of what is published). */
@Service
@Transactional(readOnly = true)
public class NeighbourhoodService {

	private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

	// What the reader may see (:staff sees drafts): the measures, each where the measure module says
	// it is (the measure_extent view), and the places.
	private static final String VISIBLE = """
			WITH visible_measure AS (
			  SELECT m.status, CASE WHEN :staff THEN e.geom ELSE e.published_geom END AS geom
			  FROM measure m JOIN measure_extent e ON e.measure_id = m.id
			  WHERE :staff OR m.published),
			visible_place AS (SELECT p.geom FROM unsafe_place p WHERE :staff OR p.published)
			""";

	private static final String FEATURE = """
			json_build_object(
			  'type', 'Feature',
			  'id', n.slug,
			  'geometry', ST_AsGeoJSON(n.geom, 6)::json,
			  'properties', json_build_object(
			    'slug', n.slug,
			    'name', n.name,
			    'description', n.description,
			    'placeCount', (SELECT count(*) FROM visible_place p WHERE ST_Intersects(p.geom, n.geom)),
			    'measureCount', (SELECT count(*) FROM visible_measure m WHERE ST_Intersects(m.geom, n.geom)),
			    'measuresByStatus', (
			      SELECT json_object_agg(s.status, (
			        SELECT count(*) FROM visible_measure m
			        WHERE m.status = s.status AND ST_Intersects(m.geom, n.geom)) ORDER BY s.ord)
			      FROM (VALUES ('proposed', 1), ('planned', 2), ('in_progress', 3), ('done', 4), ('rejected', 5))
			        AS s(status, ord))))
			""";

	private final NeighbourhoodRepository neighbourhoods;

	private final JdbcClient jdbc;

	NeighbourhoodService(NeighbourhoodRepository neighbourhoods, JdbcClient jdbc) {
		this.neighbourhoods = neighbourhoods;
		this.jdbc = jdbc;
	}

	/** All neighbourhoods as a FeatureCollection, ordered by name. */
	public String featureCollection() {
		return jdbc.sql(VISIBLE + "SELECT json_build_object('type', 'FeatureCollection', 'features', "
				+ "COALESCE(json_agg(" + FEATURE + " ORDER BY n.name), '[]'::json))::text FROM neighbourhood n")
			.param("staff", CurrentUser.isStaff())
			.query(String.class)
			.single();
	}

	/** One neighbourhood as a Feature. */
	public Optional<String> feature(String slug) {
		return jdbc.sql(VISIBLE + "SELECT " + FEATURE + "::text FROM neighbourhood n WHERE n.slug = :slug")
			.param("slug", slug)
			.param("staff", CurrentUser.isStaff())
			.query(String.class)
			.optional();
	}

	public long count() {
		return neighbourhoods.count();
	}

	/** Adds a neighbourhood; its boundary must already be a valid area (see the geo module). */
	@Transactional
	public void create(String slug, String name, String description, Geometry area) {
		if (slug == null || !SLUG.matcher(slug).matches()) {
			throw InvalidRequestException.body("slug", "must be lower-case letters and digits joined by hyphens");
		}
		if (neighbourhoods.existsBySlug(slug)) {
			throw InvalidRequestException.body("slug", "'" + slug + "' is taken");
		}
		MultiPolygon multi = area instanceof Polygon polygon
				? area.getFactory().createMultiPolygon(new Polygon[] { polygon }) : (MultiPolygon) area;
		neighbourhoods.save(new Neighbourhood(slug, name, description, multi));
	}

}
