package se.trygghetskartan.history;

/** An item's state as JSON, with the version it has. */
public interface Snapshot {

	long version();

	String json();

}
