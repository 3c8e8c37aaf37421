package se.trygghetskartan.incident;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.trygghetskartan.security.CurrentUser;
import se.trygghetskartan.system.ConflictException;
import se.trygghetskartan.system.NotFoundException;
import se.trygghetskartan.system.Rejections;
import tools.jackson.databind.json.JsonMapper;

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

	// What a list of imports and an import's report both say about it.
	private static final String SUMMARY = """
			'id', i.id, 'source', i.source, 'sourceName', (SELECT s.name FROM incident_source s WHERE s.slug = i.source),
			'status', i.status, 'lines', i.lines, 'imported', i.imported, 'duplicates', i.duplicates,
			'rejected', i.rejected, 'message', i.message, 'startedAt', i.started_at, 'finishedAt', i.finished_at,
			'startedBy', i.started_by""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	IncidentImports(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** What an import has done so far. */
	record Progress(int lines, int imported, int duplicates, Rejections rejections) {
	}

	/** The name of who asks, as imports record it. */
	static String user() {
		return SecurityContextHolder.getContext().getAuthentication().getName();
	}

	/** Records a new import, running, started by the current user; returns its id. */
	long start(String source) {
		return jdbc.sql("INSERT INTO incident_import (source, status, started_by) VALUES (:source, 'running', :user) RETURNING id")
			.param("source", source)
			.param("user", user())
			.query(Long.class)
			.single();
	}

	/** Records how far an import got: {@code running}, {@code done} or {@code failed} with a message. */
	void record(long id, String status, Progress progress, String message) {
		jdbc.sql("""
				UPDATE incident_import SET status = :status, lines = :lines, imported = :imported,
				  duplicates = :duplicates, rejected = :rejected, rejections = CAST(:rejections AS jsonb),
				  message = :message, finished_at = CASE WHEN :status = 'running' THEN NULL ELSE now() END
				WHERE id = :id
				""")
			.param("status", status)
			.param("lines", progress.lines())
			.param("imported", progress.imported())
			.param("duplicates", progress.duplicates())
			.param("rejected", progress.rejections().count())
			.param("rejections", json.writeValueAsString(progress.rejections().kept()))
			.param("message", message)
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
				UPDATE incident_import SET status = 'failed', finished_at = now(),
				  message = 'Interrupted by a restart of the application; import the file again to add the rest.'
				WHERE status = 'running'
				""").update();
	}

	/** An import's progress and report as JSON. */
	String status(long id) {
		return visible("SELECT json_build_object(" + SUMMARY + ", 'rejections', i.rejections)::text FROM incident_import i WHERE %s",
				id);
	}

	/**
	 * The latest imports the current user may see, newest first, without their rejected lines: the
	 * police see their own, planners and admins all.
	 */
	String recent(int limit) {
		return jdbc.sql("""
				SELECT COALESCE(json_agg(json_build_object(%s) ORDER BY i.started_at DESC, i.id DESC), '[]')::text
				FROM (SELECT * FROM incident_import WHERE :all OR started_by = :user
				      ORDER BY started_at DESC, id DESC LIMIT :limit) i
				""".formatted(SUMMARY))
			.param("all", CurrentUser.isPlanner())
			.param("user", user())
			.param("limit", limit)
			.query(String.class)
			.single();
	}

	/** Removes an import and every incident it added, together ("ångra import"); not while it runs. */
	@Transactional
	void undo(long id) {
		String status = visible("SELECT i.status FROM incident_import i WHERE %s FOR UPDATE", id);
		if (status.equals("running")) {
			throw new ConflictException("Import " + id + " is still running; undo it when it is done.");
		}
		int removed = jdbc.sql("DELETE FROM incident WHERE import_id = :id").param("id", id).update();
		jdbc.sql("DELETE FROM incident_import WHERE id = :id").param("id", id).update();
		log.info("Import {} undone by {}: {} incidents removed", id, user(), removed);
	}

	// One value of an import the current user may see; %s in the query is where it is chosen.
	private String visible(String query, long id) {
		return jdbc.sql(query.formatted("i.id = :id AND (:all OR i.started_by = :user)"))
			.param("id", id)
			.param("all", CurrentUser.isPlanner())
			.param("user", user())
			.query(String.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("import", id));
	}

}
