package se.trygghetskartan.security;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Accounts in the database, passwords hashed with a modern encoder (bcrypt by default). */
@Service
class AccountService implements UserDetailsService {

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder;

	AccountService(JdbcClient jdbc, PasswordEncoder encoder) {
		this.jdbc = jdbc;
		this.encoder = encoder;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return jdbc.sql("SELECT username, password_hash, roles, enabled FROM app_user WHERE username = :username")
			.param("username", username)
			.query((rs, row) -> User.withUsername(rs.getString("username"))
				.password(rs.getString("password_hash"))
				.roles((String[]) rs.getArray("roles").getArray())
				.disabled(!rs.getBoolean("enabled"))
				.build())
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException(username));
	}

	boolean exists(String username) {
		return passwordHash(username).isPresent();
	}

	/** Whether the account exists and its password is the given one. */
	boolean hasPassword(String username, String password) {
		return passwordHash(username).map(hash -> encoder.matches(password, hash)).orElse(false);
	}

	void create(String username, String password, List<Role> roles) {
		jdbc.sql("INSERT INTO app_user (username, password_hash, roles) VALUES (:username, :hash, :roles)")
			.param("username", username)
			.param("hash", encoder.encode(password))
			.param("roles", roles.stream().map(Role::name).toArray(String[]::new))
			.update();
	}

	private Optional<String> passwordHash(String username) {
		return jdbc.sql("SELECT password_hash FROM app_user WHERE username = :username")
			.param("username", username)
			.query(String.class)
			.optional();
	}

}
