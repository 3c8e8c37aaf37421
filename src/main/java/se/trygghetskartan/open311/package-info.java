/**
 * Open311 GeoReport v2 under {@code /open311/v2}: the standard way other civic apps send residents'
 * reports and read what became of them, in JSON and XML. An adapter over the report module's API: a
 * request sent here is a report in the moderation queue like any other, and only reports that became
 * published places are ever listed, without their texts or e-mail addresses.
 *
 * <p>Tables: none. Published views: none.
 */
package se.trygghetskartan.open311;
