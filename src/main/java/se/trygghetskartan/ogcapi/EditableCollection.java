package se.trygghetskartan.ogcapi;

import java.util.Map;
import java.util.function.Function;

import se.trygghetskartan.geo.StoredFeature;
import se.trygghetskartan.history.VersionedResource;
import se.trygghetskartan.system.ETags;
import se.trygghetskartan.system.NotFoundException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A collection planners edit through the OGC API (Part 4): the feature module's own service and its
 * own reading of a Feature, so that validation, history, tenancy and events are /api's. If-Match is
 * honoured when sent and not required (QGIS sends none). A merge patch (RFC 7396) applies to the
 * item as stored, with its own geometry at full precision (read from the module's published view)
 * rather than as the 7 decimals of its Feature, so that changing a name moves nothing.
 */
final class EditableCollection<D> {

	private final String subject;

	private final VersionedResource<D, StoredFeature> resource;

	private final Function<JsonNode, D> drafts;

	private final Function<JsonNode, JsonNode> ownGeometry;

	private final String exactGeometry;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	/**
	 * @param subject what a 404 calls an item ("place")
	 * @param drafts reads a Feature (in CRS84) into a draft, or throws the 422 that says what is wrong
	 * @param ownGeometry the item's own geometry in its stored Feature (null when it has none)
	 * @param exactGeometry SQL giving that geometry as GeoJSON at full precision, for the item {@code :id}
	 */
	EditableCollection(String subject, VersionedResource<D, StoredFeature> resource, Function<JsonNode, D> drafts,
			Function<JsonNode, JsonNode> ownGeometry, String exactGeometry, JdbcClient jdbc, JsonMapper json) {
		this.subject = subject;
		this.resource = resource;
		this.drafts = drafts;
		this.ownGeometry = ownGeometry;
		this.exactGeometry = exactGeometry;
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * The item a feature id names, the request now acting in its municipality; 404 when there is none
	 * (also for an id that is not one of ours).
	 */
	long enter(String featureId) {
		if (!featureId.matches("[1-9]\\d{0,17}")) {
			throw new NotFoundException(subject, featureId);
		}
		long id = Long.parseLong(featureId);
		resource.enter(id);
		return id;
	}

	StoredFeature create(JsonNode feature) {
		return resource.create(drafts.apply(feature));
	}

	StoredFeature replace(long id, JsonNode feature, String ifMatch) {
		return resource.update(id, drafts.apply(feature), ifMatch == null ? "*" : ifMatch);
	}

	/** Applies the merge patch to the item; without If-Match, to the version it was applied to. */
	StoredFeature patch(long id, JsonNode patch, String ifMatch) {
		StoredFeature current = resource.find(id);
		ObjectNode document = (ObjectNode) json.readTree(current.json());
		document.set("geometry", exactly(id, ownGeometry.apply(document)));
		JsonNode merged = merge(document, patch);
		return resource.update(id, drafts.apply(merged), ifMatch == null ? ETags.of(current.version()) : ifMatch);
	}

	void delete(long id, String ifMatch) {
		resource.delete(id, ifMatch);
	}

	private JsonNode exactly(long id, JsonNode geometry) {
		if (geometry == null || geometry.isNull()) {
			return JsonNodeFactory.instance.nullNode();
		}
		return jdbc.sql(exactGeometry).param("id", id).query(String.class).optional().map(json::readTree).orElse(geometry);
	}

	/** RFC 7396: objects merge member by member, null removes a member, anything else replaces. */
	static JsonNode merge(JsonNode target, JsonNode patch) {
		if (patch == null || !patch.isObject()) {
			return patch;
		}
		ObjectNode merged = target != null && target.isObject() ? (ObjectNode) target.deepCopy()
				: JsonNodeFactory.instance.objectNode();
		for (Map.Entry<String, JsonNode> member : patch.properties()) {
			if (member.getValue().isNull()) {
				merged.remove(member.getKey());
			}
			else {
				merged.set(member.getKey(), merge(merged.get(member.getKey()), member.getValue()));
			}
		}
		return merged;
	}

}
