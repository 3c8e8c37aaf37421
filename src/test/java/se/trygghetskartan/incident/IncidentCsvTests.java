package se.trygghetskartan.incident;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import se.trygghetskartan.system.InvalidRequestException;
import se.trygghetskartan.system.InvalidValueException;
import se.trygghetskartan.system.Reason;
import se.trygghetskartan.system.RequestError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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
	void aTimeWithAnOffsetKeepsItAndAnImpossibleTimeIsRefused() {
		assertThat(WGS84.row(2, List.of("A-2", "2024-05-03T21:30:15Z", "", "theft", "16.2", "59", "")).from())
			.isEqualTo(OffsetDateTime.parse("2024-05-03T21:30:15Z"));
		assertThat(WGS84.row(3, List.of("A-3", "2024-05-03 21:30+01:00", "", "theft", "16.2", "59", "")).from())
			.isEqualTo(OffsetDateTime.parse("2024-05-03T21:30+01:00"));
		assertThat(rejected("A", "2024-02-30 10:00", "", "theft", "16.2", "59", ""))
			.isEqualTo(Reason.of(IncidentError.NOT_A_TIME, "value", "2024-02-30 10:00"));
		assertThat(rejected("A", "2024-05-03 25:00", "", "theft", "16.2", "59", ""))
			.isEqualTo(Reason.of(IncidentError.NOT_A_TIME, "value", "2024-05-03 25:00"));
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
		assertThat(rejected("A", "igår", "", "theft", "16.2", "59", ""))
			.isEqualTo(Reason.of(IncidentError.NOT_A_TIME, "value", "igår"));
		assertThat(rejected("A", "2024-01-01", "", "shoplifting", "16.2", "59", ""))
			.isEqualTo(Reason.of(IncidentError.UNKNOWN_CATEGORY, "value", "shoplifting"));
		assertThat(rejected("A", "2024-01-02", "2024-01-01", "theft", "16.2", "59", ""))
			.isEqualTo(Reason.of(RequestError.ENDS_BEFORE_START, "start", "2024-01-02T00:00+01:00"));
		assertThat(rejected("A", "2024-01-01", "", "theft", "öster", "59", ""))
			.isEqualTo(Reason.of(RequestError.CELL_NOT_NUMBER, "column", "lon", "value", "öster"));
		Reason notLonLat = rejected("A", "2024-01-01", "", "theft", "200", "59", "");
		assertThat(notLonLat.code()).isEqualTo("not_lon_lat");
		assertThat((double[]) notLonLat.args().get("position")).containsExactly(200.0, 59.0);
		assertThat(rejected("A", "2024-01-01", "", "theft", "16", "59", "kanske"))
			.isEqualTo(Reason.of(IncidentError.SENSITIVE_NOT_BOOLEAN, "value", "kanske"));
		assertThat(rejected("", "2024-01-01", "", "theft", "16", "59", ""))
			.isEqualTo(Reason.of(IncidentError.ID_FORMAT, "max", 100));
		assertThat(rejected("A", "2024-01-01", "", "theft"))
			.isEqualTo(Reason.of(RequestError.MISSING_CELL, "count", 4, "column", "lon"));
	}

	// Why a line of these cells is rejected.
	static Reason rejected(String... cells) {
		return catchThrowableOfType(InvalidValueException.class, () -> WGS84.row(2, List.of(cells))).reason();
	}

	@Test
	void aHeaderWithoutWhatAnIncidentNeedsIsRefused() {
		assertThatThrownBy(() -> new IncidentCsv(List.of("id", "category", "lon", "lat")))
			.isInstanceOfSatisfying(InvalidRequestException.class, ex -> assertThat(ex.violations().get(0).reason())
				.isEqualTo(Reason.of(RequestError.MISSING_COLUMN, "column", "occurred_at", "expected",
						List.of("id", "occurred_at", "category"))));
		assertThatThrownBy(() -> new IncidentCsv(List.of("id", "time", "category", "lon", "lat", "x", "y")))
			.isInstanceOfSatisfying(InvalidRequestException.class, ex -> assertThat(ex.violations().get(0).reason())
				.isEqualTo(Reason.of(IncidentError.COORDINATE_COLUMNS)));
	}

}
