package se.trygghetskartan.system;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The lines an import rejects: every one counted, the first {@value #KEPT} kept with their reasons, so
 * that a report on a file of bad lines stays small.
 */
public final class Rejections {

	/** How many rejected lines a report lists. */
	public static final int KEPT = 200;

	/** A line that was not imported, and why: as JSON {@code {"line", "code", "args", "reason"}}. */
	public record Rejection(int line, @JsonUnwrapped Reason reason) {
	}

	private final List<Rejection> kept = new ArrayList<>();

	private int count;

	public void add(int line, Reason reason) {
		count++;
		if (kept.size() < KEPT) {
			kept.add(new Rejection(line, reason));
		}
	}

	/** How many lines were rejected, listed or not. */
	public int count() {
		return count;
	}

	/** The first {@value #KEPT} rejected lines. */
	public List<Rejection> kept() {
		return Collections.unmodifiableList(kept);
	}

}
