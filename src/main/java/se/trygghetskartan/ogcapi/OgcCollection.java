package se.trygghetskartan.ogcapi;

import java.util.List;

import se.trygghetskartan.geo.StoredFeature;

/**
 * One collection of the OGC API, an adapter over the module that keeps its items: who may see it
 * (exactly who sees the module's own list), what its items may be filtered by, and its items as the
 * module's own reads build them.
 */
abstract class OgcCollection {

	private final String id;

	private final String title;

	private final String description;

	/** A collection of that id, with its title and description in Swedish. */
	OgcCollection(String id, String title, String description) {
		this.id = id;
		this.title = title;
		this.description = description;
	}

	String id() {
		return id;
	}

	String title() {
		return title;
	}

	String description() {
		return description;
	}

	/** Whether the caller may see it at all (else it is not listed and is 404). */
	boolean visible() {
		return true;
	}

	/** The properties its items may be filtered by ({@code status=planned}), each with its allowed values (empty: any). */
	abstract List<Queryable> queryables();

	/** Whether {@code datetime} filters it (by the days its items happen on). */
	boolean temporal() {
		return false;
	}

	/**
	 * The items as a FeatureCollection with numberMatched and numberReturned, one page of them. A
	 * collection the module does not page answers whole, and {@link OgcFeatures} pages it.
	 */
	abstract String items(OgcQuery query);

	/** Whether {@link #items} already holds just the page. */
	boolean paged() {
		return true;
	}

	/** Whether its items have versions (their ETag); else the ETag is named by the content. */
	boolean versioned() {
		return true;
	}

	/** One item as the module's own read of it makes it, or null when the caller may see none by that id. */
	abstract StoredFeature item(String featureId);

	/** A property one may filter by, its type (as JSON Schema names it) and its allowed values. */
	record Queryable(String name, String type, List<String> allowed) {
	}

}
