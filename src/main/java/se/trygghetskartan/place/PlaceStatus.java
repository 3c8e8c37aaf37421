package se.trygghetskartan.place;

/** How far a place has been addressed. */
public enum PlaceStatus {

	OPEN, BEING_ADDRESSED, RESOLVED

}
