package se.trygghetskartan.system;

import java.util.Map;

/** The request conflicts with the state of the stored data (409), e.g. a step already taken. */
public class ConflictException extends RuntimeException {

	private final Reason reason;

	private final Map<String, Object> properties;

	public ConflictException(ErrorCode code, Object... namesAndValues) {
		this(Reason.of(code, namesAndValues), Map.of());
	}

	/** With properties the problem carries besides its detail, for clients to act on (what is in the way). */
	public ConflictException(Reason reason, Map<String, Object> properties) {
		super(reason.toString());
		this.reason = reason;
		this.properties = Map.copyOf(properties);
	}

	public Reason reason() {
		return reason;
	}

	public Map<String, Object> properties() {
		return properties;
	}

}
