package se.trygghetskartan.neighbourhood;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.locationtech.jts.geom.Geometry;
import se.trygghetskartan.geo.FeatureBody;
import se.trygghetskartan.geo.GeometryKind;
import se.trygghetskartan.geo.GeometryService;
import se.trygghetskartan.geo.StoredFeature;
import se.trygghetskartan.history.ChangeRecorder;
import se.trygghetskartan.history.HistoryService;
import se.trygghetskartan.neighbourhood.NeighbourhoodReferences.Reference;
import se.trygghetskartan.security.CurrentUser;
import se.trygghetskartan.system.ConflictException;
import se.trygghetskartan.system.ETags;
import se.trygghetskartan.system.InvalidRequestException;
import se.trygghetskartan.system.NotFoundException;
import se.trygghetskartan.system.Slugs;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Neighbourhoods as GeoJSON, with counts of what lies in each (for the public, of what is published);
 * and their changes by admins, each in the history.
 */
@Service
@Transactional(readOnly = true)
public class NeighbourhoodService {

	static final String SUBJECT = "neighbourhood";

	/** The longest name the table keeps. */
	static final int MAX_NAME = 200;

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
			        AS s(status, ord)),
			    'version', n.version))
			""";

	// The state the history keeps: what an admin edits, without the counts that change with other items.
	private static final String SNAPSHOT = """
			SELECT n.id, n.version, json_build_object('type', 'Feature', 'id', n.slug,
			  'geometry', ST_AsGeoJSON(n.geom, 7)::json,
			  'properties', json_build_object('slug', n.slug, 'name', n.name, 'description', n.description,
			    'version', n.version))::text AS json
			FROM neighbourhood n WHERE n.id = :id
			""";

	private final NeighbourhoodRepository neighbourhoods;

	private final GeometryService geometries;

	private final List<NeighbourhoodReferences> references;

	private final JdbcClient jdbc;

	private final HistoryService history;

	private final ChangeRecorder<Neighbourhood, StoredFeature> recorder;

	NeighbourhoodService(NeighbourhoodRepository neighbourhoods, GeometryService geometries,
			List<NeighbourhoodReferences> references, HistoryService history, JdbcClient jdbc) {
		this.neighbourhoods = neighbourhoods;
		this.geometries = geometries;
		this.references = references;
		this.history = history;
		this.jdbc = jdbc;
		this.recorder = new ChangeRecorder<>(SUBJECT, neighbourhoods, this::snapshot, history);
	}

	/** All neighbourhoods as a FeatureCollection, ordered by name. */
	public String featureCollection() {
		return jdbc.sql(VISIBLE + "SELECT json_build_object('type', 'FeatureCollection', 'features', "
				+ "COALESCE(json_agg(" + FEATURE + " ORDER BY n.name), '[]'::json))::text FROM neighbourhood n")
			.param("staff", CurrentUser.isStaff())
			.query(String.class)
			.single();
	}

	/** One neighbourhood as a Feature, with the version its ETag names. */
	public Optional<StoredFeature> feature(String slug) {
		return jdbc.sql(VISIBLE + "SELECT n.id, n.version, " + FEATURE
				+ "::text AS json FROM neighbourhood n WHERE n.slug = :slug")
			.param("slug", slug)
			.param("staff", CurrentUser.isStaff())
			.query((rs, row) -> new StoredFeature(rs.getLong("id"), rs.getLong("version"), rs.getString("json")))
			.optional();
	}

	public long count() {
		return neighbourhoods.count();
	}

	/** Adds a neighbourhood; its boundary must already be a valid area (see the geo module). */
	@Transactional
	public void create(String slug, String name, String description, Geometry area) {
		if (slug == null || !Slugs.VALID.matcher(slug).matches()) {
			throw InvalidRequestException.body("slug", "must be lower-case letters and digits joined by hyphens");
		}
		if (neighbourhoods.existsBySlug(slug)) {
			throw InvalidRequestException.body("slug", "'" + slug + "' is taken");
		}
		recorder.create(new Neighbourhood(slug, name, description, area));
	}

	/**
	 * A new name and boundary (a Feature: properties.name, optionally properties.description, and an
	 * area in WGS 84 inside the extent), if {@code ifMatch} names the stored version. The slug stays:
	 * promises, activities and links name the district by it.
	 */
	@Transactional
	public StoredFeature update(String slug, JsonNode body, String ifMatch) {
		Neighbourhood stored = load(slug);
		ETags.versionFromIfMatch(ifMatch, stored.getVersion());
		FeatureBody feature = new FeatureBody(body, geometries);
		String name = feature.text("name", true, MAX_NAME);
		// Scripts that send only a name and a boundary keep the description; a null clears it.
		boolean described = body.path("properties").has("description");
		String description = feature.text("description", false, 2000);
		Geometry area = feature.geometry(GeometryKind.AREA, true);
		feature.throwIfInvalid();
		recorder.update(stored.getId(), ifMatch, neighbourhood -> {
			neighbourhood.replace(name, area);
			if (described) {
				neighbourhood.describe(description);
			}
		});
		return feature(slug).orElseThrow();
	}

	/**
	 * Deletes a district nothing refers to, if {@code ifMatch} names the stored version; else 409
	 * naming what refers to it. Places and measures are not linked by slug: they lie where they lie.
	 */
	@Transactional
	public void delete(String slug, String ifMatch) {
		Neighbourhood stored = load(slug);
		ETags.versionFromIfMatch(ifMatch, stored.getVersion());
		List<Reference> found = new ArrayList<>();
		references.forEach(source -> found.addAll(source.referencesTo(slug)));
		if (!found.isEmpty()) {
			throw new ConflictException("The district '" + slug + "' cannot be deleted while these refer to it: "
					+ found.stream().map(Reference::toString).toList() + ". Take it out of them first.",
					Map.of("references", found));
		}
		recorder.delete(stored.getId(), ifMatch);
	}

	/** The district's changes, oldest first (planners). */
	public String history(String slug) {
		return history.history(SUBJECT, load(slug).getId());
	}

	Neighbourhood load(String slug) {
		return neighbourhoods.findBySlug(slug).orElseThrow(() -> new NotFoundException(SUBJECT, slug));
	}

	/** Adds or replaces districts of an import, each recorded in the history; true when it was there before. */
	@Transactional
	boolean store(String slug, String name, Geometry area) {
		Optional<Neighbourhood> existing = neighbourhoods.findBySlug(slug);
		if (existing.isEmpty()) {
			recorder.create(new Neighbourhood(slug, name, null, area));
			return false;
		}
		Neighbourhood neighbourhood = existing.get();
		neighbourhood.replace(name, area);
		neighbourhoods.saveAndFlush(neighbourhood);
		recorder.updated(neighbourhood.getId());
		return true;
	}

	private StoredFeature snapshot(long id) {
		return jdbc.sql(SNAPSHOT)
			.param("id", id)
			.query((rs, row) -> new StoredFeature(rs.getLong("id"), rs.getLong("version"), rs.getString("json")))
			.optional()
			.orElse(null);
	}

}
