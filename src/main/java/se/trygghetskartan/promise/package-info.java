/**
 * Medborgarlöften: promises per period made by the Police, the municipality or both, their
 * commitments (löftespunkter), and the progress that rolls up from linked measures and activities.
 *
 * <p>Tables: {@code promise}, {@code promise_neighbourhood}, {@code commitment}, {@code measure_commitment}, {@code activity_commitment}, {@code commitment_progress}. Published views: {@code promise_overview}, {@code promise_event}.
 */
package se.trygghetskartan.promise;
