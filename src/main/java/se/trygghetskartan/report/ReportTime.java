package se.trygghetskartan.report;

/** When a place feels unsafe, as the reporter says. */
public enum ReportTime {

	DAY, EVENING, NIGHT, WEEKEND_NIGHTS

}
