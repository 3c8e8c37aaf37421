/**
 * Measures (åtgärder) taken at unsafe places: lighting, vegetation, cameras, bike racks, patrols,
 * safety hosts and more, with who owns them, their status and dates, and the places they serve.
 */
package se.trygghetskartan.measure;
