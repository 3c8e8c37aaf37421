/**
 * What every other module stands on: RFC 9457 problem answers, request limits, ETags and the
 * lower-case codes that closed vocabularies use in the API and the database, and the versions of
 * the public data that ETags name.
 *
 * <p>Tables: {@code data_version}. Published views: none.
 */
package se.trygghetskartan.system;
