package se.trygghetskartan.geo;

/**
 * The municipality's extent as it is now: geometries outside it are refused. Admins change it
 * while the app runs, so it is asked for each time, never kept; the municipality module provides it.
 */
public interface MunicipalityExtent {

	/** The current lon/lat box (cached by the provider, fresh within seconds of a change). */
	BoundingBox extent();

}
