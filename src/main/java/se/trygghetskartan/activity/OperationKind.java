package se.trygghetskartan.activity;

/** What a police operation was, as far as it is public. */
public enum OperationKind {

	PATROL, DOG_SEARCH, TRAFFIC_ACTION, ANTI_SUPPLY_CAMPAIGN, OTHER

}
