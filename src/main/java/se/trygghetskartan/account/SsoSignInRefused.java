package se.trygghetskartan.account;

/** A single sign-on that this app will not turn into a session, with a code the login page explains. */
public class SsoSignInRefused extends RuntimeException {

	/** Why: the login page shows a text per code. */
	public enum Reason {

		/** The identity provider's claims map to none of our roles. */
		NO_ROLE,
		/** A local account (with a password) has this user name already. */
		LOCAL_ACCOUNT,
		/** An admin has disabled the account here. */
		DISABLED,
		/** The identity provider sent no usable user name. */
		NO_USERNAME

	}

	private final Reason reason;

	public SsoSignInRefused(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

}
