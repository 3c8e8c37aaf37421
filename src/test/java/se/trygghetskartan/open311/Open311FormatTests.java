package se.trygghetskartan.open311;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import se.trygghetskartan.system.InvalidRequestException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Open311FormatTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void aListsItemsAreNamedByItsSingularAndTheRequestsListByRequest() {
		Map<String, Object> value = new LinkedHashMap<>();
		value.put("key", "day");
		value.put("name", "Dag");
		Map<String, Object> definition = new LinkedHashMap<>();
		definition.put("service_code", "poor_lighting");
		definition.put("attributes", List.of(Map.of("values", List.of(value))));

		assertThat(Open311Format.XML.write("service_definition", definition, JSON)).endsWith(
				"<service_definition><service_code>poor_lighting</service_code><attributes><attribute><values><value>"
						+ "<key>day</key><name>Dag</name></value></values></attribute></attributes></service_definition>");
		assertThat(Open311Format.XML.write("service_requests", List.of(Map.of("status", "open")), JSON))
			.endsWith("<service_requests><request><status>open</status></request></service_requests>");
	}

	@Test
	void textIsEscapedAndCharactersXmlCannotCarryAreLeftOut() {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("description", "Mörkt <b>&</b>\u0001 \"här\"");
		request.put("media_url", null);

		assertThat(Open311Format.XML.write("service_requests", List.of(request), JSON)).endsWith(
				"<request><description>Mörkt &lt;b&gt;&amp;&lt;/b&gt; \"här\"</description><media_url></media_url></request>"
						+ "</service_requests>");
		assertThat(Open311Format.JSON.write("service_requests", List.of(request), JSON))
			.isEqualTo("[{\"description\":\"Mörkt <b>&</b>\\u0001 \\\"här\\\"\",\"media_url\":null}]");
	}

	@Test
	void theFormatIsTheExtensionAndAnErrorFollowsThePath() {
		assertThat(Open311Format.of("xml")).isEqualTo(Open311Format.XML);
		assertThat(Open311Format.of("JSON")).isEqualTo(Open311Format.JSON);
		assertThatThrownBy(() -> Open311Format.of("geojson")).isInstanceOf(InvalidRequestException.class)
			.hasMessageContaining("unknown_format");
		assertThat(Open311Format.ofPath("/open311/v2/requests/R-2026-000001.xml")).isEqualTo(Open311Format.XML);
		assertThat(Open311Format.ofPath("/open311/v2/nothing")).isEqualTo(Open311Format.JSON);
	}

}
