package se.trygghetskartan.geo;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import se.trygghetskartan.system.InvalidRequestException;
import se.trygghetskartan.system.Reason;
import se.trygghetskartan.system.RequestError;
import se.trygghetskartan.system.Violation;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class FeatureLayerTests {

	@Test
	void readsAListsParametersAsItsControllerWouldRepeatedOrSeparatedByCommas() {
		MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
		parameters.add("status", "planned, done");
		parameters.add("status", "proposed");
		parameters.add("ids", "3,7");
		parameters.add("from", "2026-01-31");
		parameters.add("q", " ");

		assertThat(FeatureLayer.values(parameters, "status")).containsExactly("planned", "done", "proposed");
		assertThat(FeatureLayer.ids(parameters, "ids")).containsExactly(3L, 7L);
		assertThat(FeatureLayer.date(parameters, "from")).isEqualTo(LocalDate.of(2026, 1, 31));
		assertThat(FeatureLayer.text(parameters, "q")).as("blank as none").isNull();
		assertThat(FeatureLayer.values(parameters, "type")).isNull();
		assertThat(FeatureLayer.number(parameters, "commitment")).isNull();
	}

	@Test
	void refusesIdsAndDaysThatAreNotAs400NamingTheParameter() {
		MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
		parameters.put("ids", List.of("3,x"));
		parameters.put("to", List.of("31/1"));

		assertThat(refusal(() -> FeatureLayer.ids(parameters, "ids"), "ids").code()).isEqualTo("not_a_value");
		assertThat(refusal(() -> FeatureLayer.date(parameters, "to"), "to"))
			.isEqualTo(Reason.of(RequestError.NOT_DATE, "value", "31/1"));
	}

	private static Reason refusal(Runnable reading, String field) {
		InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class, reading::run);
		assertThat(refused.status().value()).isEqualTo(400);
		assertThat(refused.violations()).singleElement().extracting(Violation::field).isEqualTo(field);
		return refused.violations().get(0).reason();
	}

}
