package se.trygghetskartan.geo;

import java.util.Map;

import org.locationtech.jts.geom.Geometry;
import se.trygghetskartan.system.Reason;

/**
 * One feature of an imported file: its number in the file (from 1), its properties as text, and its
 * geometry in the file's CRS, or why the geometry could not be read ({@code problem}).
 */
public record FileFeature(int number, Map<String, String> properties, Geometry geometry, Reason problem) {
}
