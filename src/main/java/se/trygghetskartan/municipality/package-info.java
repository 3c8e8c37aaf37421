/**
 * The municipalities, the tenants of an installation, and their settings: name, slug, code, extent
 * (geometries outside are refused), where the maps start, and the background tiles; police regions
 * (sets of municipalities a grant may cover). Which municipality a request is about, and whether the
 * user's grants cover it, is decided here (Municipalities) for every other module. The environment
 * gives the default municipality at the first start; admins change settings on /admin.
 *
 * <p>Tables: {@code municipality}, {@code police_region}, {@code police_region_member}. Published views: {@code municipality_overview}.
 */
package se.trygghetskartan.municipality;
