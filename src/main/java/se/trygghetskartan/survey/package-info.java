/**
 * Safety survey (trygghetsmätning) results: indicator values per district and year, imported from
 * CSV with a report of every rejected line, and marked uncertain when too few answered.
 *
 * <p>Tables: {@code survey_result}. Published views: {@code survey_overview}.
 */
package se.trygghetskartan.survey;
