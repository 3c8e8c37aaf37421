package se.trygghetskartan.measure;

/** Where a measure stands: proposed, planned, in progress, done, or rejected (with a reason). */
public enum MeasureStatus {

	PROPOSED, PLANNED, IN_PROGRESS, DONE, REJECTED

}
