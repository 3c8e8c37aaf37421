/**
 * The closed vocabularies in one place: each is an enum of the module it belongs to, and this module
 * serves them all with their Swedish and English labels (from {@code vocabulary_sv.properties} and
 * {@code vocabulary_en.properties}) at {@code GET /api/vocabularies}, so that every page and form
 * lists what the API accepts and no page keeps a list of its own.
 *
 * <p>Tables: none. Published views: none.
 */
package se.trygghetskartan.vocabulary;
