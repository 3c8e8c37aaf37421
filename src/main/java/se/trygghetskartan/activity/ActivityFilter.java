package se.trygghetskartan.activity;

import java.time.LocalDate;
import java.util.List;

import se.trygghetskartan.geo.BoundingBox;
import se.trygghetskartan.geo.Page;

/**
 * Which activities a request asks for; null fields do not filter. {@code from} and {@code to} ask
 * for the activities that start on those days or between them.
 */
public record ActivityFilter(ActivityKind kind, String neighbourhood, Long commitment, BoundingBox bbox,
		LocalDate from, LocalDate to, List<Long> ids, Page page) {
}
