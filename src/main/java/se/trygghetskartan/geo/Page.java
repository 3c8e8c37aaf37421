package se.trygghetskartan.geo;

/** {@code limit} and {@code offset} of a collection request, as {@link Paging} made them. */
public record Page(int limit, long offset) {

}
