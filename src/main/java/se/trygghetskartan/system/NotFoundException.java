package se.trygghetskartan.system;

/** The addressed resource does not exist (404). */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what, Object id) {
		super("No " + what + " with id " + id);
	}

}
