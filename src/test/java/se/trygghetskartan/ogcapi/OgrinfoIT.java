package se.trygghetskartan.ogcapi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import se.trygghetskartan.ApiTest;
import se.trygghetskartan.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** GDAL's OGC API driver (OAPIF), as QGIS and ogr2ogr use it, reads every collection and every feature. */
@IntegrationTest
class OgrinfoIT extends ApiTest {

	@Test
	void ogrinfoListsEveryPublicCollection() throws Exception {
		listsEveryPublicCollection("/ogc");
	}

	@Test
	void ogrinfoReadsAllOfKatrineholmsPlacesAsTheApiCountsThem() throws Exception {
		readsAllPlaces("/ogc?municipality=katrineholm", "katrineholm");
	}

	// What QGIS connects to for another municipality than the default: its own prefix, no query.
	@Test
	void ogrinfoListsFlensCollectionsAndReadsAllOfItsPlacesUnderItsOwnPrefix() throws Exception {
		listsEveryPublicCollection("/flen/ogc");
		readsAllPlaces("/flen/ogc", "flen");
	}

	private void listsEveryPublicCollection(String service) throws Exception {
		String listed = ogrinfo("-ro", "-so", "OAPIF:http://localhost:" + port + service);

		for (String collection : List.of("places", "measures", "neighbourhoods", "activities", "incident-statistics")) {
			assertThat(listed).as(listed).containsPattern("\\d+: " + Pattern.quote(collection) + "\\b");
		}
		assertThat(listed).doesNotContain("incidents (");
	}

	private void readsAllPlaces(String service, String municipality) throws Exception {
		int expected = anonymous.get("/api/places?municipality=" + municipality + "&limit=1").json().get("numberMatched")
			.asInt();

		String summary = ogrinfo("-ro", "-al", "-so", "OAPIF:http://localhost:" + port + service, "places");
		Matcher count = Pattern.compile("Feature Count: (\\d+)").matcher(summary);
		assertThat(count.find()).as(summary).isTrue();
		assertThat(Integer.parseInt(count.group(1))).isEqualTo(expected);

		String all = ogrinfo("-ro", "-al", "-q", "OAPIF:http://localhost:" + port + service, "places");
		assertThat(Pattern.compile("OGRFeature\\(places\\):").matcher(all).results().count()).as(all)
			.isEqualTo(expected);
	}

	@Test
	void ogrinfoReadsEveryFeatureOfEveryCollection() throws Exception {
		for (String collection : List.of("measures", "neighbourhoods", "activities", "incident-statistics")) {
			int expected = anonymous.get("/ogc/collections/" + collection + "/items?limit=1").json()
				.get("numberMatched").asInt();
			String all = ogrinfo("-ro", "-al", "-q", "OAPIF:http://localhost:" + port + "/ogc", collection);
			assertThat(Pattern.compile("OGRFeature\\(" + Pattern.quote(collection) + "\\):").matcher(all).results()
				.count()).as(collection + ": " + all).isEqualTo(expected);
		}
	}

	private static String ogrinfo(String... arguments) throws IOException, InterruptedException {
		List<String> command = new java.util.ArrayList<>(List.of("ogrinfo"));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		byte[] output = process.getInputStream().readAllBytes();
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
		String text = new String(output, StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(text).isZero();
		return text;
	}

}
