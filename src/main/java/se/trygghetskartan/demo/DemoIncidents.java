package se.trygghetskartan.demo;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import se.trygghetskartan.incident.IncidentCategory;
import se.trygghetskartan.incident.IncidentRow;

import static se.trygghetskartan.incident.IncidentCategory.ASSAULT;
import static se.trygghetskartan.incident.IncidentCategory.BIKE_THEFT;
import static se.trygghetskartan.incident.IncidentCategory.DISTURBANCE;
import static se.trygghetskartan.incident.IncidentCategory.DRUG_OFFENCE;
import static se.trygghetskartan.incident.IncidentCategory.HARASSMENT;
import static se.trygghetskartan.incident.IncidentCategory.ROBBERY;
import static se.trygghetskartan.incident.IncidentCategory.THEFT;
import static se.trygghetskartan.incident.IncidentCategory.VANDALISM;

/**
 * A synthetic, reproducible (fixed seed) set of incidents in Katrineholm 2019–2025: clustered around
 * the demo's crime-exposed places, fewer after the measures there were completed, over a thin
 * background across the districts. Made up; no real events.
 */
final class DemoIncidents {

	private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

	private static final LocalDate FIRST = LocalDate.of(2019, 1, 1);

	private static final int DAYS = 7 * 365;

	/** A cluster: where, how many per year, of what, and a measure that cut it by some share from a date. */
	private record Cluster(double lon, double lat, int perYear, List<IncidentCategory> categories, LocalDate measureDone,
			double reduction) {
	}

	private static final List<Cluster> CLUSTERS = List.of(
			new Cluster(16.2072, 58.9961, 55, List.of(BIKE_THEFT, VANDALISM, DRUG_OFFENCE, DISTURBANCE), null, 0),
			new Cluster(16.2095, 58.9953, 45, List.of(BIKE_THEFT, BIKE_THEFT, THEFT), LocalDate.of(2022, 5, 20), 0.55),
			new Cluster(16.1995, 58.9942, 30, List.of(ASSAULT, HARASSMENT, ROBBERY), LocalDate.of(2022, 6, 15), 0.5),
			new Cluster(16.2279, 58.9990, 45, List.of(DRUG_OFFENCE, VANDALISM, DISTURBANCE, ASSAULT), null, 0),
			new Cluster(16.2130, 58.9931, 25, List.of(THEFT, VANDALISM), LocalDate.of(2021, 11, 15), 0.45),
			new Cluster(16.2222, 59.0005, 20, List.of(ASSAULT, HARASSMENT, VANDALISM), LocalDate.of(2022, 11, 25), 0.5),
			new Cluster(16.2337, 59.0034, 15, List.of(VANDALISM, THEFT), null, 0),
			new Cluster(16.2030, 59.0084, 15, List.of(VANDALISM, DISTURBANCE), null, 0));

	private DemoIncidents() {
	}

	static List<IncidentRow> generate() {
		Random random = new Random(42);
		List<IncidentRow> rows = new ArrayList<>();
		int n = 0;
		for (Cluster cluster : CLUSTERS) {
			for (int i = 0; i < cluster.perYear() * 7; i++) {
				LocalDate day = FIRST.plusDays(random.nextInt(DAYS));
				if (cluster.measureDone() != null && !day.isBefore(cluster.measureDone())
						&& random.nextDouble() < cluster.reduction()) {
					continue;
				}
				IncidentCategory category = cluster.categories().get(random.nextInt(cluster.categories().size()));
				double lon = cluster.lon() + random.nextGaussian() * 0.0006;
				double lat = cluster.lat() + random.nextGaussian() * 0.0003;
				rows.add(row(++n, lon, lat, day, category, random));
			}
		}
		IncidentCategory[] all = IncidentCategory.values();
		for (int i = 0; i < 900; i++) {
			double lon = 16.195 + random.nextDouble() * 0.045;
			double lat = 58.991 + random.nextDouble() * 0.023;
			rows.add(row(++n, lon, lat, FIRST.plusDays(random.nextInt(DAYS)), all[random.nextInt(all.length)], random));
		}
		return rows;
	}

	private static IncidentRow row(int n, double lon, double lat, LocalDate day, IncidentCategory category, Random random) {
		// Mostly evenings and nights; some known only as a range of hours.
		int hour = (17 + random.nextInt(10)) % 24;
		OffsetDateTime from = day.atTime(hour, random.nextInt(60)).atZone(SWEDEN).toOffsetDateTime();
		OffsetDateTime to = random.nextInt(8) == 0 ? from.plusHours(1 + random.nextInt(10)) : null;
		boolean sensitive = (category == ASSAULT || category == HARASSMENT) && random.nextInt(12) == 0;
		return new IncidentRow(n, "DEMO-" + n, Math.round(lon * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6, 4326, from, to,
				category, sensitive);
	}

}
