package se.trygghetskartan.geo;

import org.junit.jupiter.api.Test;
import se.trygghetskartan.system.InvalidRequestException;
import se.trygghetskartan.system.Reason;
import se.trygghetskartan.system.RequestError;
import se.trygghetskartan.system.Violation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class BoundingBoxTests {

	@Test
	void parsesFourNumbers() {
		assertThat(BoundingBox.parse("16.1, 58.9,16.3,59.1")).isEqualTo(new BoundingBox(16.1, 58.9, 16.3, 59.1));
		assertThat(BoundingBox.parse(null)).isNull();
	}

	@Test
	void rejectsWrongCountSwappedCornersAndNonNumbers() {
		assertThat(refusal("1,2,3")).isEqualTo(Reason.of(RequestError.BBOX_NEEDS_FOUR));
		assertThat(refusal("16.3,58.9,16.1,59.1")).isEqualTo(Reason.of(RequestError.MIN_ABOVE_MAX));
		assertThat(refusal("a,58.9,16.1,59.1")).isEqualTo(Reason.of(RequestError.NOT_NUMBER, "value", "a"));
		assertThat(refusal("NaN,58.9,16.1,59.1")).isEqualTo(Reason.of(RequestError.NOT_FINITE, "value", "NaN"));
		assertThat(refusal("-200,58.9,16.1,59.1")).isEqualTo(Reason.of(RequestError.LON_LAT_RANGE));
	}

	// Why the parameter is refused, as a 400 naming bbox.
	static Reason refusal(String bbox) {
		InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class, () -> BoundingBox.parse(bbox));
		assertThat(refused.status().value()).isEqualTo(400);
		assertThat(refused.violations()).singleElement().extracting(Violation::field).isEqualTo("bbox");
		return refused.violations().get(0).reason();
	}

}
