package se.trygghetskartan.place;

/** Why a place feels unsafe. */
public enum PlaceReason {

	POOR_LIGHTING, OVERGROWN_VEGETATION, CRIME_EXPOSED, GATHERING_PLACE, POOR_VISIBILITY, VANDALISM, TRAFFIC, OTHER

}
