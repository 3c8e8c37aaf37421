/**
 * Activities that feed the picture and fulfil commitments: safety walks (trygghetsvandringar) with
 * their route and stops, citizen dialogues, and police operations with a short public description.
 *
 * <p>Tables: {@code activity}, {@code activity_participant}, {@code activity_neighbourhood}, {@code activity_place}, {@code activity_measure}, {@code walk_stop}. Published views: {@code activity_overview}, {@code activity_event}.
 */
package se.trygghetskartan.activity;
