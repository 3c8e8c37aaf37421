package se.trygghetskartan.system;

/**
 * The client edited an older version than the stored one (412), or sent no version at all (428).
 */
public class VersionConflictException extends RuntimeException {

	private final Long currentVersion;

	private VersionConflictException(String message, Long currentVersion) {
		super(message);
		this.currentVersion = currentVersion;
	}

	public static VersionConflictException stale(long expected, long current) {
		return new VersionConflictException("Version " + expected + " is stale: someone else saved version " + current
				+ " first. Reload it, then apply your change again.", current);
	}

	public static VersionConflictException missing() {
		return new VersionConflictException(
				"Send If-Match with the ETag you read (GET the resource first), so that nobody's change is overwritten.",
				null);
	}

	public boolean isMissing() {
		return currentVersion == null;
	}

	public Long currentVersion() {
		return currentVersion;
	}

}
