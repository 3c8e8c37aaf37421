package se.trygghetskartan.activity;

/** What kind of activity. */
public enum ActivityKind {

	SAFETY_WALK, DIALOGUE, POLICE_OPERATION

}
