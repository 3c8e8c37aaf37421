package se.trygghetskartan.report;

/** Why a planner rejected a report; the reporter's follow link shows the code. */
public enum Rejection {

	SPAM, NOT_ABOUT_SAFETY, OUTSIDE_MUNICIPALITY, PERSONAL_DATA

}
