package se.trygghetskartan.neighbourhood;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.locationtech.jts.geom.Envelope;
import se.trygghetskartan.geo.FeatureFile;
import se.trygghetskartan.geo.FileFeature;
import se.trygghetskartan.geo.GeometryError;
import se.trygghetskartan.geo.GeometryService;
import se.trygghetskartan.geo.ImportedArea;
import se.trygghetskartan.geo.SupportedCrs;
import se.trygghetskartan.neighbourhood.DistrictImportReport.Rejection;
import se.trygghetskartan.neighbourhood.DistrictImportReport.Repaired;
import se.trygghetskartan.neighbourhood.DistrictImportReport.Totals;
import se.trygghetskartan.system.InvalidRequestException;
import se.trygghetskartan.system.Reason;
import se.trygghetskartan.system.Slugs;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Districts from the municipality's own file. Each feature is judged on its own first: a name, a
 * slug of its own within the file, an area PostGIS accepts (after transforming it to WGS 84, inside
 * the extent). Then the accepted ones are stored in one transaction, a district of the same slug
 * replaced (name and boundary; what refers to it by slug stays linked), a new one added. A dry run
 * does the same and rolls back, so its report is exactly what the import would do.
 */
@Component
class DistrictImport {

	/** The property names a name is looked for in when none is chosen. */
	private static final List<String> NAME_PROPERTIES = List.of("name", "namn");

	private final NeighbourhoodService neighbourhoods;

	private final GeometryService geometries;

	private final TransactionTemplate transaction;

	DistrictImport(NeighbourhoodService neighbourhoods, GeometryService geometries, TransactionTemplate transaction) {
		this.neighbourhoods = neighbourhoods;
		this.geometries = geometries;
		this.transaction = transaction;
	}

	private record Candidate(FileFeature feature, String name, String slug) {
	}

	private record Accepted(FileFeature feature, String name, String slug, ImportedArea area) {
	}

	DistrictImportReport run(FeatureFile file, SupportedCrs chosen, String nameProperty, boolean repair,
			boolean dryRun) {
		neighbourhoods.requireAdmin();
		SupportedCrs crs = crs(file, chosen);
		String property = nameProperty(file, nameProperty);
		List<Rejection> rejected = new ArrayList<>();
		Map<String, List<Candidate>> bySlug = new LinkedHashMap<>();
		for (FileFeature feature : file.features()) {
			String name = property == null ? null : feature.properties().get(property);
			name = name == null ? null : name.strip();
			if (property == null) {
				rejected.add(new Rejection(feature.number(), null, nameProperty == null || nameProperty.isBlank()
						? Reason.of(DistrictError.NO_NAME_PROPERTY, "properties", file.propertyNames())
						: Reason.of(DistrictError.UNKNOWN_NAME_PROPERTY, "property", nameProperty, "properties",
								file.propertyNames())));
			}
			else if (name == null || name.isEmpty()) {
				rejected.add(new Rejection(feature.number(), null, Reason.of(DistrictError.NO_NAME, "property", property)));
			}
			else if (name.length() > NeighbourhoodService.MAX_NAME) {
				rejected.add(new Rejection(feature.number(), cut(name),
						Reason.of(DistrictError.NAME_TOO_LONG, "max", NeighbourhoodService.MAX_NAME)));
			}
			else if (Slugs.of(name).isEmpty()) {
				rejected.add(new Rejection(feature.number(), name, Reason.of(DistrictError.NO_SLUG)));
			}
			else if (feature.geometry() == null) {
				rejected.add(new Rejection(feature.number(), name, feature.problem()));
			}
			else {
				bySlug.computeIfAbsent(Slugs.of(name), slug -> new ArrayList<>())
					.add(new Candidate(feature, name, Slugs.of(name)));
			}
		}
		List<Accepted> accepted = new ArrayList<>();
		for (List<Candidate> same : bySlug.values()) {
			if (same.size() > 1) {
				for (Candidate candidate : same) {
					rejected.add(new Rejection(candidate.feature().number(), candidate.name(),
							Reason.of(DistrictError.DUPLICATE_SLUG, "features",
									same.stream().map(c -> c.feature().number()).toList(), "slug", candidate.slug())));
				}
				continue;
			}
			Candidate candidate = same.get(0);
			Reason notLonLat = notLonLat(candidate.feature(), crs);
			if (notLonLat != null) {
				rejected.add(new Rejection(candidate.feature().number(), candidate.name(), notLonLat));
				continue;
			}
			ImportedArea area = geometries.importedArea(candidate.feature().geometry(), crs, repair);
			if (area.accepted()) {
				accepted.add(new Accepted(candidate.feature(), candidate.name(), candidate.slug(), area));
			}
			else {
				rejected.add(new Rejection(candidate.feature().number(), candidate.name(), area.problem()));
			}
		}
		List<String> added = new ArrayList<>();
		List<String> replaced = new ArrayList<>();
		transaction.executeWithoutResult(status -> {
			for (Accepted district : accepted) {
				boolean existed = neighbourhoods.store(district.slug(), district.name(), district.area().area());
				(existed ? replaced : added).add(district.slug());
			}
			if (dryRun) {
				status.setRollbackOnly();
			}
		});
		List<Repaired> repaired = accepted.stream()
			.filter(district -> district.area().repaired())
			.map(district -> new Repaired(district.feature().number(), district.slug(), district.area().invalidity()))
			.toList();
		rejected.sort(Comparator.comparingInt(Rejection::feature));
		return new DistrictImportReport(dryRun, file.format(), file.layer(), file.layers(), crs.code(),
				file.declaredCrs(), property, file.propertyNames(), added, replaced, repaired, rejected,
				new Totals(file.features().size(), added.size(), replaced.size(), rejected.size()));
	}

	/**
	 * The CRS to read the features in: the one chosen, else the one the file says, else (GeoJSON)
	 * WGS 84. A choice that contradicts the file is refused: the districts would land elsewhere.
	 */
	private static SupportedCrs crs(FeatureFile file, SupportedCrs chosen) {
		Integer declared = file.declaredEpsg();
		if (file.declaredCrs() != null) {
			SupportedCrs said = declared == null ? null : SupportedCrs.ofEpsg(declared).orElse(null);
			if (said == null) {
				throw InvalidRequestException.body("crs", GeometryError.UNSUPPORTED_CRS, "crs", file.declaredCrs(),
						"supported", SupportedCrs.described());
			}
			if (chosen != null && chosen != said) {
				throw InvalidRequestException.parameter("crs", DistrictError.CRS_CONTRADICTS_FILE, "file", said.code(),
						"chosen", chosen.code());
			}
			return said;
		}
		if (chosen != null) {
			return chosen;
		}
		if (file.format().equals("GeoJSON")) {
			return SupportedCrs.WGS84; // RFC 7946
		}
		throw InvalidRequestException.parameter("crs", DistrictError.CRS_NOT_SAID, "supported", SupportedCrs.described());
	}

	private static String nameProperty(FeatureFile file, String chosen) {
		if (chosen != null && !chosen.isBlank()) {
			return file.propertyNames().contains(chosen) ? chosen : null;
		}
		for (String candidate : NAME_PROPERTIES) {
			for (String property : file.propertyNames()) {
				if (property.toLowerCase(Locale.ROOT).equals(candidate)) {
					return property;
				}
			}
		}
		return null;
	}

	// Coordinates in metres read as degrees: the most common mistake, a SWEREF 99 TM file without a CRS.
	private static Reason notLonLat(FileFeature feature, SupportedCrs crs) {
		Envelope box = feature.geometry().getEnvelopeInternal();
		if (crs != SupportedCrs.WGS84
				|| (box.getMinX() >= -180 && box.getMaxX() <= 180 && box.getMinY() >= -90 && box.getMaxY() <= 90)) {
			return null;
		}
		return Reason.of(DistrictError.COORDINATES_IN_METRES, "position", new double[] { box.getMinX(), box.getMinY() },
				"crs", SupportedCrs.SWEREF99_TM.code());
	}

	private static String cut(String name) {
		return name.substring(0, 100) + "…";
	}

}
