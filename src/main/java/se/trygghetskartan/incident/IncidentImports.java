package se.trygghetskartan.incident;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.trygghetskartan.municipality.Municipalities;
import se.trygghetskartan.security.CurrentUser;
import se.trygghetskartan.system.ConflictException;
import se.trygghetskartan.system.DataVersions;
import se.trygghetskartan.system.Messages;
import se.trygghetskartan.system.ForbiddenException;
import se.trygghetskartan.system.NotFoundException;
import se.trygghetskartan.system.Reason;
import se.trygghetskartan.system.Rejections;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The imports' records: started, brought up to date as an import runs, shown and undone. The police
 * see the imports they started; planners and admins see all. Someone else's import is "not found" to
 * the police, so ids confirm nothing.
 */
@Component
class IncidentImports {

	private static final Logger log = LoggerFactory.getLogger(IncidentImports.class);

	// What a list of imports and an import's report both say about it. Why an import failed and why
	// lines were rejected are stored as codes and arguments (imports before V22: as English words),
	// and said in the reader's language (localized).
	private static final String SUMMARY = """
			'id', i.id, 'source', i.source, 'sourceName', (SELECT s.name FROM incident_source s WHERE s.slug = i.source),
			'status', i.status, 'lines', i.lines, 'imported', i.imported, 'duplicates', i.duplicates,
			'rejected', i.rejected, 'message', i.message, 'failure', i.failure, 'startedAt', i.started_at,
			'finishedAt', i.finished_at, 'startedBy', i.started_by""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Messages messages;

	private final DataVersions versions;

	private final Municipalities municipalities;

	IncidentImports(JdbcClient jdbc, JsonMapper json, Messages messages, DataVersions versions,
			Municipalities municipalities) {
		this.jdbc = jdbc;
		this.municipalities = municipalities;
		this.json = json;
		this.messages = messages;
		this.versions = versions;
	}

	/** What an import has done so far. */
	record Progress(int lines, int imported, int duplicates, Rejections rejections) {
	}

	/** The name of who asks, as imports record it. */
	static String user() {
		return SecurityContextHolder.getContext().getAuthentication().getName();
	}

	/**
	 * Records a new import into the request's municipality (by its police or planners, else 403), running,
	 * started by the current user; returns its id.
	 */
	long start(String source) {
		long municipality = municipalities.currentId();
		municipalities.requireStaff(municipality);
		return jdbc.sql("""
				INSERT INTO incident_import (source, status, started_by, municipality_id)
				VALUES (:source, 'running', :user, :municipality) RETURNING id
				""")
			.param("municipality", municipality)
			.param("source", source)
			.param("user", user())
			.query(Long.class)
			.single();
	}

	/** Records how far an import got: {@code running}, {@code done} or {@code failed} and why. */
	void record(long id, String status, Progress progress, Reason failure) {
		jdbc.sql("""
				UPDATE incident_import SET status = :status, lines = :lines, imported = :imported,
				  duplicates = :duplicates, rejected = :rejected, rejections = CAST(:rejections AS jsonb),
				  failure = CAST(:failure AS jsonb), finished_at = CASE WHEN :status = 'running' THEN NULL ELSE now() END
				WHERE id = :id
				""")
			.param("status", status)
			.param("lines", progress.lines())
			.param("imported", progress.imported())
			.param("duplicates", progress.duplicates())
			.param("rejected", progress.rejections().count())
			.param("rejections", json.writeValueAsString(progress.rejections()
				.kept()
				.stream()
				.map(rejection -> Map.of("line", rejection.line(), "code", rejection.reason().code(), "args",
						rejection.reason().args()))
				.toList()))
			.param("failure", failure == null ? null
					: json.writeValueAsString(Map.of("code", failure.code(), "args", failure.args())))
			.param("id", id)
			.update();
	}

	/**
	 * Imports run in this process; those still "running" when it starts were cut off by the restart:
	 * marked failed (their stored lines stay; importing the file again adds only what is missing).
	 * Returns how many.
	 */
	int markInterrupted() {
		return jdbc.sql("""
				UPDATE incident_import SET status = 'failed', finished_at = now(), failure = CAST(:failure AS jsonb)
				WHERE status = 'running'
				""").param("failure", "{\"code\": \"" + IncidentError.IMPORT_INTERRUPTED.code() + "\", \"args\": {}}")
			.update();
	}

	/** An import's progress and report as JSON, in the language of the request. */
	String status(long id) {
		return localized(visible(
				"SELECT json_build_object(" + SUMMARY + ", 'rejections', i.rejections)::text FROM incident_import i WHERE %s",
				id));
	}

	/**
	 * The latest imports the current user may see, newest first, without their rejected lines: the
	 * police see their own, planners and admins all.
	 */
	String recent(int limit) {
		return localized(jdbc.sql("""
				SELECT COALESCE(json_agg(json_build_object(%s) ORDER BY i.started_at DESC, i.id DESC), '[]')::text
				FROM (SELECT * FROM incident_import WHERE municipality_id = :municipality AND (:all OR started_by = :user)
				      ORDER BY started_at DESC, id DESC LIMIT :limit) i
				""".formatted(SUMMARY))
			.param("municipality", staffMunicipality())
			.param("all", CurrentUser.isPlanner())
			.param("user", user())
			.param("limit", limit)
			.query(String.class)
			.single());
	}

	// The words of each failure and rejected line, in the request's language: "message" and "reason"
	// beside the codes.
	private String localized(String imports) {
		Locale locale = Messages.current();
		JsonNode root = json.readTree(imports);
		for (JsonNode item : root.isArray() ? root : List.of(root)) {
			ObjectNode report = (ObjectNode) item;
			if (report.path("failure").isObject()) {
				ObjectNode failure = (ObjectNode) report.get("failure");
				String words = messages.text(reason(failure), locale);
				failure.put("reason", words);
				report.put("message", words);
			}
			for (JsonNode rejection : report.path("rejections")) {
				if (rejection.has("code")) {
					((ObjectNode) rejection).put("reason", messages.text(reason(rejection), locale));
				}
			}
		}
		return json.writeValueAsString(root);
	}

	private Reason reason(JsonNode stored) {
		Map<String, Object> args = json.convertValue(stored.path("args"), new TypeReference<Map<String, Object>>() {
		});
		return new Reason(stored.path("code").asString(), args == null ? Map.of() : args, false);
	}

	/** Removes an import and every incident it added, together ("ångra import"); not while it runs. */
	@Transactional
	void undo(long id) {
		String status = visible("SELECT i.status FROM incident_import i WHERE %s FOR UPDATE", id);
		if (status.equals("running")) {
			throw new ConflictException(IncidentError.IMPORT_RUNNING, "id", id);
		}
		int removed = jdbc.sql("DELETE FROM incident WHERE import_id = :id").param("id", id).update();
		jdbc.sql("DELETE FROM incident_import WHERE id = :id").param("id", id).update();
		versions.changed(IncidentStore.DATA_VERSION);
		log.info("Import {} undone by {}: {} incidents removed", id, user(), removed);
	}

	// The request's municipality, whose imports only its police and planners see (403 for others).
	private long staffMunicipality() {
		long municipality = municipalities.currentId();
		municipalities.requireStaff(municipality);
		return municipality;
	}

	// One value of an import the current user may see (in the import's municipality); %s in the query
	// is where it is chosen.
	private String visible(String query, long id) {
		jdbc.sql("SELECT municipality_id FROM incident_import WHERE id = :id")
			.param("id", id)
			.query(Long.class)
			.optional()
			.ifPresent(municipality -> {
				municipalities.enter(municipality);
				// Another municipality's import is as unknown as one that never was: ids confirm nothing.
				try {
					municipalities.requireStaff(municipality);
				}
				catch (ForbiddenException ex) {
					throw new NotFoundException("import", id);
				}
			});
		return jdbc.sql(query.formatted("i.id = :id AND (:all OR i.started_by = :user)"))
			.param("id", id)
			.param("all", CurrentUser.isPlanner())
			.param("user", user())
			.query(String.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("import", id));
	}

}
