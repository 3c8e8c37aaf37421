package se.trygghetskartan.system;

/**
 * The user is known but may not do this here (403), e.g. a planner of one municipality changing
 * another's data.
 */
public class ForbiddenException extends RuntimeException {

	private final Reason reason;

	public ForbiddenException(ErrorCode code, Object... namesAndValues) {
		this.reason = Reason.of(code, namesAndValues);
	}

	@Override
	public String getMessage() {
		return reason.toString();
	}

	public Reason reason() {
		return reason;
	}

}
