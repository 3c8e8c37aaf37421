package se.trygghetskartan.survey;

import java.util.List;

import se.trygghetskartan.system.Localized;
import se.trygghetskartan.system.Rejections.Rejection;

/**
 * What an import did: how many lines it read, how many values it stored, how many lines it
 * rejected, and the first of those with their numbers and reasons.
 */
public record ImportReport(int lines, int imported, int rejectedLines, List<Rejection> rejected) implements Localized {
}
