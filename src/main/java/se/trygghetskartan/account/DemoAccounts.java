package se.trygghetskartan.account;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The local demo's accounts: planner/planner (Katrineholm's planner), flen/flen (Flen's planner),
 * police/police and admin/admin (the whole installation's). Only the demo profile creates them;
 * every other profile refuses to start while they exist with these passwords.
 */
final class DemoAccounts {

	static final List<String> NAMES = List.of("planner", "flen", "police", "admin");

	private DemoAccounts() {
	}

	@Component
	@Profile("demo")
	static class Creator implements SmartInitializingSingleton {

		private static final Logger log = LoggerFactory.getLogger(Creator.class);

		private final AccountService accounts;

		Creator(AccountService accounts) {
			this.accounts = accounts;
		}

		@Override
		public void afterSingletonsInstantiated() {
			create("planner", new Grant(Role.PLANNER, Grant.municipality("katrineholm")));
			create("flen", new Grant(Role.PLANNER, Grant.municipality("flen")));
			create("police", new Grant(Role.POLICE, Grant.INSTALLATION));
			create("admin", new Grant(Role.ADMIN, Grant.INSTALLATION));
		}

		private void create(String name, Grant grant) {
			if (!accounts.exists(name)) {
				accounts.createWithGrants(name, name, List.of(grant));
				log.warn("Demo account '{}' with password '{}' created: for local use only", name, name);
			}
		}

	}

	@Component
	@Profile("!demo")
	static class Guard implements SmartInitializingSingleton {

		private final AccountService accounts;

		Guard(AccountService accounts) {
			this.accounts = accounts;
		}

		@Override
		public void afterSingletonsInstantiated() {
			List<String> present = NAMES.stream().filter(name -> accounts.hasPassword(name, name)).toList();
			if (!present.isEmpty()) {
				throw new IllegalStateException("Refusing to start: the demo accounts " + present
						+ " exist with their demo passwords. Delete them (DELETE FROM app_user WHERE username IN ('planner','flen','police','admin')) "
						+ "or change their passwords; they are for the local demo profile only.");
			}
		}

	}

}
