package se.trygghetskartan.system;

/** The addressed resource does not exist (404). */
public class NotFoundException extends RuntimeException {

	private final Reason reason;

	public NotFoundException(String what, Object id) {
		super("No " + what + " with id " + id);
		this.reason = Reason.of(RequestError.NOT_FOUND, "subject", what, "id", id);
	}

	public Reason reason() {
		return reason;
	}

}
