package se.trygghetskartan.neighbourhood;

/**
 * A district was made or its boundary replaced (by an admin or an import), published inside the
 * writing transaction: the modules that store what lies in each district update it before the
 * transaction commits. A deleted district takes its stored rows with it (their foreign keys cascade).
 */
public record DistrictChanged(long neighbourhoodId) {

}
