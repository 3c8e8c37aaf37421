package se.trygghetskartan.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.trygghetskartan.system.Messages;
import se.trygghetskartan.system.Reason;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * A production start with no enabled admin makes one from TRYGGHETSKARTAN_ADMIN_USERNAME and
 * TRYGGHETSKARTAN_ADMIN_PASSWORD (chosen by IT, so it need not be changed at the first login); once
 * an admin exists they change nothing. A password the policy refuses stops the start, before the app
 * takes any request.
 */
@Component
@Profile("!demo")
class FirstAdmin implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

	private final AccountService accounts;

	private final PasswordPolicy policy;

	private final String username;

	private final String password;

	private final Messages messages;

	FirstAdmin(AccountService accounts, PasswordPolicy policy, Messages messages,
			@Value("${trygghetskartan.admin.username:}") String username,
			@Value("${trygghetskartan.admin.password:}") String password) {
		this.accounts = accounts;
		this.policy = policy;
		this.messages = messages;
		this.username = username.strip();
		this.password = password;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (accounts.hasEnabledAdmin()) {
			if (!username.isEmpty()) {
				log.info("An admin exists: TRYGGHETSKARTAN_ADMIN_USERNAME and _PASSWORD are not used (change "
						+ "passwords on /konto or /admin instead); you may remove them");
			}
			return;
		}
		if (username.isEmpty() || password.isEmpty()) {
			log.warn("There is no administrator. Set TRYGGHETSKARTAN_ADMIN_USERNAME and TRYGGHETSKARTAN_ADMIN_PASSWORD "
					+ "and start again to create one.");
			return;
		}
		if (!UserBody.validUsername(username)) {
			throw new IllegalStateException("Refusing to start: TRYGGHETSKARTAN_ADMIN_USERNAME must be 1 to 100 "
					+ "letters, digits or the characters . _ @ -.");
		}
		Reason problem = policy.problem(password, username);
		if (problem != null) {
			throw new IllegalStateException("Refusing to start: TRYGGHETSKARTAN_ADMIN_PASSWORD is refused: "
					+ messages.text(problem, Messages.ENGLISH) + " Choose another (at least " + PasswordPolicy.MIN_LENGTH
					+ " characters, not a common password, not the user name).");
		}
		accounts.establishAdmin(username, password);
		log.info("Administrator '{}' created from TRYGGHETSKARTAN_ADMIN_USERNAME; sign in at /login", username);
	}

}
