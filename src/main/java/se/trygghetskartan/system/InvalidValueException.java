package se.trygghetskartan.system;

/**
 * A value of a file's line that cannot be taken (a cell that is no number, a code that names
 * nothing): the import rejects the line for this reason and goes on with the next.
 */
public class InvalidValueException extends IllegalArgumentException {

	private final transient Reason reason;

	public InvalidValueException(ErrorCode code, Object... namesAndValues) {
		this(Reason.of(code, namesAndValues));
	}

	public InvalidValueException(Reason reason) {
		super(reason.toString());
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

	/** Why a line was rejected for {@code ex}: its reason, or for any other exception its message. */
	public static Reason reasonOf(IllegalArgumentException ex) {
		return ex instanceof InvalidValueException invalid ? invalid.reason()
				: Reason.of(RequestError.UNREADABLE_VALUE, "detail", String.valueOf(ex.getMessage()));
	}

}
