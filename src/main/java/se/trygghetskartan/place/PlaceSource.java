package se.trygghetskartan.place;

/** Where the knowledge of a place came from. */
public enum PlaceSource {

	SAFETY_WALK, SURVEY, DIALOGUE, POLICE, RESIDENT, OTHER

}
