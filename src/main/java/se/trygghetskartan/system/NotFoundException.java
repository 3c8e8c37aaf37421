package se.trygghetskartan.system;

/** The addressed resource does not exist (404). */
public class NotFoundException extends RuntimeException {

	private final Reason reason;

	public NotFoundException(String what, Object id) {
		super("No " + what + " with id " + id);
		this.reason = Reason.of(RequestError.NOT_FOUND, "subject", what, "id", id);
	}

	/** Not found, for the reason given (a code of its own, e.g. an unknown municipality). */
	public NotFoundException(Reason reason) {
		super(reason.toString());
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

}
