package se.trygghetskartan.account;

/** Roles a user may be granted; an admin may do all a planner and the police may. */
public enum Role {

	PLANNER, POLICE, ADMIN

}
