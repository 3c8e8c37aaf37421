package se.trygghetskartan.system;

import java.io.IOException;

/** A request body over the configured limit (413). An IOException so it can abort a stream read. */
public class PayloadTooLargeException extends IOException {

	private final long limit;

	public PayloadTooLargeException(long limit) {
		super("The request body is larger than " + limit + " bytes");
		this.limit = limit;
	}

	Reason reason() {
		return Reason.of(RequestError.PAYLOAD_TOO_LARGE, "limit", limit);
	}

}
