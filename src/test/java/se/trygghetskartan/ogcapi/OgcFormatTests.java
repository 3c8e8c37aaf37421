package se.trygghetskartan.ogcapi;

import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class OgcFormatTests {

	private static boolean json(String accept, String f) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/ogc");
		if (accept != null) {
			request.addHeader("Accept", accept);
		}
		if (f != null) {
			request.setParameter("f", f);
		}
		return OgcFormat.of(request, Set.of("f")).json();
	}

	@Test
	void browsersGetHtmlAndGisClientsAndScriptsJson() {
		assertThat(json("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", null)).isFalse();
		assertThat(json("application/geo+json, application/json;q=0.9", null)).isTrue();
		assertThat(json("application/vnd.oai.openapi+json;version=3.0", null)).isTrue();
		assertThat(json("*/*", null)).isTrue();
		assertThat(json(null, null)).isTrue();
		assertThat(json("text/html;q=0.5, application/json", null)).isTrue();
	}

	@Test
	void fWinsOverAccept() {
		assertThat(json("text/html", "json")).isTrue();
		assertThat(json("application/json", "html")).isFalse();
	}

}
