package se.trygghetskartan.municipality;

import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.trygghetskartan.geo.BoundingBox;
import se.trygghetskartan.geo.MunicipalityExtent;
import se.trygghetskartan.history.ChangeRecorder;
import se.trygghetskartan.history.HistoryService;
import se.trygghetskartan.history.Snapshot;
import se.trygghetskartan.municipality.MunicipalitySettings.StartView;
import se.trygghetskartan.security.MapTiles;
import se.trygghetskartan.system.NotFoundException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The municipality's settings: read on nearly every request (the extent by every geometry, the tile
 * URL by every page's Content-Security-Policy), so each instance keeps them for a few seconds
 * ({@code trygghetskartan.municipality.refresh}). The instance that stores a change forgets its copy
 * at once; the others read the change when theirs is that old. Instances share nothing but the
 * database, so this is how a change reaches them all without a restart.
 */
@Service
public class MunicipalityService implements MunicipalityExtent, MapTiles {

	private static final Logger log = LoggerFactory.getLogger(MunicipalityService.class);

	private static final String SUBJECT = "municipality";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	private final MunicipalitySeed seed;

	private final long refreshNanos;

	private final ChangeRecorder<Municipality, SettingsSnapshot> recorder;

	private final AtomicBoolean refreshing = new AtomicBoolean();

	private final Executor refresher = Executors.newSingleThreadExecutor(task -> {
		Thread thread = new Thread(task, "municipality-settings");
		thread.setDaemon(true);
		return thread;
	});

	private volatile Cached cached;

	MunicipalityService(JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher events, MunicipalitySeed seed,
			MunicipalityProperties properties, MunicipalityRepository municipalities, HistoryService history) {
		this.jdbc = jdbc;
		this.json = json;
		this.events = events;
		this.seed = seed;
		this.refreshNanos = properties.refresh().toNanos();
		this.recorder = new ChangeRecorder<>(SUBJECT, municipalities,
				id -> load(id).map(this::snapshot).orElse(null), history);
	}

	private record Cached(MunicipalitySettings settings, long readAt) {
	}

	/** The state the history records and If-Match compares. */
	record SettingsSnapshot(long version, String json) implements Snapshot {
	}

	/**
	 * The settings as they are now, at most {@code refresh} old (plus the time one read takes). A copy
	 * that has grown too old is read again in the background while requests go on with it, so no
	 * request waits for the database on the settings' account, least of all during an outage, when
	 * that wait would be the pool's full timeout. While the database cannot be read, the last
	 * settings read stay in use (and before any, the environment's), so an outage does not take every
	 * page's headers down with it.
	 */
	public MunicipalitySettings current() {
		Cached copy = cached;
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
		return copy.settings();
	}

	private MunicipalitySettings refresh(Cached copy) {
		try {
			MunicipalitySettings fresh = load(null).orElseThrow(() -> new IllegalStateException("no municipality"));
			cached = new Cached(fresh, System.nanoTime());
			return fresh;
		}
		catch (DataAccessException | IllegalStateException ex) {
			MunicipalitySettings fallback = copy != null ? copy.settings() : defaults();
			log.warn("Could not read the municipality's settings, using those of version {}: {}", fallback.version(),
					ex.getMessage());
			cached = new Cached(fallback, System.nanoTime());
			return fallback;
		}
	}

	@Override
	public BoundingBox extent() {
		return current().extent();
	}

	@Override
	public String tileUrl() {
		return current().tileUrl();
	}

	/** GET /api/config: the settings as JSON, with the version their ETag names. */
	public SettingsSnapshot currentJson() {
		return snapshot(current());
	}

	/**
	 * Stores new settings when {@code ifMatch} names the stored version (else 412, or 428 without
	 * it), records the change in the history, and tells the other modules once it is committed.
	 */
	@Transactional
	SettingsSnapshot update(String ifMatch, SettingsDraft draft) {
		long id = load(null).orElseThrow(() -> new NotFoundException(SUBJECT, 0)).id();
		SettingsSnapshot stored = recorder.update(id, ifMatch, municipality -> municipality.apply(draft));
		events.publishEvent(new MunicipalitySettingsChanged(id, stored.version()));
		return stored;
	}

	// This instance sees its own change at once, not after the refresh time.
	@TransactionalEventListener
	void forgetCopy(MunicipalitySettingsChanged changed) {
		cached = null;
	}

	private SettingsSnapshot snapshot(MunicipalitySettings settings) {
		return new SettingsSnapshot(settings.version(), json.writeValueAsString(settings.toJson()));
	}

	// The municipality with this id, or (null) the one there is: tenants will pick theirs here.
	private java.util.Optional<MunicipalitySettings> load(Long id) {
		return jdbc.sql("""
				SELECT id, version, slug, name, min_lon, min_lat, max_lon, max_lat, start_lon, start_lat, start_zoom,
				       tile_url, tile_attribution, max_zoom, contact_email, accessibility_contact
				FROM municipality WHERE CAST(:id AS bigint) IS NULL OR id = :id ORDER BY id LIMIT 1
				""")
			.param("id", id)
			.query((rs, row) -> {
				double startLon = rs.getDouble("start_lon");
				StartView view = rs.wasNull() ? null
						: new StartView(startLon, rs.getDouble("start_lat"), rs.getDouble("start_zoom"));
				return new MunicipalitySettings(rs.getLong("id"), rs.getLong("version"), rs.getString("slug"),
						rs.getString("name"),
						new BoundingBox(rs.getDouble("min_lon"), rs.getDouble("min_lat"), rs.getDouble("max_lon"),
								rs.getDouble("max_lat")),
						view, rs.getString("tile_url"), rs.getString("tile_attribution"), rs.getInt("max_zoom"),
						rs.getString("contact_email"), rs.getString("accessibility_contact"));
			})
			.optional();
	}

	private MunicipalitySettings defaults() {
		SettingsDraft draft = seed.defaults();
		return new MunicipalitySettings(0, 0, "", draft.name(), draft.extent(), draft.startView(), draft.tileUrl(),
				draft.tileAttribution(), draft.maxZoom(), draft.contactEmail(), draft.accessibilityContact());
	}

}
