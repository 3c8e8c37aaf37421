/**
 * The pages and their static files, served so that a phone loads them fast: scripts, styles and
 * images at URLs named by their content (cached for a year), the pages themselves revalidated, and
 * each page's ES modules fetched at once rather than one import after the other.
 *
 * <p>Tables: none. Published views: none.
 */
package se.trygghetskartan.page;
