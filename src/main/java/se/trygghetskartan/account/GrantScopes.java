package se.trygghetskartan.account;

/**
 * Which scopes exist besides the installation's: the municipality module knows its municipalities and
 * police regions, and says so here (it sits above this module).
 */
public interface GrantScopes {

	/** Whether the scope names an existing municipality or police region ({@code *} always exists). */
	boolean exists(String scope);

}
