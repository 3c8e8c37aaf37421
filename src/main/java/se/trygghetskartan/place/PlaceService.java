package se.trygghetskartan.place;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import se.trygghetskartan.geo.FeatureQuery;
import se.trygghetskartan.geo.FeatureResource;
import se.trygghetskartan.geo.GeometryService;
import se.trygghetskartan.geo.StoredFeature;
import se.trygghetskartan.history.ChangeAction;
import se.trygghetskartan.history.HistoryService;
import se.trygghetskartan.system.Codes;
import se.trygghetskartan.system.ETags;
import se.trygghetskartan.system.NotFoundException;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Unsafe places: read as GeoJSON built by PostGIS, written through JPA, every change recorded. */
@Service
@Transactional(readOnly = true)
public class PlaceService implements FeatureResource {

	static final String SUBJECT = "place";

	// The neighbourhood listed first is the one holding the place's point on surface.
	private static final String FEATURE = """
			json_build_object(
			  'type', 'Feature',
			  'id', p.id,
			  'geometry', ST_AsGeoJSON(p.geom, 7)::json,
			  'properties', json_build_object(
			    'id', p.id,
			    'name', p.name,
			    'description', p.description,
			    'reasons', ARRAY(SELECT r.reason FROM unsafe_place_reason r WHERE r.place_id = p.id ORDER BY r.reason),
			    'source', p.source,
			    'status', p.status,
			    'neighbourhood', (SELECT json_build_object('slug', n.slug, 'name', n.name) FROM neighbourhood n
			      WHERE ST_Intersects(n.geom, p.geom)
			      ORDER BY ST_Intersects(n.geom, ST_PointOnSurface(p.geom)) DESC, n.name LIMIT 1),
			    'neighbourhoods', COALESCE((SELECT json_agg(json_build_object('slug', n.slug, 'name', n.name) ORDER BY n.name)
			      FROM neighbourhood n WHERE ST_Intersects(n.geom, p.geom)), '[]'::json),
			    'measureIds', ARRAY(SELECT mp.measure_id FROM measure_place mp WHERE mp.place_id = p.id ORDER BY 1),
			    'createdAt', p.created_at,
			    'createdBy', p.created_by,
			    'updatedAt', p.updated_at,
			    'updatedBy', p.updated_by,
			    'version', p.version))
			""";

	private final PlaceRepository places;

	private final GeometryService geometries;

	private final HistoryService history;

	private final JdbcClient jdbc;

	PlaceService(PlaceRepository places, GeometryService geometries, HistoryService history, JdbcClient jdbc) {
		this.places = places;
		this.geometries = geometries;
		this.history = history;
		this.jdbc = jdbc;
	}

	/** The places matching the filter as a FeatureCollection. */
	public String search(PlaceFilter filter) {
		FeatureQuery query = new FeatureQuery("unsafe_place", "p", FEATURE).within(filter.bbox(), "p.geom");
		if (filter.neighbourhood() != null) {
			query.where("EXISTS (SELECT 1 FROM neighbourhood n WHERE n.slug = :neighbourhood AND ST_Intersects(n.geom, p.geom))")
				.param("neighbourhood", filter.neighbourhood());
		}
		if (filter.status() != null) {
			query.where("p.status = :status").param("status", Codes.of(filter.status()));
		}
		if (filter.reason() != null) {
			query.where("EXISTS (SELECT 1 FROM unsafe_place_reason r WHERE r.place_id = p.id AND r.reason = :reason)")
				.param("reason", Codes.of(filter.reason()));
		}
		return query.collection(jdbc, filter.page());
	}

	@Override
	public StoredFeature find(long id) {
		StoredFeature feature = feature(id);
		if (feature == null) {
			throw new NotFoundException(SUBJECT, id);
		}
		return feature;
	}

	/** Which of the ids name existing places. */
	public Set<Long> existing(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("SELECT id FROM unsafe_place WHERE id IN (:ids)")
			.param("ids", List.copyOf(ids))
			.query(Long.class)
			.list());
	}

	@Override
	@Transactional
	public StoredFeature create(JsonNode body) {
		PlaceDraft draft = PlaceDraft.read(body, geometries);
		UnsafePlace place = places.saveAndFlush(new UnsafePlace(draft));
		return recorded(place.getId(), ChangeAction.CREATED);
	}

	@Override
	@Transactional
	public StoredFeature update(long id, JsonNode body, String ifMatch) {
		UnsafePlace place = places.findById(id).orElseThrow(() -> new NotFoundException(SUBJECT, id));
		ETags.versionFromIfMatch(ifMatch, place.getVersion());
		place.apply(PlaceDraft.read(body, geometries));
		places.saveAndFlush(place);
		return recorded(id, ChangeAction.UPDATED);
	}

	@Override
	@Transactional
	public void delete(long id, String ifMatch) {
		UnsafePlace place = places.findById(id).orElseThrow(() -> new NotFoundException(SUBJECT, id));
		if (ifMatch != null) {
			ETags.versionFromIfMatch(ifMatch, place.getVersion());
		}
		StoredFeature last = feature(id);
		places.delete(place);
		places.flush();
		history.record(SUBJECT, id, last.version(), ChangeAction.DELETED, last.json());
	}

	private StoredFeature recorded(long id, ChangeAction action) {
		StoredFeature feature = feature(id);
		history.record(SUBJECT, id, feature.version(), action, feature.json());
		return feature;
	}

	private StoredFeature feature(long id) {
		return new FeatureQuery("unsafe_place", "p", FEATURE).single(jdbc, id);
	}

}
