package se.trygghetskartan.security;

import se.trygghetskartan.account.AccountAccessChanged;

import org.springframework.context.event.EventListener;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends a user's sessions (on every instance: they are rows in PostgreSQL) when an admin changes the
 * user's roles or enabled, resets the password or deletes the user; the user logs in again and gets
 * what is true now.
 */
@Component
class SessionRevoker {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	SessionRevoker(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	@EventListener
	void accessChanged(AccountAccessChanged event) {
		sessions.findByPrincipalName(event.username()).keySet().forEach(sessions::deleteById);
	}

}
