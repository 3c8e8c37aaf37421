package se.trygghetskartan.geo;

import se.trygghetskartan.system.InvalidRequestException;
import se.trygghetskartan.system.RequestError;

/** A {@code bbox=minLon,minLat,maxLon,maxLat} query parameter (WGS 84). */
public record BoundingBox(double minLon, double minLat, double maxLon, double maxLat) {

	/** The box a parameter names, null when it is absent, or a 400 saying what is wrong. */
	public static BoundingBox parse(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String[] parts = value.split(",");
		if (parts.length != 4) {
			throw InvalidRequestException.parameter("bbox", RequestError.BBOX_NEEDS_FOUR);
		}
		double[] numbers = numbers(parts);
		BoundingBox box = new BoundingBox(numbers[0], numbers[1], numbers[2], numbers[3]);
		if (box.minLon < -180 || box.maxLon > 180 || box.minLat < -90 || box.maxLat > 90) {
			throw InvalidRequestException.parameter("bbox", RequestError.LON_LAT_RANGE);
		}
		if (box.minLon > box.maxLon || box.minLat > box.maxLat) {
			throw InvalidRequestException.parameter("bbox", RequestError.MIN_ABOVE_MAX);
		}
		return box;
	}

	/** A {@code bbox} parameter's parts as finite numbers, or a 400 naming the first that is none. */
	public static double[] numbers(String... parts) {
		double[] numbers = new double[parts.length];
		for (int i = 0; i < parts.length; i++) {
			try {
				numbers[i] = Double.parseDouble(parts[i].trim());
			}
			catch (NumberFormatException ex) {
				throw InvalidRequestException.parameter("bbox", RequestError.NOT_NUMBER, "value", parts[i].trim());
			}
			if (!Double.isFinite(numbers[i])) {
				throw InvalidRequestException.parameter("bbox", RequestError.NOT_FINITE, "value", parts[i].trim());
			}
		}
		return numbers;
	}

	public boolean contains(double lon, double lat) {
		return lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat;
	}

	/** The box as GeoJSON writes one: [minLon, minLat, maxLon, maxLat]. */
	public java.util.List<Double> toList() {
		return java.util.List.of(minLon, minLat, maxLon, maxLat);
	}

	@Override
	public String toString() {
		return toList().toString();
	}

	/** A SQL condition that {@code column} intersects this box, with :bbox* parameters. */
	public String condition(String column) {
		return column + " && ST_MakeEnvelope(:bboxMinLon, :bboxMinLat, :bboxMaxLon, :bboxMaxLat, 4326) AND ST_Intersects("
				+ column + ", ST_MakeEnvelope(:bboxMinLon, :bboxMinLat, :bboxMaxLon, :bboxMaxLat, 4326))";
	}

	public void bind(java.util.function.BiConsumer<String, Object> params) {
		params.accept("bboxMinLon", minLon);
		params.accept("bboxMinLat", minLat);
		params.accept("bboxMaxLon", maxLon);
		params.accept("bboxMaxLat", maxLat);
	}

}
