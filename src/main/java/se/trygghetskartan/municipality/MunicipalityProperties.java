package se.trygghetskartan.municipality;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The municipality's name and start view at the first start (the extent comes from
 * {@code trygghetskartan.geo.extent}, the tiles from {@code trygghetskartan.map.*}), and how long an
 * instance keeps the settings before it reads them again.
 *
 * @param name the municipality's name, shown in every page's header
 * @param code its official four-digit code (SCB's kommunkod, e.g. 0483), or none
 * @param startView where the maps start, "lon,lat,zoom"; empty: they fit the extent
 * @param refresh how old the settings an instance uses may be: a change made on another instance
 * shows here within this time
 */
@ConfigurationProperties("trygghetskartan.municipality")
record MunicipalityProperties(String name, String code, String startView, Duration refresh) {

	MunicipalityProperties {
		if (name == null || name.isBlank()) {
			name = "Katrineholm";
		}
		if (code != null && code.isBlank()) {
			code = null;
		}
		if (code != null && !code.matches("[0-9]{4}")) {
			throw new IllegalStateException("trygghetskartan.municipality.code must be four digits, not " + code);
		}
		if (refresh == null || refresh.isNegative()) {
			refresh = Duration.ofSeconds(5);
		}
	}

}
