package se.trygghetskartan.overview;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.ApiClient.Response;
import se.trygghetskartan.IntegrationTest;
import se.trygghetskartan.TestMunicipalities;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * GET /api/municipalities on real PostGIS: the demo's Katrineholm beside a second municipality made
 * for the test (and removed after it), each counted on its own.
 */
@IntegrationTest
class MunicipalityOverviewIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	TestMunicipalities municipalities;

	ApiClient anonymous;

	@BeforeEach
	void secondMunicipality() {
		anonymous = new ApiClient(port);
		municipalities = new TestMunicipalities(jdbc);
		long testby = municipalities.create("testby", "Testby", "9901", 17.0, 59.0, 17.3, 59.2);
		municipalities.district(testby, "centrum", "Centrum", 17.10, 59.05, 17.15, 59.08);
		municipalities.district(testby, "hamnen", "Hamnen", 17.15, 59.05, 17.20, 59.08);
		municipalities.place(testby, "Parkeringen", 17.11, 59.06, true);
		municipalities.place(testby, "Tunneln", 17.12, 59.06, true);
		municipalities.place(testby, "Utkastet", 17.13, 59.06, false);
		long planned = municipalities.measure(testby, "Belysning", "planned", 17.11, 59.06, true);
		long done = municipalities.measure(testby, "Röjning", "done", 17.12, 59.06, true);
		long doneToo = municipalities.measure(testby, "Kamera", "done", 17.12, 59.07, true);
		municipalities.measure(testby, "Utkast", "done", 17.13, 59.07, false);
		municipalities.measure(testby, "Avslaget", "rejected", 17.13, 59.07, true);
		long promise = municipalities.promise(testby, 2025, 2026, "Tryggare Testby");
		municipalities.commitment(promise, "Röja och bevaka", done, doneToo);
		municipalities.commitment(promise, "Belysa", planned);
	}

	@AfterEach
	void removeIt() {
		municipalities.remove("testby");
	}

	List<JsonNode> listed() {
		Response response = anonymous.get("/api/municipalities");
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/json");
		List<JsonNode> all = new ArrayList<>();
		response.json().get("municipalities").forEach(all::add);
		return all;
	}

	static JsonNode bySlug(List<JsonNode> all, String slug) {
		return all.stream().filter(m -> m.get("slug").asString().equals(slug)).findFirst().orElseThrow();
	}

	long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	@Test
	void everyMunicipalityIsListedByNameWithItsOwnCountsAndPromisePeriods() {
		List<JsonNode> all = listed();

		assertThat(all).extracting(m -> m.get("name").asString()).containsSubsequence("Katrineholm", "Testby");
		JsonNode testby = bySlug(all, "testby");
		assertThat(testby.get("code").asString()).isEqualTo("9901");
		assertThat(testby.get("default").asBoolean()).isFalse();
		assertThat(testby.get("extent")).extracting(JsonNode::asDouble).containsExactly(17.0, 59.0, 17.3, 59.2);
		assertThat(testby.get("startView").isNull()).isTrue();
		assertThat(testby.get("places").asLong()).as("drafts left out").isEqualTo(2);
		assertThat(testby.get("districts").asLong()).isEqualTo(2);
		JsonNode measures = testby.get("measures");
		assertThat(measures.get("total").asLong()).isEqualTo(4);
		assertThat(measures.get("planned").asLong()).isEqualTo(1);
		assertThat(measures.get("done").asLong()).isEqualTo(2);
		assertThat(measures.get("rejected").asLong()).isEqualTo(1);
		assertThat(measures.get("proposed").asLong()).isZero();
		assertThat(measures.get("in_progress").asLong()).isZero();
		assertThat(testby.get("periods")).hasSize(1);
		JsonNode period = testby.get("periods").get(0);
		assertThat(period.get("period").asString()).isEqualTo("2025-2026");
		assertThat(period.get("periodStart").asInt()).isEqualTo(2025);
		assertThat(period.get("periodEnd").asInt()).isEqualTo(2026);
		assertThat(period.get("promiseCount").asInt()).isEqualTo(1);
		assertThat(period.get("commitments").asInt()).isEqualTo(2);
		assertThat(period.get("commitmentsDone").asInt()).as("both its measures done; the other's planned").isEqualTo(1);
		assertThat(period.get("progress").asDouble()).isCloseTo(0.5, within(0.0001));

		// Katrineholm's counts are its own: the second municipality's rows add nothing to them.
		JsonNode katrineholm = bySlug(all, "katrineholm");
		assertThat(katrineholm.get("default").asBoolean()).isTrue();
		assertThat(katrineholm.get("code").asString()).isEqualTo("0483");
		assertThat(katrineholm.get("startView").get("center")).hasSize(2);
		String own = " WHERE municipality_id = (SELECT id FROM municipality WHERE slug = 'katrineholm')";
		assertThat(katrineholm.get("places").asLong()).isEqualTo(count("SELECT count(*) FROM unsafe_place" + own + " AND published"));
		assertThat(katrineholm.get("districts").asLong()).isEqualTo(count("SELECT count(*) FROM neighbourhood" + own)).isPositive();
		assertThat(katrineholm.get("measures").get("total").asLong())
			.isEqualTo(count("SELECT count(*) FROM measure" + own + " AND published"));
		assertThat(katrineholm.get("measures").get("done").asLong())
			.isEqualTo(count("SELECT count(*) FROM measure" + own + " AND published AND status = 'done'"));
		assertThat(katrineholm.get("periods")).extracting(p -> p.get("period").asString()).contains("2022-2023", "2021");
	}

	@Test
	void oneMunicipalityIsAnsweredAsInTheListAndAnUnknownSlugIsA404Problem() {
		Response one = anonymous.get("/api/municipalities/testby");
		assertThat(one.status()).isEqualTo(200);
		assertThat(one.json()).isEqualTo(bySlug(listed(), "testby"));

		Response unknown = anonymous.get("/api/municipalities/ingenstans");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.contentType()).startsWith("application/problem+json");
		assertThat(unknown.json().get("code").asString()).isEqualTo("not_found");
	}

	@Test
	void theListIsPublicCacheableAndAnswered304WhileUnchanged() {
		Response first = anonymous.get("/api/municipalities");
		assertThat(first.header("Cache-Control")).contains("public").contains("max-age=60");
		String etag = first.header("ETag");
		assertThat(etag).isNotBlank();

		Response again = anonymous.send(anonymous.request("/api/municipalities").header("If-None-Match", etag).GET());
		assertThat(again.status()).isEqualTo(304);

		municipalities.place(jdbc.sql("SELECT id FROM municipality WHERE slug = 'testby'").query(Long.class).single(),
				"Ny plats", 17.14, 59.06, true);
		Response changed = anonymous.send(anonymous.request("/api/municipalities").header("If-None-Match", etag).GET());
		assertThat(changed.status()).isEqualTo(200);
		assertThat(bySlug(listed(), "testby").get("places").asLong()).isEqualTo(3);
	}

}
