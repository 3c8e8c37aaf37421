package se.trygghetskartan.neighbourhood;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.locationtech.jts.geom.Geometry;
import se.trygghetskartan.geo.FeatureQuery;
import se.trygghetskartan.geo.FeatureSource;
import se.trygghetskartan.geo.GeometryOutput;
import se.trygghetskartan.geo.StoredFeature;
import se.trygghetskartan.history.ChangeRecorder;
import se.trygghetskartan.account.Role;
import se.trygghetskartan.history.HistoryService;
import se.trygghetskartan.municipality.Municipalities;
import se.trygghetskartan.neighbourhood.NeighbourhoodReferences.Reference;
import se.trygghetskartan.security.CurrentUser;
import se.trygghetskartan.system.ConflictException;
import se.trygghetskartan.system.ETags;
import se.trygghetskartan.system.InvalidRequestException;
import se.trygghetskartan.system.NotFoundException;
import se.trygghetskartan.system.Reason;
import se.trygghetskartan.system.Slugs;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Neighbourhoods as GeoJSON, with counts of what lies in each (for the public, of what is published)
 * from the modules that keep things there; and their changes by admins, each in the history.
 */
@Service
@Transactional(readOnly = true)
public class NeighbourhoodService {

	static final String SUBJECT = "neighbourhood";

	/** The longest name the table keeps. */
	static final int MAX_NAME = 200;

	// Figures other modules add (NeighbourhoodContents) come before the version.
	private static final String FEATURE = """
			json_build_object(
			  'type', 'Feature',
			  'id', n.slug,
			  'geometry', ST_AsGeoJSON(n.geom, 6)::json,
			  'properties', json_build_object(
			    'slug', n.slug,
			    'name', n.name,
			    'description', n.description,
			    %s
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

	private final List<NeighbourhoodReferences> references;

	private final List<NeighbourhoodContents> contents;

	private final String feature;

	private final JdbcClient jdbc;

	private final HistoryService history;

	private final ChangeRecorder<Neighbourhood, StoredFeature> recorder;

	private final Municipalities municipalities;

	private final ApplicationEventPublisher events;

	NeighbourhoodService(NeighbourhoodRepository neighbourhoods, List<NeighbourhoodReferences> references,
			List<NeighbourhoodContents> contents, HistoryService history, JdbcClient jdbc,
			Municipalities municipalities, ApplicationEventPublisher events) {
		this.neighbourhoods = neighbourhoods;
		this.municipalities = municipalities;
		this.references = references;
		this.contents = contents;
		StringBuilder figures = new StringBuilder();
		contents.forEach(module -> module.figures("n")
			.forEach((name, sql) -> figures.append("'").append(name).append("', ").append(sql).append(",\n")));
		this.feature = FEATURE.formatted(figures);
		this.history = history;
		this.jdbc = jdbc;
		// Districts belong to the request's municipality, and only its admins change them.
		this.recorder = new ChangeRecorder<>(SUBJECT, neighbourhoods, this::snapshot, history).guardedBy(district -> {
			district.belongTo(municipalities.currentId());
			municipalities.require(Role.ADMIN, district.getMunicipalityId());
		});
		this.events = events;
	}

	// The map's reads are one statement each, run without a transaction of their own (autocommit):
	// no BEGIN and COMMIT, a round trip fewer on every view.
	/** The request's municipality's neighbourhoods as a FeatureCollection, ordered by name. */
	@Transactional(propagation = Propagation.SUPPORTS)
	public String featureCollection() {
		return jdbc.sql(GeometryOutput.rewrite("SELECT json_build_object('type', 'FeatureCollection', 'features', "
				+ "COALESCE(json_agg(" + feature + " ORDER BY n.name), '[]'::json))::text FROM neighbourhood n "
				+ "WHERE n.municipality_id = :municipality"))
			.param("municipality", municipalities.currentId())
			.param("staff", CurrentUser.isStaff())
			.query(String.class)
			.single();
	}

	/** The request's municipality's neighbourhoods, ordered by name, for a file. */
	public FeatureSource exported() {
		return new FeatureSource(new FeatureQuery("neighbourhood", "n", feature).where("n.municipality_id = :municipality")
			.param("municipality", municipalities.currentId())
			.orderBy("name, id"), "n.geom", jdbc);
	}

	/** One neighbourhood of the request's municipality as a Feature, with the version its ETag names. */
	public Optional<StoredFeature> feature(String slug) {
		return jdbc.sql(GeometryOutput.rewrite("SELECT n.id, n.version, " + feature + "::text AS json FROM neighbourhood n "
				+ "WHERE n.municipality_id = :municipality AND n.slug = :slug"))
			.param("municipality", municipalities.currentId())
			.param("slug", slug)
			.param("staff", CurrentUser.isStaff())
			.query((rs, row) -> new StoredFeature(rs.getLong("id"), rs.getLong("version"), rs.getString("json")))
			.optional();
	}

	/**
	 * What a resident wants to know about a district: the district, and what the modules that keep
	 * things in it add (its places, its measures by status); 404 for an unknown district.
	 */
	public String summary(String slug) {
		StoredFeature district = feature(slug).orElseThrow(() -> new NotFoundException(SUBJECT, slug));
		StringBuilder summary = new StringBuilder("{\"neighbourhood\":").append(district.json());
		contents.forEach(module -> module.summary(slug)
			.forEach((name, json) -> summary.append(",\"").append(name).append("\":").append(json)));
		return summary.append('}').toString();
	}

	/** Which of the slugs name existing districts of the request's municipality. */
	public Set<String> existing(Collection<String> slugs) {
		if (slugs.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("SELECT slug FROM neighbourhood WHERE municipality_id = :municipality AND slug IN (:slugs)")
			.param("municipality", municipalities.currentId())
			.param("slugs", List.copyOf(slugs))
			.query(String.class)
			.list());
	}

	public long count() {
		return neighbourhoods.count();
	}

	/** Adds a neighbourhood; its boundary must already be a valid area (see the geo module). */
	@Transactional
	public void create(String slug, String name, String description, Geometry area) {
		if (slug == null || !Slugs.VALID.matcher(slug).matches()) {
			throw InvalidRequestException.body("slug", DistrictError.SLUG_FORMAT);
		}
		if (neighbourhoods.existsByMunicipalityIdAndSlug(municipalities.currentId(), slug)) {
			throw InvalidRequestException.body("slug", DistrictError.SLUG_TAKEN, "slug", slug);
		}
		changed(recorder.create(new Neighbourhood(slug, name, description, area)).id());
	}

	/**
	 * A new name and boundary, if {@code ifMatch} names the stored version. The slug stays: promises,
	 * activities and links name the district by it.
	 */
	@Transactional
	public StoredFeature update(String slug, NeighbourhoodDraft draft, String ifMatch) {
		Neighbourhood stored = load(slug);
		ETags.versionFromIfMatch(ifMatch, stored.getVersion());
		recorder.update(stored.getId(), ifMatch, neighbourhood -> {
			neighbourhood.replace(draft.name(), draft.area());
			if (draft.described()) {
				neighbourhood.describe(draft.description());
			}
		});
		changed(stored.getId());
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
		references.forEach(source -> found.addAll(source.referencesTo(stored.getMunicipalityId(), slug)));
		if (!found.isEmpty()) {
			throw new ConflictException(Reason.of(DistrictError.DISTRICT_IN_USE, "slug", slug, "references",
					found.stream().map(Reference::toString).toList()), Map.of("references", found));
		}
		recorder.delete(stored.getId(), ifMatch);
	}

	/** Refuses (403) who is not an admin of the request's municipality: who may change its districts. */
	void requireAdmin() {
		municipalities.require(Role.ADMIN, municipalities.currentId());
	}

	/** The district's changes, oldest first (planners). */
	public String history(String slug) {
		Neighbourhood district = load(slug);
		municipalities.require(Role.PLANNER, district.getMunicipalityId());
		return history.history(SUBJECT, district.getId());
	}

	Neighbourhood load(String slug) {
		return neighbourhoods.findByMunicipalityIdAndSlug(municipalities.currentId(), slug)
			.orElseThrow(() -> new NotFoundException(SUBJECT, slug));
	}

	/** Adds or replaces districts of an import, each recorded in the history; true when it was there before. */
	@Transactional
	boolean store(String slug, String name, Geometry area) {
		Optional<Neighbourhood> existing = neighbourhoods.findByMunicipalityIdAndSlug(municipalities.currentId(), slug);
		if (existing.isEmpty()) {
			changed(recorder.create(new Neighbourhood(slug, name, null, area)).id());
			return false;
		}
		Neighbourhood neighbourhood = existing.get();
		municipalities.require(Role.ADMIN, neighbourhood.getMunicipalityId());
		neighbourhood.replace(name, area);
		neighbourhoods.saveAndFlush(neighbourhood);
		recorder.updated(neighbourhood.getId());
		changed(neighbourhood.getId());
		return true;
	}

	// The district is flushed: the modules that store what lies in it read its new boundary now.
	private void changed(long id) {
		events.publishEvent(new DistrictChanged(id));
	}

	private StoredFeature snapshot(long id) {
		return jdbc.sql(SNAPSHOT)
			.param("id", id)
			.query((rs, row) -> new StoredFeature(rs.getLong("id"), rs.getLong("version"), rs.getString("json")))
			.optional()
			.orElse(null);
	}

}
