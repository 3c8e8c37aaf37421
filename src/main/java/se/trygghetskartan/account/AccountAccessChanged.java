package se.trygghetskartan.account;

/**
 * A user's access was changed by someone else (roles, enabled, a password reset) or the user was
 * deleted: sessions made before it must not go on with what they knew.
 */
public record AccountAccessChanged(String username) {
}
