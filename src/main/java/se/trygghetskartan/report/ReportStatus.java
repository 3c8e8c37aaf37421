package se.trygghetskartan.report;

/** What became of a report: waiting for a planner, or handled one of three ways. */
public enum ReportStatus {

	RECEIVED, APPROVED, MERGED, REJECTED

}
