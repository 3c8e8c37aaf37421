/**
 * Unsafe places (otrygga platser): points, lines and areas that residents feel are unsafe or that
 * are crime-exposed, with why, where the knowledge came from, and how far they are addressed.
 */
package se.trygghetskartan.place;
