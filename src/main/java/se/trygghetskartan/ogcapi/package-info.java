/**
 * OGC API – Features (Part 1 Core, Part 2 CRS by reference, Part 4 Create, Replace, Update, Delete)
 * under {@code /ogc}, so that a desktop GIS such as QGIS reads and edits the map layers: an adapter
 * that speaks the standard's vocabulary and calls the feature modules' services, with no rules and no
 * tables of its own.
 *
 * <p>Tables: none. Published views: none.
 */
package se.trygghetskartan.ogcapi;
