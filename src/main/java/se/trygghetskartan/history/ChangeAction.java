package se.trygghetskartan.history;

/** What happened to an item. */
public enum ChangeAction {

	CREATED, UPDATED, DELETED

}
