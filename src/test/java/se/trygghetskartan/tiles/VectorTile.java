package se.trygghetskartan.tiles;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Mapbox Vector Tile (protobuf, vector-tile-spec 2.1) read just far enough for tests: each layer's
 * name, keys and features with their id, geometry type and attributes. Values are kept as Java
 * values (String, Double, Long, Boolean).
 */
record VectorTile(Map<String, Layer> layers) {

	record Layer(String name, int extent, List<String> keys, List<Feature> features) {

		List<Long> ids() {
			return features.stream().map(Feature::id).toList();
		}

		Feature feature(long id) {
			return features.stream().filter(f -> f.id() == id).findFirst().orElse(null);
		}

	}

	/** type: 1 point, 2 line string, 3 polygon. */
	record Feature(long id, int type, Map<String, Object> attributes) {
	}

	static VectorTile read(byte[] bytes) {
		Map<String, Layer> layers = new LinkedHashMap<>();
		Reader tile = new Reader(bytes);
		while (tile.more()) {
			int key = (int) tile.varint();
			if (key >>> 3 == 3 && (key & 7) == 2) {
				Layer layer = layer(tile.message());
				layers.put(layer.name(), layer);
			}
			else {
				tile.skip(key & 7);
			}
		}
		return new VectorTile(layers);
	}

	private static Layer layer(Reader in) {
		String name = null;
		int extent = 4096;
		List<String> keys = new ArrayList<>();
		List<Object> values = new ArrayList<>();
		List<Reader> features = new ArrayList<>();
		while (in.more()) {
			int key = (int) in.varint();
			switch (key >>> 3) {
				case 1 -> name = in.string();
				case 2 -> features.add(in.message());
				case 3 -> keys.add(in.string());
				case 4 -> values.add(value(in.message()));
				case 5 -> extent = (int) in.varint();
				default -> in.skip(key & 7);
			}
		}
		List<Feature> read = new ArrayList<>();
		for (Reader feature : features) {
			long id = 0;
			int type = 0;
			Map<String, Object> attributes = new LinkedHashMap<>();
			while (feature.more()) {
				int key = (int) feature.varint();
				switch (key >>> 3) {
					case 1 -> id = feature.varint();
					case 2 -> {
						Reader tags = feature.message();
						while (tags.more()) {
							attributes.put(keys.get((int) tags.varint()), values.get((int) tags.varint()));
						}
					}
					case 3 -> type = (int) feature.varint();
					default -> feature.skip(key & 7);
				}
			}
			read.add(new Feature(id, type, attributes));
		}
		return new Layer(name, extent, keys, read);
	}

	private static Object value(Reader in) {
		Object value = null;
		while (in.more()) {
			int key = (int) in.varint();
			value = switch (key >>> 3) {
				case 1 -> in.string();
				case 2 -> (double) Float.intBitsToFloat((int) in.fixed(4));
				case 3 -> Double.longBitsToDouble(in.fixed(8));
				case 4, 5 -> in.varint();
				case 6 -> {
					long zigzag = in.varint();
					yield (zigzag >>> 1) ^ -(zigzag & 1);
				}
				case 7 -> in.varint() != 0;
				default -> throw new IllegalArgumentException("unknown value field " + (key >>> 3));
			};
		}
		return value;
	}

	/** Protobuf's wire format over a slice of bytes. */
	private static final class Reader {

		private final byte[] bytes;

		private int at;

		private final int end;

		Reader(byte[] bytes) {
			this(bytes, 0, bytes.length);
		}

		private Reader(byte[] bytes, int from, int end) {
			this.bytes = bytes;
			this.at = from;
			this.end = end;
		}

		boolean more() {
			return at < end;
		}

		long varint() {
			long value = 0;
			for (int shift = 0;; shift += 7) {
				byte b = bytes[at++];
				value |= (long) (b & 0x7f) << shift;
				if (b >= 0) {
					return value;
				}
			}
		}

		long fixed(int size) {
			long value = 0;
			for (int i = 0; i < size; i++) {
				value |= (long) (bytes[at++] & 0xff) << (8 * i);
			}
			return value;
		}

		Reader message() {
			int length = (int) varint();
			Reader inner = new Reader(bytes, at, at + length);
			at += length;
			return inner;
		}

		String string() {
			int length = (int) varint();
			String text = new String(bytes, at, length, StandardCharsets.UTF_8);
			at += length;
			return text;
		}

		void skip(int wireType) {
			switch (wireType) {
				case 0 -> varint();
				case 1 -> at += 8;
				case 2 -> {
					int length = (int) varint();
					at += length;
				}
				case 5 -> at += 4;
				default -> throw new IllegalArgumentException("wire type " + wireType);
			}
		}

	}

}
