package se.trygghetskartan.municipality;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import se.trygghetskartan.account.Role;
import se.trygghetskartan.history.ChangeRecorder;
import se.trygghetskartan.history.HistoryService;
import se.trygghetskartan.history.Snapshot;
import se.trygghetskartan.system.ConflictException;
import se.trygghetskartan.system.InvalidRequestException;
import se.trygghetskartan.system.NotFoundException;
import se.trygghetskartan.system.RequestError;
import se.trygghetskartan.system.Slugs;
import se.trygghetskartan.system.Violation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Municipalities' settings as admins change them (each municipality's admins its own), new
 * municipalities (installation admins), and police regions; reading goes through
 * {@link Municipalities}, which keeps a copy.
 */
@Service
public class MunicipalityService {

	private static final String SUBJECT = "municipality";

	/** A police region as JSON: its slug, name and municipalities' slugs. */
	private static final String REGION = """
			json_build_object('slug', r.slug, 'name', r.name,
			  'municipalities', ARRAY(SELECT m.slug FROM police_region_member pm JOIN municipality m ON m.id = pm.municipality_id
			                          WHERE pm.region_id = r.id ORDER BY m.slug))""";

	private static final Pattern CODE = Pattern.compile("[0-9]{4}");

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	private final Municipalities municipalities;

	private final MunicipalityRepository repository;

	private final ChangeRecorder<Municipality, SettingsSnapshot> recorder;

	MunicipalityService(JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher events,
			Municipalities municipalities, MunicipalityRepository repository, HistoryService history) {
		this.jdbc = jdbc;
		this.json = json;
		this.events = events;
		this.municipalities = municipalities;
		this.repository = repository;
		this.recorder = new ChangeRecorder<>(SUBJECT, repository,
				id -> municipalities.stored(id).map(this::snapshot).orElse(null), history);
	}

	/** The state the history records and If-Match compares. */
	record SettingsSnapshot(long version, String json) implements Snapshot {
	}

	/** GET /api/config: the settings of the request's municipality as JSON, with the version their ETag names. */
	public SettingsSnapshot currentJson() {
		return snapshot(municipalities.current());
	}

	/**
	 * Stores new settings of the request's municipality (its admins only) when {@code ifMatch} names the
	 * stored version (else 412, or 428 without it), records the change in the history, and tells the
	 * other modules once it is committed.
	 */
	@Transactional
	SettingsSnapshot update(String ifMatch, SettingsDraft draft) {
		long id = municipalities.currentId();
		municipalities.require(Role.ADMIN, id);
		SettingsSnapshot stored = recorder.update(id, ifMatch, municipality -> municipality.apply(draft));
		events.publishEvent(new MunicipalitySettingsChanged(id, stored.version()));
		return stored;
	}

	/**
	 * A new municipality (installation admins only): its slug (not one of the app's paths), code, name
	 * and extent; the background map, unless given, is the default municipality's.
	 */
	@Transactional
	SettingsSnapshot create(JsonNode body) {
		municipalities.requireInstallation(Role.ADMIN);
		if (body == null || !body.isObject()) {
			throw InvalidRequestException.body("", RequestError.NOT_JSON_OBJECT);
		}
		List<Violation> violations = new ArrayList<>();
		String slug = body.path("slug").isString() ? body.path("slug").stringValue().strip() : null;
		if (slug == null || slug.length() > Slugs.MAX_LENGTH || !Slugs.VALID.matcher(slug).matches()) {
			violations.add(new Violation("slug", MunicipalityError.MUNICIPALITY_SLUG_FORMAT));
		}
		else if (Municipalities.RESERVED_SLUGS.contains(slug)) {
			violations.add(new Violation("slug", MunicipalityError.RESERVED_SLUG, "slug", slug));
		}
		JsonNode codeNode = body.get("code");
		String code = codeNode == null || codeNode.isNull() ? null : codeNode.isString() ? codeNode.stringValue().strip() : "";
		if (code != null && !CODE.matcher(code).matches()) {
			violations.add(new Violation("code", MunicipalityError.CODE_FORMAT));
		}
		ObjectNode settings = ((ObjectNode) body).deepCopy();
		settings.remove(List.of("slug", "code"));
		MunicipalitySettings model = municipalities.defaultMunicipality();
		if (!settings.has("tileUrl")) {
			settings.put("tileUrl", model.tileUrl());
		}
		if (!settings.has("tileAttribution")) {
			settings.put("tileAttribution", model.tileAttribution());
		}
		if (!settings.has("maxZoom")) {
			settings.put("maxZoom", model.maxZoom());
		}
		SettingsDraft draft = null;
		try {
			draft = SettingsDraft.read(settings);
		}
		catch (InvalidRequestException ex) {
			violations.addAll(ex.violations());
		}
		if (!violations.isEmpty()) {
			throw InvalidRequestException.body(violations);
		}
		if (exists("slug", slug)) {
			throw new ConflictException(MunicipalityError.MUNICIPALITY_SLUG_TAKEN, "slug", slug);
		}
		if (code != null && exists("code", code)) {
			throw new ConflictException(MunicipalityError.CODE_TAKEN, "code", code);
		}
		Municipality municipality = new Municipality(slug, code, draft);
		SettingsSnapshot created = recorder.create(municipality);
		events.publishEvent(new MunicipalitySettingsChanged(municipality.getId(), created.version()));
		return created;
	}

	/**
	 * Adds a municipality as {@link #create} does (for loading data: the caller must be an installation
	 * admin), unless one with the slug exists; the municipality either way.
	 */
	@Transactional
	public MunicipalitySettings ensure(JsonNode body) {
		String slug = body.path("slug").stringValue();
		if (!exists("slug", slug)) {
			create(body);
			// Read again in this transaction, which the copy (forgotten after the commit) cannot see.
			municipalities.forget();
		}
		return municipalities.resolve(slug);
	}

	/** PUT /api/municipalities/{slug}: as {@link #update} for the municipality named. */
	@Transactional
	SettingsSnapshot update(String slug, String ifMatch, SettingsDraft draft) {
		municipalities.enter(municipalities.resolve(slug).id());
		return update(ifMatch, draft);
	}

	private boolean exists(String column, String value) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM municipality WHERE " + column + " = :value)")
			.param("value", value)
			.query(Boolean.class)
			.single();
	}

	// ---- police regions

	/** Every police region with its municipalities' slugs, as JSON. */
	@Transactional(readOnly = true)
	String regions() {
		return jdbc.sql("SELECT COALESCE(json_agg(" + REGION + " ORDER BY r.slug), '[]'::json)::text FROM police_region r")
			.query(String.class)
			.single();
	}

	/**
	 * Makes or replaces a police region (installation admins only): {@code {"name", "municipalities":
	 * [slugs]}}. Grants of {@code region:<slug>} cover its municipalities from then on.
	 */
	@Transactional
	String putRegion(String slug, JsonNode body) {
		municipalities.requireInstallation(Role.ADMIN);
		List<Violation> violations = new ArrayList<>();
		if (!Slugs.VALID.matcher(slug).matches() || slug.length() > Slugs.MAX_LENGTH) {
			violations.add(new Violation("slug", MunicipalityError.MUNICIPALITY_SLUG_FORMAT));
		}
		String name = body != null && body.path("name").isString() ? body.path("name").stringValue().strip() : "";
		if (name.isEmpty() || name.length() > SettingsDraft.MAX_NAME) {
			violations.add(new Violation("name", SettingsError.PLAIN_TEXT, "max", SettingsDraft.MAX_NAME));
		}
		List<Long> members = new ArrayList<>();
		JsonNode list = body == null ? null : body.get("municipalities");
		if (list == null || !list.isArray()) {
			violations.add(new Violation("municipalities", RequestError.NOT_ARRAY));
		}
		else {
			for (int i = 0; i < list.size(); i++) {
				String member = list.get(i).isString() ? list.get(i).stringValue() : list.get(i).toString();
				try {
					members.add(municipalities.resolve(member).id());
				}
				catch (NotFoundException ex) {
					violations.add(new Violation("municipalities[" + i + "]", MunicipalityError.UNKNOWN_MUNICIPALITY,
							"slug", member));
				}
			}
		}
		if (!violations.isEmpty()) {
			throw InvalidRequestException.body(violations);
		}
		long id = jdbc.sql("""
				INSERT INTO police_region (slug, name) VALUES (:slug, :name)
				ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name RETURNING id
				""").param("slug", slug).param("name", name).query(Long.class).single();
		jdbc.sql("DELETE FROM police_region_member WHERE region_id = :id").param("id", id).update();
		for (long member : members) {
			jdbc.sql("INSERT INTO police_region_member (region_id, municipality_id) VALUES (:id, :member) ON CONFLICT DO NOTHING")
				.param("id", id)
				.param("member", member)
				.update();
		}
		events.publishEvent(new MunicipalitySettingsChanged(0, 0));
		return jdbc.sql("SELECT " + REGION + "::text FROM police_region r WHERE r.id = :id")
			.param("id", id)
			.query(String.class)
			.single();
	}

	@Transactional
	void deleteRegion(String slug) {
		municipalities.requireInstallation(Role.ADMIN);
		if (jdbc.sql("DELETE FROM police_region WHERE slug = :slug").param("slug", slug).update() == 0) {
			throw new NotFoundException(
					se.trygghetskartan.system.Reason.of(MunicipalityError.UNKNOWN_REGION, "slug", slug));
		}
		events.publishEvent(new MunicipalitySettingsChanged(0, 0));
	}

	private SettingsSnapshot snapshot(MunicipalitySettings settings) {
		return new SettingsSnapshot(settings.version(), json.writeValueAsString(settings.toJson()));
	}

}
