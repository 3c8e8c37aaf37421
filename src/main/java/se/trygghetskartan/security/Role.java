package se.trygghetskartan.security;

/** Roles of accounts; an admin may do all a planner may. */
public enum Role {

	PLANNER, ADMIN

}
