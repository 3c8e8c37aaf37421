package se.trygghetskartan.security;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.trygghetskartan.account.Account;
import se.trygghetskartan.account.AccountService;
import se.trygghetskartan.account.Grant;
import se.trygghetskartan.account.SsoSignInRefused;
import se.trygghetskartan.account.SsoSignInRefused.Reason;
import se.trygghetskartan.system.Codes;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * An OpenID Connect sign-on as one of our users: the user name and roles come from the configured
 * claims, the local user row (without a password) is created or updated and its grants replaced, and
 * a user whose claims map to no role is refused (the login page says why).
 */
final class SsoUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {

	private static final Logger log = LoggerFactory.getLogger(SsoUsers.class);

	private final OidcUserService oidc = new OidcUserService();

	private final AccountService accounts;

	private final SsoProperties properties;

	SsoUsers(AccountService accounts, SsoProperties properties) {
		this.accounts = accounts;
		this.properties = properties;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		OidcUser user = oidc.loadUser(request);
		String claim = user.getClaimAsString(properties.usernameClaim()) != null ? properties.usernameClaim() : "sub";
		String username = user.getClaimAsString(claim);
		Set<Grant> grants = properties.grantsFor(user.getClaims().get(properties.rolesClaim()));
		try {
			if (grants.isEmpty()) {
				throw new SsoSignInRefused(Reason.NO_ROLE, "The claim '" + properties.rolesClaim() + "' of '" + username
						+ "' names none of the groups configured in trygghetskartan.sso.roles.* or trygghetskartan.sso.grants");
			}
			String registration = request.getClientRegistration().getRegistrationId();
			Account account = accounts.signedOnWithSso(registration, username, user.getFullName(), grants);
			return new DefaultOidcUser(SignedInUsers.authorities(account, false), user.getIdToken(), user.getUserInfo(),
					claim);
		}
		catch (SsoSignInRefused ex) {
			log.info("Single sign-on refused: {}", ex.getMessage());
			throw new OAuth2AuthenticationException(new OAuth2Error(Codes.of(ex.reason()), ex.getMessage(), null),
					ex.getMessage());
		}
	}

}
