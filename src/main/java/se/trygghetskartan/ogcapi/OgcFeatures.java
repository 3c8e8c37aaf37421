package se.trygghetskartan.ogcapi;

import java.util.List;
import java.util.function.Supplier;

import se.trygghetskartan.geo.GeometryOutput;
import se.trygghetskartan.geo.StoredFeature;
import se.trygghetskartan.system.ETags;
import se.trygghetskartan.system.NotFoundException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Service;

/**
 * The OGC API's reads: which collections the caller sees, their items and single items, with the
 * geometries written by PostGIS in the CRS asked for. What writes (Part 4) answers with is read
 * here too, so that a feature reads the same whichever verb returns it.
 */
@Service
public class OgcFeatures {

	/** Decimals of a coordinate in metres (a millimetre) and in degrees (about a centimetre). */
	static final int METRE_DECIMALS = 3;

	static final int DEGREE_DECIMALS = 7;

	private final OgcCollections collections;

	private final JsonMapper json;

	OgcFeatures(OgcCollections collections, JsonMapper json) {
		this.collections = collections;
		this.json = json;
	}

	/**
	 * What {@code work} reads (through the modules' services), its geometries in the CRS and axis order
	 * the OGC API names: CRS84 is the modules' own output; EPSG:4326 swaps the axes; EPSG:3006 is
	 * transformed in PostGIS and written northing first to the millimetre. For reads only: a write's
	 * history keeps its snapshot as the module reads it, so call a service's create or update outside
	 * and read the result again in here ({@link #item}).
	 */
	public static <T> T in(OgcCrs crs, Supplier<T> work) {
		if (crs == OgcCrs.CRS84) {
			return work.get();
		}
		int decimals = crs.srid() == 4326 ? DEGREE_DECIMALS : METRE_DECIMALS;
		return new GeometryOutput(crs.srid(), crs.northingFirst(), decimals).read(work);
	}

	/** The collections the caller may see, in order. */
	List<OgcCollection> visible() {
		return collections.all().stream().filter(OgcCollection::visible).toList();
	}

	/** The collection of that id; 404 when there is none the caller may see. */
	OgcCollection collection(String id) {
		return visible().stream()
			.filter(collection -> collection.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("collection", id));
	}

	/** One page of a collection's items as a FeatureCollection with numberMatched and numberReturned. */
	ObjectNode items(OgcCollection collection, OgcQuery query, OgcCrs crs) {
		ObjectNode answer = (ObjectNode) json.readTree(in(crs, () -> collection.items(query)));
		if (!collection.paged()) {
			ArrayNode all = (ArrayNode) answer.get("features");
			ArrayNode page = json.createArrayNode();
			long end = Math.min(all.size(), query.page().offset() + query.page().limit());
			for (long i = query.page().offset(); i < end; i++) {
				page.add(all.get((int) i));
			}
			answer.set("features", page);
			answer.put("numberMatched", all.size());
			answer.put("numberReturned", page.size());
		}
		return answer;
	}

	/**
	 * One item of a collection, as the caller may see it, in the CRS asked for, with its ETag (the
	 * version its {@code /api} read names); 404 for an unknown collection or item.
	 */
	public OgcItem item(String collectionId, String featureId, OgcCrs crs) {
		OgcCollection collection = collection(collectionId);
		StoredFeature feature = in(crs, () -> collection.item(featureId));
		if (feature == null) {
			throw new NotFoundException("feature", featureId);
		}
		// The public grid's squares have no version: their ETag is their content's.
		String etag = collection.versioned() ? ETags.of(feature.version()) : ETags.ofContent(feature.json());
		return new OgcItem(feature.json(), etag);
	}

}
