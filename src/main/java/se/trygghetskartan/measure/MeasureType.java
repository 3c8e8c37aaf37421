package se.trygghetskartan.measure;

/** What kind of measure. */
public enum MeasureType {

	LIGHTING, VEGETATION, CAMERA, BIKE_RACK, PATROL, SAFETY_HOSTS, YOUTH_MEETING_PLACE, CAMPAIGN, OTHER

}
