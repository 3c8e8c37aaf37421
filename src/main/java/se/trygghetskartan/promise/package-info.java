/**
 * Medborgarlöften: promises per period made by the Police, the municipality or both, their
 * commitments (löftespunkter), and the progress that rolls up from linked measures and activities.
 */
package se.trygghetskartan.promise;
