package se.trygghetskartan.measure;

/** Who is responsible for a measure. */
public enum MeasureOwner {

	MUNICIPALITY, POLICE, JOINT, PROPERTY_OWNER

}
