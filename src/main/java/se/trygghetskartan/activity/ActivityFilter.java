package se.trygghetskartan.activity;

import se.trygghetskartan.geo.Page;

/** Which activities a request asks for; null fields do not filter. */
public record ActivityFilter(ActivityKind kind, String neighbourhood, Long commitment, Page page) {
}
