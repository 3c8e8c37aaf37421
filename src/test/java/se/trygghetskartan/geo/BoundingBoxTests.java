package se.trygghetskartan.geo;

import org.junit.jupiter.api.Test;
import se.trygghetskartan.system.InvalidRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundingBoxTests {

	@Test
	void parsesFourNumbers() {
		assertThat(BoundingBox.parse("16.1, 58.9,16.3,59.1")).isEqualTo(new BoundingBox(16.1, 58.9, 16.3, 59.1));
		assertThat(BoundingBox.parse(null)).isNull();
	}

	@Test
	void rejectsWrongCountSwappedCornersAndNonNumbers() {
		assertThatThrownBy(() -> BoundingBox.parse("1,2,3")).isInstanceOf(InvalidRequestException.class)
			.hasMessageContaining("four numbers");
		assertThatThrownBy(() -> BoundingBox.parse("16.3,58.9,16.1,59.1")).hasMessageContaining("minimum");
		assertThatThrownBy(() -> BoundingBox.parse("a,58.9,16.1,59.1")).hasMessageContaining("'a' is not a number");
		assertThatThrownBy(() -> BoundingBox.parse("NaN,58.9,16.1,59.1")).hasMessageContaining("finite");
		assertThatThrownBy(() -> BoundingBox.parse("-200,58.9,16.1,59.1")).hasMessageContaining("-180..180");
	}

}
