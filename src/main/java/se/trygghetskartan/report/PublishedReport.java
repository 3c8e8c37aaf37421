package se.trygghetskartan.report;

import java.time.Instant;
import java.util.List;

import se.trygghetskartan.place.PlaceStatus;

/**
 * A report as the public may see it, through the place it became (approved or merged into): never
 * its text, its e-mail address or its own pin. {@code description} is the place's, written by a
 * planner; {@code closed} when the place is resolved, or when it has measures and every one not
 * rejected is done; {@code lon}/{@code lat} a point on the place; {@code district} the name of the
 * district that point lies in, or null.
 */
public record PublishedReport(String number, List<String> reasons, Instant receivedAt, Instant updatedAt,
		PlaceStatus placeStatus, boolean closed, String description, double lon, double lat, String district) {

	/**
	 * Which published reports of the current municipality: those numbered (all others ignored), or
	 * those with one of the reasons (none: any), received from {@code from} up to (not including)
	 * {@code to}, and open or closed (null: either), newest first, at most {@code limit}.
	 */
	public record Query(List<String> numbers, List<String> reasons, Instant from, Instant to, Boolean closed,
			int limit) {

		public Query {
			numbers = numbers == null ? null : List.copyOf(numbers);
			reasons = reasons == null ? List.of() : List.copyOf(reasons);
		}

	}

}
