package se.trygghetskartan.system;

/** The request conflicts with the state of the stored data (409), e.g. a step already taken. */
public class ConflictException extends RuntimeException {

	public ConflictException(String message) {
		super(message);
	}

}
