package se.trygghetskartan.security;

import se.trygghetskartan.system.ErrorCode;

/** Why a request is not let through: nobody is logged in, the credentials are wrong, a role is missing. */
enum SecurityError implements ErrorCode {

	LOGIN_REQUIRED,
	WRONG_CREDENTIALS,
	WRONG_TOKEN,
	UNKNOWN_AUTHORIZATION,
	CSRF_TOKEN,
	TOKEN_CANNOT_MANAGE_ACCOUNT,
	/** username */
	ROLE_MISSING,
	PASSWORD_CHANGE_REQUIRED

}
