package se.trygghetskartan.incident;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.trygghetskartan.security.CurrentUser;
import se.trygghetskartan.system.ConflictException;
import se.trygghetskartan.system.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The imports' records: started, shown and undone. The police see the imports they started; planners
 * and admins see all. Someone else's import is "not found" to the police, so ids confirm nothing.
 */
@Component
class IncidentImports {

	private static final Logger log = LoggerFactory.getLogger(IncidentImports.class);

	private final JdbcClient jdbc;

	IncidentImports(JdbcClient jdbc) {
		this.jdbc = jdbc;
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

	/** An import's progress and report as JSON. */
	String status(long id) {
		return visible("""
				SELECT json_build_object('id', id, 'source', source, 'status', status, 'lines', lines,
				  'imported', imported, 'duplicates', duplicates, 'rejected', rejected, 'rejections', rejections,
				  'message', message, 'startedAt', started_at, 'finishedAt', finished_at, 'startedBy', started_by)::text
				FROM incident_import WHERE %s
				""", id);
	}

	/** Removes an import and every incident it added, together ("ångra import"); not while it runs. */
	@Transactional
	void undo(long id) {
		String status = visible("SELECT status FROM incident_import WHERE %s FOR UPDATE", id);
		if (status.equals("running")) {
			throw new ConflictException("Import " + id + " is still running; undo it when it is done.");
		}
		int removed = jdbc.sql("DELETE FROM incident WHERE import_id = :id").param("id", id).update();
		jdbc.sql("DELETE FROM incident_import WHERE id = :id").param("id", id).update();
		log.info("Import {} undone by {}: {} incidents removed", id, user(), removed);
	}

	// One value of an import the current user may see; %s in the query is where it is chosen.
	private String visible(String query, long id) {
		return jdbc.sql(query.formatted("id = :id AND (:all OR started_by = :user)"))
			.param("id", id)
			.param("all", CurrentUser.isPlanner())
			.param("user", user())
			.query(String.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("import", id));
	}

}
