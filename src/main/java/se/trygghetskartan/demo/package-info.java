/**
 * Katrineholm's demo data for the local demo profile: the focus districts, unsafe places and
 * measures, loaded through the same services and checks as any client's data.
 *
 * <p>Tables: none. Published views: none.
 */
package se.trygghetskartan.demo;
