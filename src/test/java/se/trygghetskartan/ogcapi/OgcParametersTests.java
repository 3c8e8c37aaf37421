package se.trygghetskartan.ogcapi;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import se.trygghetskartan.geo.BoundingBox;
import se.trygghetskartan.geo.Page;
import se.trygghetskartan.system.InvalidRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OgcParametersTests {

	@Test
	void limitIsTenByDefaultAndALargerOneThanTenThousandGetsTenThousand() {
		assertThat(OgcParameters.page(null, null)).isEqualTo(new Page(10, 0));
		assertThat(OgcParameters.page(20_000, 30L)).isEqualTo(new Page(10_000, 30));
		assertThatThrownBy(() -> OgcParameters.page(0, null)).isInstanceOf(InvalidRequestException.class);
		assertThatThrownBy(() -> OgcParameters.page(5, -1L)).isInstanceOf(InvalidRequestException.class);
	}

	@Test
	void bboxTakesFourOrSixNumbersInTheAxisOrderOfItsCrs() {
		BoundingBox box = new BoundingBox(16.1, 58.9, 16.3, 59.1);
		assertThat(OgcParameters.bbox("16.1,58.9,16.3,59.1", null, null)).isEqualTo(box);
		assertThat(OgcParameters.bbox("16.1,58.9,-5,16.3,59.1,300", null, null)).isEqualTo(box);
		assertThat(OgcParameters.bbox("58.9,16.1,59.1,16.3", "http://www.opengis.net/def/crs/EPSG/0/4326", null))
			.isEqualTo(box);
		assertThatThrownBy(() -> OgcParameters.bbox("1,2,3,4,5", null, null)).isInstanceOf(InvalidRequestException.class);
		assertThatThrownBy(() -> OgcParameters.bbox("1,2,3,4", "EPSG:31467", null))
			.isInstanceOf(InvalidRequestException.class);
	}

	@Test
	void datetimeIsAnInstantOrAnIntervalOpenAtEitherEnd() {
		LocalDate day = LocalDate.of(2024, 5, 17);
		assertThat(OgcParameters.datetime("2024-05-17")).containsExactly(day, day);
		assertThat(OgcParameters.datetime("2024-05-16T23:30:00Z")).as("a Swedish day").containsExactly(day, day);
		assertThat(OgcParameters.datetime("2024-05-17/..")).containsExactly(day, null);
		assertThat(OgcParameters.datetime("../2024-05-17")).containsExactly(null, day);
		assertThat(OgcParameters.datetime("/2024-05-17")).containsExactly(null, day);
		assertThat(OgcParameters.datetime("2024-05-01/2024-05-17")).containsExactly(LocalDate.of(2024, 5, 1), day);
		assertThat(OgcParameters.datetime(null)).isNull();
		assertThatThrownBy(() -> OgcParameters.datetime("2024-05-17/2024-05-01"))
			.isInstanceOf(InvalidRequestException.class);
		assertThatThrownBy(() -> OgcParameters.datetime("maj")).isInstanceOf(InvalidRequestException.class);
	}

	@Test
	void aParameterTheApiDoesNotNameIsRefused() {
		OgcParameters.allowOnly(Map.of("limit", new String[] { "5" }), Set.of("limit", "f"));
		assertThatThrownBy(() -> OgcParameters.allowOnly(Map.of("colour", new String[] { "red" }), Set.of("limit")))
			.isInstanceOf(InvalidRequestException.class);
	}

}
