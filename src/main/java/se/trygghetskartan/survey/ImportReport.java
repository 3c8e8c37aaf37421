package se.trygghetskartan.survey;

import java.util.List;

/**
 * What an import did: how many lines it read, how many values it stored, and each rejected line
 * with its number and reason.
 */
public record ImportReport(int lines, int imported, List<Rejected> rejected) {

	/** A line that was not imported, and why. */
	public record Rejected(int line, String reason) {
	}

}
