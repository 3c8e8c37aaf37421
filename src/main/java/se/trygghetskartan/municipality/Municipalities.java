package se.trygghetskartan.municipality;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.trygghetskartan.account.Grant;
import se.trygghetskartan.account.GrantScopes;
import se.trygghetskartan.account.Role;
import se.trygghetskartan.geo.BoundingBox;
import se.trygghetskartan.geo.MunicipalityExtent;
import se.trygghetskartan.municipality.MunicipalitySettings.StartView;
import se.trygghetskartan.security.CurrentUser;
import se.trygghetskartan.security.MapTiles;
import se.trygghetskartan.system.Codes;
import se.trygghetskartan.system.ForbiddenException;
import se.trygghetskartan.system.InvalidRequestException;
import se.trygghetskartan.system.NotFoundException;
import se.trygghetskartan.system.Reason;
import se.trygghetskartan.system.Slugs;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The municipalities (tenants) and which one a request is about: the one {@code municipality=slug}
 * names, else the installation's default (the row marked is_default, the first one the environment
 * seeded). Every module asks here: lists filter by {@link #current()}, a request about one item acts
 * in the item's municipality ({@link #enter}), and every write and private read checks the user's
 * grants for the municipality ({@link #require}): the one place where scoped grants are judged.
 *
 * <p>Read on nearly every request (the extent by every geometry, the tile URL by every page's
 * Content-Security-Policy), so each instance keeps all of them for a few seconds
 * ({@code trygghetskartan.municipality.refresh}); the instance that stores a change forgets its copy
 * at once, the others read it when theirs is that old. While the database cannot be read, the last
 * copy stays in use (before any, the environment's), so an outage does not take every page's headers
 * down with it.
 */
@Service
public class Municipalities implements MunicipalityExtent, MapTiles, GrantScopes {

	/** The request parameter that names the municipality. */
	public static final String PARAMETER = "municipality";

	/** The name of {@link #PREFIX}'s path variable. */
	public static final String PREFIX_VARIABLE = "slug";

	/**
	 * A municipality's own prefix of a path ({@code /flen/…}) as a path variable, under which its pages
	 * and its OGC API ({@code /flen/ogc/…}) are served as the default's are without it.
	 */
	public static final String PREFIX = "/{" + PREFIX_VARIABLE + ":" + Slugs.PATTERN + "}";

	/**
	 * Slugs that are paths of the app, which a municipality's pages ({@code /{slug}/…}) would hide:
	 * no municipality may have one of them.
	 */
	public static final Set<String> RESERVED_SLUGS = Set.of("admin", "api", "ogc", "tiles", "login", "logout", "konto",
			"planering", "uppfoljning", "vandring", "om", "sverige", "open311", "webjars", "js", "css", "fonts", "img",
			"images", "icons", "actuator", "error", "favicon.ico", "favicon", "robots.txt", "index", "static", "assets",
			"frontend", "v3", "swagger-ui", "oauth2", "sso", "health", "kommun", "kommuner", "en", "sv", "tips");

	private static final Logger log = LoggerFactory.getLogger(Municipalities.class);

	private static final String ATTRIBUTE = Municipalities.class.getName() + ".current";

	private final JdbcClient jdbc;

	private final MunicipalitySeed seed;

	private final long refreshNanos;

	private final AtomicBoolean refreshing = new AtomicBoolean();

	private final Executor refresher = Executors.newSingleThreadExecutor(task -> {
		Thread thread = new Thread(task, "municipality-settings");
		thread.setDaemon(true);
		return thread;
	});

	private volatile Directory cached;

	// Work outside a request (the demo's data) acts in a municipality this way.
	private static final ThreadLocal<Long> OUTSIDE_REQUEST = new ThreadLocal<>();

	Municipalities(JdbcClient jdbc, MunicipalitySeed seed, MunicipalityProperties properties) {
		this.jdbc = jdbc;
		this.seed = seed;
		this.refreshNanos = properties.refresh().toNanos();
	}

	/**
	 * All municipalities as read at one moment, with the police regions each belongs to and their tile
	 * URLs (asked by every response's Content-Security-Policy).
	 */
	private record Directory(Map<Long, MunicipalitySettings> byId, Map<String, MunicipalitySettings> bySlug,
			MunicipalitySettings fallback, Map<Long, List<String>> regions, long readAt, SortedSet<String> tileUrls) {

		Directory(Map<Long, MunicipalitySettings> byId, Map<String, MunicipalitySettings> bySlug,
				MunicipalitySettings fallback, Map<Long, List<String>> regions, long readAt) {
			this(byId, bySlug, fallback, regions, readAt, tileUrlsOf(byId.values(), fallback));
		}

		private static SortedSet<String> tileUrlsOf(Collection<MunicipalitySettings> all, MunicipalitySettings fallback) {
			SortedSet<String> urls = new TreeSet<>();
			all.forEach(municipality -> urls.add(municipality.tileUrl()));
			urls.add(fallback.tileUrl());
			return Collections.unmodifiableSortedSet(urls);
		}

	}

	// ---- which municipality

	/**
	 * The municipality this request is about: the item's when it is about one item
	 * ({@link #enter}), else the one {@code municipality=} names, else the default. Outside a request,
	 * the default.
	 */
	public MunicipalitySettings current() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request == null) {
			Long acting = OUTSIDE_REQUEST.get();
			return acting == null ? defaultMunicipality() : byId(acting);
		}
		if (request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof Long id) {
			return byId(id);
		}
		String slug = request instanceof ServletRequestAttributes servlet
				? servlet.getRequest().getParameter(PARAMETER) : null;
		MunicipalitySettings resolved = resolve(slug);
		enter(resolved.id());
		return resolved;
	}

	/**
	 * From here on this request is about the municipality whose prefix its path is under
	 * ({@code /flen/ogc/…}): 404 for a slug that names none (a reserved one never does), 400 when
	 * {@code municipality=} names another, rather than silently serving one of the two.
	 */
	public MunicipalitySettings enterPrefix(String slug, String parameter) {
		if (slug.isBlank() || RESERVED_SLUGS.contains(slug)) {
			throw new NotFoundException(Reason.of(MunicipalityError.UNKNOWN_MUNICIPALITY, "slug", slug));
		}
		MunicipalitySettings municipality = resolve(slug);
		if (parameter != null && !parameter.isBlank() && !parameter.strip().equals(slug)) {
			throw InvalidRequestException.parameter(PARAMETER, MunicipalityError.NOT_THE_PREFIX, "prefix", slug, "value",
					parameter.strip());
		}
		enter(municipality.id());
		return municipality;
	}

	/** The id of the municipality this request is about (see {@link #current()}). */
	public long currentId() {
		return current().id();
	}

	/** The municipality the slug names, the default for none; 404 for one there is not. */
	public MunicipalitySettings resolve(String slug) {
		if (slug == null || slug.isBlank()) {
			return defaultMunicipality();
		}
		MunicipalitySettings found = directory().bySlug().get(slug.strip());
		if (found == null) {
			throw new NotFoundException(Reason.of(MunicipalityError.UNKNOWN_MUNICIPALITY, "slug", slug.strip()));
		}
		return found;
	}

	/** The municipality with this slug, if there is one. */
	public Optional<MunicipalitySettings> find(String slug) {
		return Optional.ofNullable(directory().bySlug().get(slug));
	}

	/** The municipality with this id (an item's); 404 when there is none. */
	public MunicipalitySettings byId(long id) {
		MunicipalitySettings found = directory().byId().get(id);
		if (found == null) {
			found = refresh(cached).byId().get(id);
		}
		if (found == null) {
			throw new NotFoundException("municipality", id);
		}
		return found;
	}

	/** The installation's default municipality: what {@code /} and requests without {@code municipality=} serve. */
	public MunicipalitySettings defaultMunicipality() {
		return directory().fallback();
	}

	/** Every municipality, by name. */
	public List<MunicipalitySettings> all() {
		List<MunicipalitySettings> all = new ArrayList<>(directory().byId().values());
		all.sort(java.util.Comparator.comparing(MunicipalitySettings::name).thenComparing(MunicipalitySettings::id));
		return all;
	}

	/**
	 * From here on this request acts in the municipality with this id: the one of the item it reads or
	 * changes, whatever {@code municipality=} said. Geometries are judged by its extent, and what the
	 * user sees as staff by the grants that cover it.
	 */
	public void enter(long municipalityId) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			request.setAttribute(ATTRIBUTE, municipalityId, RequestAttributes.SCOPE_REQUEST);
			CurrentUser.actIn(scopesOf(municipalityId));
		}
	}

	/** Does work outside a request (loading data) as if a request were about this municipality. */
	public void runIn(long municipalityId, Runnable work) {
		Long before = OUTSIDE_REQUEST.get();
		OUTSIDE_REQUEST.set(municipalityId);
		try {
			work.run();
		}
		finally {
			if (before == null) {
				OUTSIDE_REQUEST.remove();
			}
			else {
				OUTSIDE_REQUEST.set(before);
			}
		}
	}

	// ---- who may

	/** The scopes whose grants cover the municipality: the installation, its own, its police regions'. */
	public List<String> scopesOf(long municipalityId) {
		List<String> scopes = new ArrayList<>();
		scopes.add(Grant.INSTALLATION);
		MunicipalitySettings municipality = directory().byId().get(municipalityId);
		if (municipality != null) {
			scopes.add(Grant.municipality(municipality.slug()));
		}
		directory().regions().getOrDefault(municipalityId, List.of()).forEach(region -> scopes.add(Grant.REGION + region));
		return scopes;
	}

	/** Whether the current user holds the role (or admin) in the municipality, by any grant that covers it. */
	public boolean has(Role role, long municipalityId) {
		return CurrentUser.has(role, scopesOf(municipalityId));
	}

	/**
	 * Refuses (403) a user who does not hold the role in the municipality: every write and every
	 * private read asks this with the municipality of what it touches.
	 */
	public void require(Role role, long municipalityId) {
		if (!has(role, municipalityId)) {
			throw new ForbiddenException(MunicipalityError.NOT_GRANTED, "role", Codes.of(role), "municipality",
					byId(municipalityId).name());
		}
	}

	/**
	 * Refuses (403) a user who is neither police nor planner in the municipality: who may see its exact
	 * incidents and import them.
	 */
	public void requireStaff(long municipalityId) {
		if (!has(Role.POLICE, municipalityId)) {
			require(Role.PLANNER, municipalityId);
		}
	}

	/**
	 * Refuses (403) a user who is not a planner of the municipality, or of the whole installation when it
	 * is not known (null): who may read the history of an item that is gone.
	 */
	public void requirePlannerOf(Long municipalityId) {
		if (municipalityId == null) {
			requireInstallation(Role.PLANNER);
		}
		else {
			require(Role.PLANNER, municipalityId);
		}
	}

	/** Refuses (403) a user who is not the role in the whole installation (creating municipalities, regions). */
	public void requireInstallation(Role role) {
		if (!CurrentUser.has(role, List.of(Grant.INSTALLATION))) {
			throw new ForbiddenException(MunicipalityError.NOT_GRANTED, "role", Codes.of(role), "municipality", "*");
		}
	}

	/**
	 * Refuses (422) a link from an item of one municipality to one of another: {@code field} names the
	 * link, {@code others} the municipality ids of the items linked.
	 */
	public void requireSame(long municipalityId, Collection<Long> others, String field) {
		for (Long other : others) {
			if (other != null && other != municipalityId) {
				throw InvalidRequestException.body(field, MunicipalityError.OTHER_MUNICIPALITY, "municipality",
						byId(municipalityId).name(), "other", byId(other).name());
			}
		}
	}

	/**
	 * As {@link #requireSame(long, Collection, String)} for the items with these ids in {@code relation},
	 * a table or published view with the columns id and municipality_id (e.g. place_overview).
	 */
	public void requireSame(long municipalityId, String relation, Collection<Long> ids, String field) {
		if (ids.isEmpty()) {
			return;
		}
		requireSame(municipalityId, jdbc.sql("SELECT DISTINCT municipality_id FROM " + relation + " WHERE id = ANY(:ids)")
			.param("ids", ids.toArray(Long[]::new))
			.query(Long.class)
			.list(), field);
	}

	@Override
	public boolean exists(String scope) {
		if (Grant.INSTALLATION.equals(scope)) {
			return true;
		}
		if (scope.startsWith(Grant.MUNICIPALITY)) {
			return directory().bySlug().containsKey(scope.substring(Grant.MUNICIPALITY.length()));
		}
		return scope.startsWith(Grant.REGION) && jdbc.sql("SELECT EXISTS (SELECT 1 FROM police_region WHERE slug = :slug)")
			.param("slug", scope.substring(Grant.REGION.length()))
			.query(Boolean.class)
			.single();
	}

	// ---- geometry and tiles

	/** The extent of the municipality the request is about: geometries outside it are refused. */
	@Override
	public BoundingBox extent() {
		return current().extent();
	}

	@Override
	public BoundingBox extent(long municipalityId) {
		return byId(municipalityId).extent();
	}

	// The Content-Security-Policy of every answer names them all: a page may show any municipality's map.
	@Override
	public SortedSet<String> tileUrls() {
		return directory().tileUrls();
	}

	// ---- the copy

	private Directory directory() {
		Directory copy = cached;
		if (copy == null) {
			return refresh(null);
		}
		if (System.nanoTime() - copy.readAt() >= refreshNanos && refreshing.compareAndSet(false, true)) {
			refresher.execute(() -> {
				try {
					refresh(copy);
				}
				finally {
					refreshing.set(false);
				}
			});
		}
		return copy;
	}

	private Directory refresh(Directory copy) {
		try {
			Directory fresh = load();
			cached = fresh;
			return fresh;
		}
		catch (DataAccessException | IllegalStateException ex) {
			Directory fallback = copy != null ? copy : fromEnvironment();
			log.warn("Could not read the municipalities, using the copy of before: {}", ex.getMessage());
			fallback = new Directory(fallback.byId(), fallback.bySlug(), fallback.fallback(), fallback.regions(),
					System.nanoTime());
			cached = fallback;
			return fallback;
		}
	}

	/** Forgets the copy: this instance sees its own change at once, not after the refresh time. */
	void forget() {
		cached = null;
	}

	@TransactionalEventListener
	void forgetCopy(MunicipalitySettingsChanged changed) {
		forget();
	}

	private static final String SELECT = """
			SELECT id, version, slug, name, code, is_default, min_lon, min_lat, max_lon, max_lat, start_lon, start_lat,
			       start_zoom, tile_url, tile_attribution, max_zoom, contact_email, accessibility_contact
			FROM municipality
			""";

	/** The municipality as stored now, not as the copy has it: for the history and If-Match. */
	Optional<MunicipalitySettings> stored(long id) {
		return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(Municipalities::settings).optional();
	}

	private Directory load() {
		Map<Long, MunicipalitySettings> byId = new LinkedHashMap<>();
		Map<String, MunicipalitySettings> bySlug = new HashMap<>();
		for (MunicipalitySettings settings : jdbc.sql(SELECT + " ORDER BY is_default DESC, id")
			.query(Municipalities::settings)
			.list()) {
			byId.put(settings.id(), settings);
			bySlug.put(settings.slug(), settings);
		}
		if (byId.isEmpty()) {
			throw new IllegalStateException("no municipality");
		}
		Map<Long, List<String>> regions = new HashMap<>();
		jdbc.sql("""
				SELECT m.municipality_id, r.slug FROM police_region_member m JOIN police_region r ON r.id = m.region_id
				ORDER BY r.slug
				""").query(rs -> {
			regions.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
		});
		return new Directory(byId, bySlug, byId.values().iterator().next(), regions, System.nanoTime());
	}

	private static MunicipalitySettings settings(ResultSet rs, int row) throws SQLException {
		double startLon = rs.getDouble("start_lon");
		StartView view = rs.wasNull() ? null : new StartView(startLon, rs.getDouble("start_lat"), rs.getDouble("start_zoom"));
		return new MunicipalitySettings(rs.getLong("id"), rs.getLong("version"), rs.getString("slug"), rs.getString("name"),
				rs.getString("code"),
				new BoundingBox(rs.getDouble("min_lon"), rs.getDouble("min_lat"), rs.getDouble("max_lon"),
						rs.getDouble("max_lat")),
				view, rs.getString("tile_url"), rs.getString("tile_attribution"), rs.getInt("max_zoom"),
				rs.getString("contact_email"), rs.getString("accessibility_contact"));
	}

	private Directory fromEnvironment() {
		SettingsDraft draft = seed.defaults();
		MunicipalitySettings settings = new MunicipalitySettings(0, 0, "", draft.name(), null, draft.extent(),
				draft.startView(), draft.tileUrl(), draft.tileAttribution(), draft.maxZoom(), draft.contactEmail(),
				draft.accessibilityContact());
		return new Directory(Map.of(), Map.of(), settings, Map.of(), System.nanoTime());
	}

}
