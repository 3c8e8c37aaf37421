package se.trygghetskartan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A municipality after five years of use, added to the demo's Katrineholm: 30 districts, 2 000
 * places (points, lines and areas), 1 000 measures linked to them and 50 000 incidents over five
 * years. Seeded, so every run builds the same data. Everything goes in through the app's own HTTP
 * API: districts as an admin imports them, places, measures and incidents as a planner sends them.
 */
public final class FiveYearMunicipality {

	public static final int DISTRICTS = 30;

	public static final int PLACES = 2_000;

	public static final int MEASURES = 1_000;

	public static final int INCIDENTS = 50_000;

	/** The seed the benchmarks build with unless told another: the same data on every machine. */
	public static final long SEED = 5;

	static final String[] REASONS = { "poor_lighting", "overgrown_vegetation", "crime_exposed", "gathering_place",
			"poor_visibility", "vandalism", "traffic", "other" };

	static final String[] TYPES = { "lighting", "vegetation", "camera", "bike_rack", "patrol", "safety_hosts",
			"youth_meeting_place", "campaign", "other" };

	static final String[] STATUSES = { "proposed", "planned", "planned", "in_progress", "done", "done", "done",
			"rejected" };

	static final String[] CATEGORIES = { "bike_theft", "vandalism", "burglary", "theft", "drug_offence", "assault",
			"harassment", "disturbance" };

	/** A district's box in lon/lat. */
	record Box(String slug, double west, double south, double east, double north) {
	}

	private final Random random;

	private final ApiClient planner;

	private final ApiClient admin;

	private final JdbcClient jdbc;

	public FiveYearMunicipality(int port, JdbcClient jdbc, long seed) {
		this.random = new Random(seed);
		this.planner = new ApiClient(port).as("planner", "planner");
		this.admin = new ApiClient(port).as("admin", "admin");
		this.jdbc = jdbc;
	}

	/**
	 * The app with the demo profile on {@code database} (empty, or holding an earlier five-year
	 * municipality), on a random port, with the five-year municipality built from {@code seed} and
	 * the test tiles as its background; the caller closes it. Any further arguments ("--name=value")
	 * are the app's.
	 */
	public static ConfigurableApplicationContext start(Map<String, String> database, long seed, String... arguments)
			throws Exception {
		List<String> all = new ArrayList<>(List.of("--spring.profiles.active=demo",
				"--trygghetskartan.map.tile-url=" + TestTiles.url()));
		all.addAll(List.of(arguments));
		ConfigurableApplicationContext app = AppInstance.start(database, all.toArray(String[]::new));
		try {
			new FiveYearMunicipality(AppInstance.port(app), app.getBean(JdbcClient.class), seed).load();
			return app;
		}
		catch (Exception | Error ex) {
			app.close();
			throw ex;
		}
	}

	/** How many districts, places, measures and incidents the app's database holds. */
	public static String describe(ConfigurableApplicationContext app) {
		return describe(app.getBean(JdbcClient.class));
	}

	private static String describe(JdbcClient jdbc) {
		return String.format(Locale.ROOT, "%d districts, %d places, %d measures, %d incidents",
				count(jdbc, "neighbourhood"), count(jdbc, "unsafe_place"), count(jdbc, "measure"),
				count(jdbc, "incident"));
	}

	/** Adds what the demo lacks to reach the five-year sizes; prints what it did. */
	public void load() throws Exception {
		long start = System.nanoTime();
		List<Box> boxes = districts();
		long places = count("unsafe_place");
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<long[]>> created = new ArrayList<>();
			for (long i = places; i < PLACES; i++) {
				int district = random.nextInt(boxes.size());
				String body = place(boxes.get(district), i);
				created.add(pool.submit(() -> new long[] { district,
						planner.post("/api/places", body).json().get("id").longValue() }));
			}
			List<List<Long>> ids = new ArrayList<>();
			boxes.forEach(b -> ids.add(new ArrayList<>()));
			for (Future<long[]> future : created) {
				long[] made = future.get();
				ids.get((int) made[0]).add(made[1]);
			}
			List<Future<?>> measures = new ArrayList<>();
			for (long i = count("measure"); i < MEASURES; i++) {
				int district = random.nextInt(boxes.size());
				List<Long> candidates = ids.get(district).isEmpty() ? ids.get(0) : ids.get(district);
				String body = measure(candidates, i);
				measures.add(pool.submit(() -> planner.post("/api/measures", body).json().get("id").longValue()));
			}
			for (Future<?> future : measures) {
				future.get();
			}
		}
		finally {
			pool.shutdown();
		}
		long incidents = count("incident");
		if (incidents < INCIDENTS) {
			TestIncidentSources.ensure(planner, "five-year");
			ApiClient.Response report = planner.post("/api/incident-imports?source=five-year&wait=true",
					incidents((int) (INCIDENTS - incidents), boxes), "text/csv");
			if (report.status() != 200) {
				throw new IllegalStateException("The incident import failed: " + report);
			}
		}
		System.out.printf(Locale.ROOT, "five-year municipality: %s, built in %.0f s%n",
				describe(jdbc), (System.nanoTime() - start) / 1e9);
	}

	private long count(String table) {
		return count(jdbc, table);
	}

	private static long count(JdbcClient jdbc, String table) {
		return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

	// The demo's three districts in the middle of the town, 27 more in a grid around them that keeps
	// clear of them: Katrineholm's town and its surroundings. They go in as an admin imports them.
	private List<Box> districts() {
		List<Box> boxes = new ArrayList<>();
		jdbc.sql("SELECT slug, ST_XMin(geom), ST_YMin(geom), ST_XMax(geom), ST_YMax(geom) FROM neighbourhood ORDER BY id")
			.query((rs, n) -> new Box(rs.getString(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5)))
			.list()
			.forEach(boxes::add);
		double width = 0.03;
		double height = 0.016;
		List<String> features = new ArrayList<>();
		for (int row = 0; row < 8 && boxes.size() < DISTRICTS; row++) {
			for (int column = 0; column < 8 && boxes.size() < DISTRICTS; column++) {
				double west = 16.10 + column * width;
				double south = 58.945 + row * height;
				Box box = new Box("omrade-" + (row * 8 + column + 1), west, south, west + width, south + height);
				boolean clear = boxes.stream()
					.noneMatch(b -> b.west() < box.east() && box.west() < b.east() && b.south() < box.north()
							&& box.south() < b.north());
				if (clear) {
					features.add(String.format(Locale.ROOT, """
							{"type":"Feature","properties":{"name":"Område %d"},"geometry":{"type":"Polygon","coordinates":\
							[[[%2$.6f,%3$.6f],[%4$.6f,%3$.6f],[%4$.6f,%5$.6f],[%2$.6f,%5$.6f],[%2$.6f,%3$.6f]]]}}""",
							row * 8 + column + 1, west, south, box.east(), box.north()));
					boxes.add(box);
				}
			}
		}
		if (!features.isEmpty()) {
			ApiClient.Response report = admin.post("/api/neighbourhoods/import",
					"{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}");
			if (report.status() != 200 || report.json().get("added").size() != features.size()) {
				throw new IllegalStateException("The district import failed: " + report);
			}
		}
		return boxes;
	}

	private String place(Box box, long n) {
		double lon = box.west() + (0.1 + 0.8 * random.nextDouble()) * (box.east() - box.west());
		double lat = box.south() + (0.1 + 0.8 * random.nextDouble()) * (box.north() - box.south());
		int kind = random.nextInt(20);
		String geometry;
		if (kind < 14) {
			geometry = "{\"type\":\"Point\",\"coordinates\":[%.6f,%.6f]}".formatted(lon, lat);
		}
		else if (kind < 17) {
			geometry = "{\"type\":\"LineString\",\"coordinates\":[[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f]]}".formatted(lon,
					lat, lon + 0.0015, lat + 0.0004, lon + 0.003, lat + 0.0001);
		}
		else {
			geometry = "{\"type\":\"Polygon\",\"coordinates\":[[[%1$.6f,%2$.6f],[%3$.6f,%2$.6f],[%3$.6f,%4$.6f],[%1$.6f,%4$.6f],[%1$.6f,%2$.6f]]]}"
				.formatted(lon, lat, lon + 0.002, lat + 0.001);
		}
		return """
				{"type":"Feature","geometry":%s,"properties":{"name":"Plats %d","description":"Genererad plats i ett
				 femårigt Katrineholm.","reasons":["%s","%s"],"source":"survey"}}"""
			.formatted(geometry, n, REASONS[random.nextInt(REASONS.length)], REASONS[random.nextInt(REASONS.length)])
			.replace("\n", "");
	}

	private String measure(List<Long> places, long n) {
		String status = STATUSES[random.nextInt(STATUSES.length)];
		LocalDate start = LocalDate.of(2021, 1, 1).plusDays(random.nextInt(5 * 365 - 200));
		String extra = switch (status) {
			case "done" -> ",\"completedOn\":\"%s\"".formatted(start.plusDays(30 + random.nextInt(150)));
			case "rejected" -> ",\"rejectionReason\":\"Fastighetsägaren sa nej.\"";
			default -> "";
		};
		long first = places.get(random.nextInt(places.size()));
		long second = places.get(random.nextInt(places.size()));
		String ids = first == second || random.nextBoolean() ? String.valueOf(first) : first + "," + second;
		return """
				{"type":"Feature","geometry":null,"properties":{"title":"Åtgärd %d","type":"%s","owner":"municipality",
				 "status":"%s","plannedStart":"%s","plannedEnd":"%s","placeIds":[%s]%s}}"""
			.formatted(n, TYPES[random.nextInt(TYPES.length)], status, start, start.plusDays(60 + random.nextInt(200)), ids,
					extra)
			.replace("\n", "");
	}

	private String incidents(int count, List<Box> boxes) {
		StringBuilder csv = new StringBuilder("id;occurred_at;category;lon;lat\n");
		for (int i = 0; i < count; i++) {
			Box box = boxes.get(random.nextInt(boxes.size()));
			double lon = box.west() + random.nextDouble() * (box.east() - box.west());
			double lat = box.south() + random.nextDouble() * (box.north() - box.south());
			LocalDate day = LocalDate.of(2021, 1, 1).plusDays(random.nextInt(5 * 365));
			csv.append(String.format(Locale.ROOT, "FY-%d;%sT%02d:%02d;%s;%.6f;%.6f%n", i, day, random.nextInt(24),
					random.nextInt(60), CATEGORIES[random.nextInt(CATEGORIES.length)], lon, lat));
		}
		return csv.toString();
	}

}
