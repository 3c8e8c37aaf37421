package se.trygghetskartan.system;

import java.io.IOException;

/** A request body that arrives too slowly (408). An IOException so it can abort a stream read. */
public class RequestBodyTooSlowException extends IOException {

	private final transient Reason reason;

	RequestBodyTooSlowException(Reason rule, Throwable cause) {
		super(rule + ": this one was too slow", cause);
		this.reason = rule;
	}

	Reason reason() {
		return reason;
	}

}
