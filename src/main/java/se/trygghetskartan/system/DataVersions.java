package se.trygghetskartan.system;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A version per kind of public data (the history's items, the incidents…), for ETags that change
 * whenever the data behind an answer may have. A transaction that changes data calls
 * {@link #changed}; the counter goes up once, just before it commits. The row lock that takes is
 * held only from then to the commit, so writers queue there in commit order (a counter read after a
 * commit always names it) and no writer waits for it while holding other locks.
 */
@Component
public class DataVersions {

	private static final String BOUND = DataVersions.class.getName() + ".";

	private final JdbcClient jdbc;

	DataVersions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Counts a change of the data called {@code name}: before the current transaction commits, or at
	 * once outside one (after a statement that committed by itself).
	 */
	public void changed(String name) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			bump(name);
			return;
		}
		String key = BOUND + name;
		if (TransactionSynchronizationManager.hasResource(key)) {
			return;
		}
		TransactionSynchronizationManager.bindResource(key, Boolean.TRUE);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public int getOrder() {
				return Ordered.LOWEST_PRECEDENCE;
			}

			@Override
			public void beforeCommit(boolean readOnly) {
				bump(name);
			}

			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(key);
			}

		});
	}

	/** The current versions of these kinds of data (0 for one never changed), by name. */
	public Map<String, Long> current(List<String> names) {
		Map<String, Long> versions = new TreeMap<>();
		names.forEach(name -> versions.put(name, 0L));
		jdbc.sql("SELECT name, version FROM data_version WHERE name = ANY(:names)")
			.param("names", names.toArray(String[]::new))
			.query((rs, row) -> versions.put(rs.getString("name"), rs.getLong("version")))
			.list();
		return versions;
	}

	private void bump(String name) {
		jdbc.sql("""
				INSERT INTO data_version (name, version) VALUES (:name, 1)
				ON CONFLICT (name) DO UPDATE SET version = data_version.version + 1
				""").param("name", name).update();
	}

}
