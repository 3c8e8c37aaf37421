/**
 * Residents' reports (tips) of places where they feel unsafe, sent without an account, and their
 * moderation by the municipality's planners: a report becomes a place, adds its voice to one, or is
 * rejected; nothing of it is public before that, and the reporter's e-mail address never is.
 *
 * <p>Tables: {@code report}, {@code report_submission}, {@code report_address_key}, {@code report_voice},
 * {@code report_measure_notice}. Published views: none.
 */
package se.trygghetskartan.report;
