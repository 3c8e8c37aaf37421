package se.trygghetskartan.incident;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import se.trygghetskartan.geo.FeatureBody;
import se.trygghetskartan.system.ConflictException;
import se.trygghetskartan.system.InvalidRequestException;
import se.trygghetskartan.system.Reason;
import se.trygghetskartan.system.Slugs;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The managed list of incident sources (the Police, the municipality's own reports…). An import
 * names one by its slug or its name in any case, and stores the slug: so "polisen" and "Polisen" are
 * one source, and the same incident id from it is stored once.
 */
@Component
class IncidentSources {

	private static final Pattern SLUG = Pattern.compile("[a-z0-9_.-]{1,50}");

	private final JdbcClient jdbc;

	IncidentSources(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every source, by name, as JSON: [{"slug", "name"}]. */
	String list() {
		return jdbc.sql("""
				SELECT COALESCE(json_agg(json_build_object('slug', slug, 'name', name) ORDER BY lower(name)), '[]')::text
				FROM incident_source
				""").query(String.class).single();
	}

	/**
	 * Adds a source from {@code {"name": "Polisen Syd", "slug": "polisen-syd"}} (the slug made from the
	 * name when left out); 409 when its slug or name is taken, in any case.
	 */
	@Transactional
	Map<String, String> create(JsonNode body, String user) {
		FeatureBody request = FeatureBody.plain(body, null);
		String name = request.properties().text("name", true, 100);
		String given = request.properties().text("slug", false, 50);
		String slug = given != null ? given.toLowerCase(Locale.ROOT) : name == null ? null : Slugs.of(name);
		if (slug != null && slug.length() > 50) {
			slug = slug.substring(0, 50).replaceAll("-+$", "");
		}
		if (name != null && (slug == null || !SLUG.matcher(slug).matches())) {
			request.reject(given != null ? "slug" : "name",
					given != null ? IncidentError.SOURCE_SLUG_FORMAT : IncidentError.SOURCE_NAME_WITHOUT_SLUG);
		}
		request.throwIfInvalid();
		List<String> taken = jdbc.sql("SELECT name FROM incident_source WHERE slug = :slug OR lower(name) = lower(:name)")
			.param("slug", slug)
			.param("name", name)
			.query(String.class)
			.list();
		if (!taken.isEmpty()) {
			throw new ConflictException(Reason.of(IncidentError.SOURCE_EXISTS, "source", taken.get(0), "slug", slug),
					Map.of("source", taken.get(0)));
		}
		jdbc.sql("INSERT INTO incident_source (slug, name, created_by) VALUES (:slug, :name, :user)")
			.param("slug", slug)
			.param("name", name)
			.param("user", user)
			.update();
		return Map.of("slug", slug, "name", name);
	}

	/**
	 * The slug of the source a request names by slug or name, in any case; 422 listing the sources
	 * when it names none.
	 */
	String resolve(String given) {
		String wanted = given.strip();
		return jdbc.sql("SELECT slug FROM incident_source WHERE slug = lower(:given) OR lower(name) = lower(:given)")
			.param("given", wanted)
			.query(String.class)
			.optional()
			.orElseThrow(() -> InvalidRequestException.body("source", IncidentError.UNKNOWN_SOURCE, "value", wanted,
					"sources", described()));
	}

	/** A source for incidents stored by the application itself (the demo's), added when missing. */
	String ensure(String slug) {
		String normal = slug.strip().toLowerCase(Locale.ROOT);
		jdbc.sql("INSERT INTO incident_source (slug, name, created_by) VALUES (:slug, :slug, 'system') ON CONFLICT DO NOTHING")
			.param("slug", normal)
			.update();
		return normal;
	}

	// "polisen (Polisen)", for an error that says what to choose from.
	private List<String> described() {
		return jdbc.sql("SELECT slug || ' (' || name || ')' FROM incident_source ORDER BY lower(name)")
			.query(String.class)
			.list();
	}

}
