package se.trygghetskartan.system;

import java.io.IOException;

/** A request body that arrives too slowly (408). An IOException so it can abort a stream read. */
public class RequestBodyTooSlowException extends IOException {

	public RequestBodyTooSlowException(String rule, Throwable cause) {
		super(rule + "; this one was too slow. Send it again over a faster connection.", cause);
	}

}
