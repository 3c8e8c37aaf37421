package se.trygghetskartan.system;

/**
 * The client edited an older version than the stored one (412), or sent no version at all (428).
 */
public class VersionConflictException extends RuntimeException {

	private final Long currentVersion;

	private final Reason reason;

	private VersionConflictException(Reason reason, Long currentVersion) {
		super(reason.toString());
		this.reason = reason;
		this.currentVersion = currentVersion;
	}

	public static VersionConflictException stale(long expected, long current) {
		return new VersionConflictException(
				Reason.of(RequestError.VERSION_STALE, "expected", expected, "current", current), current);
	}

	public static VersionConflictException missing() {
		return new VersionConflictException(Reason.of(RequestError.IF_MATCH_REQUIRED), null);
	}

	public boolean isMissing() {
		return currentVersion == null;
	}

	public Long currentVersion() {
		return currentVersion;
	}

	public Reason reason() {
		return reason;
	}

}
