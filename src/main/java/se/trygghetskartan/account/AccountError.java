package se.trygghetskartan.account;

import se.trygghetskartan.system.ErrorCode;

/** What can be wrong with an account, a password, a token or a login. */
enum AccountError implements ErrorCode {

	USERNAME_FORMAT,
	USERNAME_IMMUTABLE,
	TEMPORARY_PASSWORD_REQUIRED,
	/** min */
	PASSWORD_TOO_SHORT,
	/** max */
	PASSWORD_TOO_LONG,
	PASSWORD_IS_USERNAME,
	PASSWORD_TOO_COMMON,
	PASSWORD_UNCHANGED,
	WRONG_CURRENT_PASSWORD,
	/** max */
	TOKEN_NAME_REQUIRED,
	/** days */
	TOKEN_EXPIRY,
	/** username */
	USER_EXISTS,
	/** username */
	LAST_ADMIN,
	/** max */
	TOKEN_LIMIT,
	/** provider */
	SSO_ACCOUNT,
	/** minutes */
	TOO_MANY_LOGINS,
	/** value */
	GRANT_FORMAT,
	/** scope */
	UNKNOWN_SCOPE,
	/** scope */
	SCOPE_NOT_YOURS

}
