package se.trygghetskartan.security;

/** Roles of accounts; an admin may do all a planner and the police may. */
public enum Role {

	PLANNER, POLICE, ADMIN

}
