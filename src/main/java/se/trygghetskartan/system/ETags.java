package se.trygghetskartan.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Versions as strong ETags ("3") and the If-Match header back to a version. */
public final class ETags {

	private ETags() {
	}

	/** A weak ETag named by what a response holds (part of its SHA-256), for answers made anew each time. */
	public static String ofContent(String content) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
			return "W/\"" + HexFormat.of().formatHex(hash, 0, 12) + "\"";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static String of(long version) {
		return "\"" + version + "\"";
	}

	/**
	 * The version an If-Match header names; fails with 428 when it is absent and 412 when it names no
	 * version of ours. {@code *} matches any version and gives {@code null}.
	 */
	public static Long versionFromIfMatch(String ifMatch, long currentVersion) {
		if (ifMatch == null || ifMatch.isBlank()) {
			throw VersionConflictException.missing();
		}
		String value = ifMatch.trim();
		if (value.equals("*")) {
			return null;
		}
		for (String candidate : value.split(",")) {
			String tag = candidate.trim();
			if (tag.startsWith("\"") && tag.endsWith("\"") && tag.length() > 2) {
				try {
					long version = Long.parseLong(tag.substring(1, tag.length() - 1));
					if (version == currentVersion) {
						return version;
					}
				}
				catch (NumberFormatException ignored) {
					// not one of our tags: cannot match
				}
			}
		}
		throw VersionConflictException.stale(parseFirst(value), currentVersion);
	}

	private static long parseFirst(String value) {
		try {
			return Long.parseLong(value.split(",")[0].trim().replace("W/", "").replace("\"", ""));
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
