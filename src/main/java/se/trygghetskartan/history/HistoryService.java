package se.trygghetskartan.history;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import se.trygghetskartan.system.Codes;
import se.trygghetskartan.system.DataVersions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records each change to an item, in the transaction that makes it, as the fields that changed
 * (old and new value) plus the item's whole state as a GeoJSON Feature.
 */
@Service
public class HistoryService {

	/**
	 * The data version every recorded change counts up ({@link DataVersions}): places, measures,
	 * districts, activities, promises and the settings all change through the history, so public
	 * answers built from them are named by it.
	 */
	public static final String DATA_VERSION = "history";

	/** Properties that change as a consequence, not as an edit: left out of the diff. */
	private static final Set<String> DERIVED = Set.of("id", "version", "createdAt", "createdBy", "updatedAt",
			"updatedBy", "neighbourhood", "neighbourhoods", "measureIds", "geometrySource", "progress", "activitiesDone",
			"measuresDone", "measuresCounted", "activityIds", "commitments", "stopCount", "statusChanges");

	/** Who made what a resident sent from the public map or Open311, signed in or not. */
	public static final String RESIDENT = "resident";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final DataVersions versions;

	HistoryService(JdbcClient jdbc, JsonMapper json, DataVersions versions) {
		this.jdbc = jdbc;
		this.json = json;
		this.versions = versions;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String subjectType, long subjectId, long version, ChangeAction action, String feature) {
		record(subjectType, subjectId, version, action, feature, null);
	}

	/** The same, with what owns the item (its municipality's id), kept for a deletion's readers. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String subjectType, long subjectId, long version, ChangeAction action, String feature,
			Long owner) {
		recordAs(currentUser(), subjectType, subjectId, version, action, feature, owner);
	}

	/**
	 * The same, made by the author named ({@link #RESIDENT} for what a resident sends without signing
	 * in), not by whoever the request's session is of.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordAs(String author, String subjectType, long subjectId, long version, ChangeAction action,
			String feature, Long owner) {
		JsonNode after = json.readTree(feature);
		JsonNode before = action == ChangeAction.CREATED ? null : latestSnapshot(subjectType, subjectId);
		ObjectNode changes = diff(before, action == ChangeAction.DELETED ? null : after);
		jdbc.sql("""
				INSERT INTO change_record (subject_type, subject_id, version, action, changed_by, changes, snapshot, owner_id)
				VALUES (:type, :id, :version, :action, :by, CAST(:changes AS jsonb), CAST(:snapshot AS jsonb), :owner)
				""")
			.param("type", subjectType)
			.param("id", subjectId)
			.param("version", version)
			.param("action", Codes.of(action))
			.param("by", author)
			.param("changes", changes.toString())
			.param("snapshot", feature)
			.param("owner", owner)
			.update();
		versions.changed(DATA_VERSION);
	}

	/** The item's changes, oldest first, as a JSON array; empty when nothing was ever recorded. */
	@Transactional(readOnly = true)
	public String history(String subjectType, long subjectId) {
		return jdbc.sql("""
				SELECT COALESCE(json_agg(json_build_object(
				  'version', version, 'action', action, 'changedBy', changed_by, 'changedAt', changed_at,
				  'changes', changes) ORDER BY id), '[]'::json)::text
				FROM change_record WHERE subject_type = :type AND subject_id = :id
				""")
			.param("type", subjectType)
			.param("id", subjectId)
			.query(String.class)
			.single();
	}

	/** A deleted item's deletion: what owned it (null when not recorded), or empty when it was never deleted. */
	@Transactional(readOnly = true)
	public Optional<Deletion> deletion(String subjectType, long subjectId) {
		return jdbc.sql("""
				SELECT owner_id FROM change_record WHERE subject_type = :type AND subject_id = :id AND action = 'deleted'
				ORDER BY id DESC LIMIT 1
				""")
			.param("type", subjectType)
			.param("id", subjectId)
			.query((rs, row) -> new Deletion(rs.getObject("owner_id", Long.class)))
			.optional();
	}

	/** Whether anything of the item was ever recorded. */
	@Transactional(readOnly = true)
	public boolean recorded(String subjectType, long subjectId) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM change_record WHERE subject_type = :type AND subject_id = :id)")
			.param("type", subjectType)
			.param("id", subjectId)
			.query(Boolean.class)
			.single();
	}

	/** That an item was deleted, and what owned it then (null when that was not recorded). */
	public record Deletion(Long owner) {
	}

	private JsonNode latestSnapshot(String subjectType, long subjectId) {
		return jdbc.sql("""
				SELECT snapshot::text FROM change_record WHERE subject_type = :type AND subject_id = :id
				ORDER BY id DESC LIMIT 1
				""")
			.param("type", subjectType)
			.param("id", subjectId)
			.query(String.class)
			.optional()
			.map(json::readTree)
			.orElse(null);
	}

	/** {field: {from, to}} for each edited property and the geometry. */
	private ObjectNode diff(JsonNode before, JsonNode after) {
		ObjectNode changes = json.createObjectNode();
		JsonNode oldProps = propertiesOf(before);
		JsonNode newProps = propertiesOf(after);
		Set<String> names = new java.util.TreeSet<>();
		oldProps.propertyNames().forEach(names::add);
		newProps.propertyNames().forEach(names::add);
		for (String name : names) {
			if (!DERIVED.contains(name)) {
				change(changes, name, oldProps.get(name), newProps.get(name));
			}
		}
		change(changes, "geometry", before == null ? null : before.get("geometry"),
				after == null ? null : after.get("geometry"));
		return changes;
	}

	// A GeoJSON Feature's properties, or a plain JSON object's fields.
	private JsonNode propertiesOf(JsonNode snapshot) {
		if (snapshot == null) {
			return json.missingNode();
		}
		return snapshot.has("properties") ? snapshot.get("properties") : snapshot;
	}

	private void change(ObjectNode changes, String name, JsonNode from, JsonNode to) {
		JsonNode a = from == null ? json.nullNode() : from;
		JsonNode b = to == null ? json.nullNode() : to;
		if (!a.equals(b)) {
			ObjectNode change = changes.putObject(name);
			change.set("from", a);
			change.set("to", b);
		}
	}

	private static String currentUser() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null ? "system" : authentication.getName();
	}

}
