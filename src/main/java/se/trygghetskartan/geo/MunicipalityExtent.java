package se.trygghetskartan.geo;

/**
 * A municipality's extent as it is now: geometries outside it are refused. Admins change it
 * while the app runs, so it is asked for each time, never kept; the municipality module provides it.
 */
public interface MunicipalityExtent {

	/**
	 * The lon/lat box of the municipality the current request is about (cached by the provider, fresh
	 * within seconds of a change).
	 */
	BoundingBox extent();

	/** The lon/lat box of the municipality with this id. */
	BoundingBox extent(long municipalityId);

}
