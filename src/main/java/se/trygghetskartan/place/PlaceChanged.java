package se.trygghetskartan.place;

/**
 * A place's geometry or publication may have changed, published inside the writing transaction once
 * the place is flushed: what other modules store from places (a measure's extent) is updated before
 * the transaction commits. A deleted place takes its links with it (their foreign keys cascade).
 */
public record PlaceChanged(long placeId) {

}
