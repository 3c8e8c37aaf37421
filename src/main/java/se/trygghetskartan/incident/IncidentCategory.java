package se.trygghetskartan.incident;

/** What kind of incident. */
public enum IncidentCategory {

	BIKE_THEFT, VANDALISM, BURGLARY, THEFT, DRUG_OFFENCE, ASSAULT, ROBBERY, HARASSMENT, DISTURBANCE, WEAPON, TRAFFIC,
	OTHER

}
