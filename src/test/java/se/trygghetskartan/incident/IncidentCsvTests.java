package se.trygghetskartan.incident;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import se.trygghetskartan.system.InvalidRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IncidentCsvTests {

	static final IncidentCsv WGS84 = new IncidentCsv(List.of("id", "occurred_from", "occurred_to", "category", "lon",
			"lat", "sensitive"));

	@Test
	void aRowInWgs84WithASwedishCategoryNameAndALocalTimeBecomesAnIncident() {
		IncidentRow row = WGS84.row(7, List.of("A-1", "2024-05-03 21:30", "", "Cykelstöld", "16,2072", "58.9959", "ja"));

		assertThat(row.line()).isEqualTo(7);
		assertThat(row.sourceId()).isEqualTo("A-1");
		assertThat(row.category()).isEqualTo(IncidentCategory.BIKE_THEFT);
		assertThat(row.from()).isEqualTo(OffsetDateTime.parse("2024-05-03T21:30+02:00"));
		assertThat(row.to()).isNull();
		assertThat(row.x()).isEqualTo(16.2072);
		assertThat(row.srid()).isEqualTo(4326);
		assertThat(row.sensitive()).isTrue();
	}

	@Test
	void aDateAloneIsTheWholeDayAndSwerefColumnsGoBySeveralNames() {
		IncidentCsv sweref = new IncidentCsv(List.of("source_id", "occurred_at", "category", "Easting", "NORTHING"));

		IncidentRow row = sweref.row(2, List.of("S-1", "2024-01-15", "vandalism", "569362.3", "6540221.8"));

		assertThat(row.srid()).isEqualTo(3006);
		assertThat(row.from()).isEqualTo(OffsetDateTime.parse("2024-01-15T00:00+01:00"));
		assertThat(row.to()).isEqualTo(OffsetDateTime.parse("2024-01-15T23:59:59+01:00"));
		assertThat(row.sensitive()).isFalse();
	}

	@Test
	void eachBadCellIsNamedInTheReason() {
		assertThatThrownBy(() -> WGS84.row(2, List.of("A", "igår", "", "theft", "16.2", "59", "")))
			.hasMessage("'igår' is not a date or time (YYYY-MM-DD or YYYY-MM-DDTHH:MM)");
		assertThatThrownBy(() -> WGS84.row(2, List.of("A", "2024-01-01", "", "shoplifting", "16.2", "59", "")))
			.hasMessageStartingWith("category 'shoplifting' is not one of");
		assertThatThrownBy(() -> WGS84.row(2, List.of("A", "2024-01-02", "2024-01-01", "theft", "16.2", "59", "")))
			.hasMessage("occurred_to is before occurred_from");
		assertThatThrownBy(() -> WGS84.row(2, List.of("A", "2024-01-01", "", "theft", "öster", "59", "")))
			.hasMessage("lon 'öster' is not a number");
		assertThatThrownBy(() -> WGS84.row(2, List.of("A", "2024-01-01", "", "theft", "200", "59", "")))
			.hasMessage("[200.0, 59.0] is not a longitude and latitude");
		assertThatThrownBy(() -> WGS84.row(2, List.of("A", "2024-01-01", "", "theft", "16", "59", "kanske")))
			.hasMessage("sensitive 'kanske' is not true or false");
		assertThatThrownBy(() -> WGS84.row(2, List.of("", "2024-01-01", "", "theft", "16", "59", "")))
			.hasMessage("id must be 1 to 100 characters");
		assertThatThrownBy(() -> WGS84.row(2, List.of("A", "2024-01-01", "", "theft")))
			.hasMessage("the line has 4 columns; 'lon' is missing");
	}

	@Test
	void aHeaderWithoutWhatAnIncidentNeedsIsRefused() {
		assertThatThrownBy(() -> new IncidentCsv(List.of("id", "category", "lon", "lat")))
			.isInstanceOf(InvalidRequestException.class)
			.hasMessageContaining("the header lacks the column 'occurred_at'");
		assertThatThrownBy(() -> new IncidentCsv(List.of("id", "time", "category", "lon", "lat", "x", "y")))
			.hasMessageContaining("either lon and lat (WGS 84) or x and y");
	}

}
