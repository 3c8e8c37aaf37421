package se.trygghetskartan.ogcapi;

import java.util.List;

import org.junit.jupiter.api.Test;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.ApiClient.Response;
import se.trygghetskartan.ApiTest;
import se.trygghetskartan.IntegrationTest;
import se.trygghetskartan.TestPlaces;

import static org.assertj.core.api.Assertions.assertThat;
import static se.trygghetskartan.ogcapi.OgcFeaturesIT.ids;

/** The OGC API shows each caller exactly what the API's lists show: no drafts and no exact incidents for the public. */
@IntegrationTest
class OgcVisibilityIT extends ApiTest {

	@Test
	void theAnonymousNeverSeeTheExactIncidentsCollectionNorItsItems() {
		assertThat(ids(anonymous.get("/ogc/collections").json().get("collections"))).doesNotContain("incidents");
		assertThat(anonymous.get("/ogc/api").json().get("paths").has("/collections/incidents/items")).isFalse();
		for (String path : List.of("/ogc/collections/incidents", "/ogc/collections/incidents/items",
				"/ogc/collections/incidents/items?f=html", "/ogc/collections/incidents/items/1",
				"/ogc/collections/incidents/queryables")) {
			Response hidden = anonymous.get(path);
			assertThat(hidden.status()).as(path).isEqualTo(404);
			assertThat(hidden.contentType()).as(path).startsWith("application/problem+json");
		}
	}

	@Test
	void thePoliceAndPlannersOfTheMunicipalitySeeTheExactIncidentsAndOthersDoNot() {
		for (ApiClient staff : List.of(anonymous.as("police", "police"), planner)) {
			assertThat(ids(staff.get("/ogc/collections").json().get("collections"))).contains("incidents");
			Response items = staff.get("/ogc/collections/incidents/items?limit=5&datetime=2000-01-01/..");
			assertThat(items.status()).as(items.toString()).isEqualTo(200);
			assertThat(items.json().get("numberMatched").asInt()).isEqualTo(staff
				.get("/api/incidents?limit=1&from=2000-01-01").json().get("numberMatched").asInt());
			if (!items.json().get("features").isEmpty()) {
				String id = items.json().at("/features/0/id").asString();
				assertThat(staff.get("/ogc/collections/incidents/items/" + id).status()).isEqualTo(200);
				assertThat(anonymous.get("/ogc/collections/incidents/items/" + id).status()).isEqualTo(404);
			}
		}
		// Flen's planner is the public in Katrineholm.
		ApiClient flen = anonymous.as("flen", "flen");
		assertThat(ids(flen.get("/ogc/collections").json().get("collections"))).doesNotContain("incidents");
		assertThat(ids(flen.get("/ogc/collections?municipality=flen").json().get("collections"))).contains("incidents");
		assertThat(flen.get("/ogc/collections/incidents/items").status()).isEqualTo(404);
	}

	@Test
	void draftsAreStaffsAloneAsInTheApi() {
		long draft = TestPlaces.point(planner, "OGC-utkast", 16.2211, 58.9966, "poor_lighting", "safety_walk", false);
		String box = "/ogc/collections/places/items?limit=10000&bbox=16.2210,58.9965,16.2212,58.9967";

		assertThat(ids(anonymous.get(box).json().get("features"))).doesNotContain(String.valueOf(draft));
		assertThat(anonymous.get("/ogc/collections/places/items/" + draft).status()).isEqualTo(404);
		assertThat(ids(planner.get(box).json().get("features"))).contains(String.valueOf(draft));
		Response seen = planner.get("/ogc/collections/places/items/" + draft);
		assertThat(seen.status()).isEqualTo(200);
		assertThat(seen.header("ETag")).isEqualTo(planner.get("/api/places/" + draft).header("ETag"));

		// Staff of another municipality see it as the public does, whatever the prefix asked for.
		ApiClient flen = anonymous.as("flen", "flen");
		assertThat(flen.get("/flen/ogc/collections/places/items/" + draft).status()).isEqualTo(404);
		assertThat(flen.get("/ogc/collections/places/items/" + draft).status()).isEqualTo(404);
	}

	@Test
	void aSwerefBoxLargerThanSwedenIsCutToItAndOneOutsideItIsABadRequest() {
		String sweref = "&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/3006";
		Response world = anonymous.get("/ogc/collections/places/items?limit=1" + sweref + "&bbox=-1e12,-1e12,1e12,1e12");
		assertThat(world.status()).as(world.toString()).isEqualTo(200);
		assertThat(world.json().get("numberMatched").asInt())
			.isEqualTo(anonymous.get("/ogc/collections/places/items?limit=1").json().get("numberMatched").asInt());
		Response outside = anonymous.get("/ogc/collections/places/items?limit=1" + sweref + "&bbox=0,0,10,10");
		assertThat(outside.status()).as(outside.toString()).isEqualTo(400);
		assertThat(outside.header("Content-Type")).startsWith("application/problem+json");
	}

	@Test
	void theMunicipalityParameterChoosesTheCollectionsAndAnUnknownOneIs404() {
		int flen = anonymous.get("/ogc/collections/places/items?municipality=flen").json().get("numberMatched").asInt();
		assertThat(flen).isEqualTo(
				anonymous.get("/api/places?municipality=flen&limit=1").json().get("numberMatched").asInt());
		Response landing = anonymous.get("/ogc?municipality=flen");
		assertThat(landing.json().get("title").asString()).contains("Flen");
		landing.json().get("links").forEach(link -> assertThat(link.get("href").asString()).contains("municipality=flen"));
		anonymous.get("/ogc/collections?municipality=flen").json().at("/collections/0/links")
			.forEach(link -> assertThat(link.get("href").asString()).contains("municipality=flen"));
		assertThat(anonymous.get("/ogc/collections?municipality=ingenstans").status()).isEqualTo(404);
	}

	@Test
	void underAMunicipalitysOwnPrefixEveryLinkStaysUnderItWithoutAQuery() {
		String base = "http://localhost:" + port + "/flen/ogc";
		Response landing = anonymous.get("/flen/ogc");
		Response collections = anonymous.get("/flen/ogc/collections");
		Response items = anonymous.get("/flen/ogc/collections/places/items?limit=1");
		String first = items.json().at("/features/0/id").asString();
		Response item = anonymous.get("/flen/ogc/collections/places/items/" + first);
		Response page = anonymous.get("/flen/ogc/collections/places/items?limit=1&f=html");

		assertThat(landing.json().get("title").asString()).contains("Flen");
		assertThat(items.json().get("numberMatched").asInt()).isEqualTo(
				anonymous.get("/api/places?municipality=flen&limit=1").json().get("numberMatched").asInt());
		List<String> hrefs = new java.util.ArrayList<>();
		for (Response answer : List.of(landing, collections, items, item, anonymous.get("/flen/ogc/conformance"))) {
			answer.json().findValues("href").forEach(href -> hrefs.add(href.asString()));
		}
		assertThat(hrefs).hasSizeGreaterThan(20).allSatisfy(href -> {
			assertThat(href).matches(java.util.regex.Pattern.quote(base) + "[/?].*").doesNotContain("municipality=");
		});
		assertThat(hrefs).contains(base + "/collections?f=json", base + "/api?f=json", base + "/conformance?f=json",
				base + "/collections/places/items?limit=1&offset=1&f=json");
		assertThat(anonymous.get("/flen/ogc/api").json().at("/servers/0/url").asString()).isEqualTo(base);
		assertThat(anonymous.get("/flen/ogc/collections/places/queryables").json().get("$id").asString())
			.isEqualTo(base + "/collections/places/queryables");
		assertThat(page.body()).contains("href=\"" + base + "/collections/places/items/" + first + "?f=html\"")
			.doesNotContain("href=\"http://localhost:" + port + "/ogc");
		assertThat(anonymous.get("/flen/ogc/collections?municipality=flen").status()).isEqualTo(200);
	}

	@Test
	void underAPrefixAnUnknownMunicipalityIs404AndAnotherNamedInTheQueryIs400() {
		for (String path : List.of("/ingenstans/ogc", "/ingenstans/ogc/collections",
				"/ingenstans/ogc/collections/places/items", "/sverige/ogc/collections", "/api/ogc/collections")) {
			Response unknown = anonymous.get(path);
			assertThat(unknown.status()).as(path).isEqualTo(404);
			assertThat(unknown.contentType()).as(path).startsWith("application/problem+json");
		}
		Response contradicted = anonymous.get("/flen/ogc/collections?municipality=katrineholm");
		assertThat(contradicted.status()).isEqualTo(400);
		assertThat(contradicted.json().get("errors").get(0).get("code").asString()).isEqualTo("not_the_prefix");
	}

	@Test
	void theExactIncidentsUnderAPrefixAreThatMunicipalitysStaffsAlone() {
		assertThat(ids(anonymous.as("flen", "flen").get("/flen/ogc/collections").json().get("collections")))
			.contains("incidents");
		assertThat(ids(planner.get("/flen/ogc/collections").json().get("collections"))).doesNotContain("incidents");
		assertThat(planner.get("/flen/ogc/collections/incidents/items").status()).isEqualTo(404);
		assertThat(ids(planner.get("/katrineholm/ogc/collections").json().get("collections"))).contains("incidents");
	}

}
