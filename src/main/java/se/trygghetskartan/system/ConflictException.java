package se.trygghetskartan.system;

import java.util.Map;

/** The request conflicts with the state of the stored data (409), e.g. a step already taken. */
public class ConflictException extends RuntimeException {

	private final Map<String, Object> properties;

	public ConflictException(String message) {
		this(message, Map.of());
	}

	/** With properties the problem carries besides its detail, for clients to act on (what is in the way). */
	public ConflictException(String message, Map<String, Object> properties) {
		super(message);
		this.properties = Map.copyOf(properties);
	}

	public Map<String, Object> properties() {
		return properties;
	}

}
