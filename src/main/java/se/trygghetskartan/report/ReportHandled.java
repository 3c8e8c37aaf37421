package se.trygghetskartan.report;

/** A planner approved, merged or rejected report {@code reportId}: its reporter may be told. */
record ReportHandled(long reportId) {
}
