/**
 * Vector tiles of the public map layers for other clients and maps: {@code /tiles/{layer}/{z}/{x}/{y}.mvt},
 * each tile built by PostGIS in one statement ({@code ST_AsMVT}) from the views the owning modules
 * publish, with published items and public attributes only, a TileJSON document per layer, and
 * ETags from the data's version so that a tile that has not changed costs a lookup and a 304.
 *
 * <p>Tables: none. Published views: none.
 */
package se.trygghetskartan.tiles;
