package se.trygghetskartan.exchange;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.ApiClient.Response;
import se.trygghetskartan.ApiTest;
import se.trygghetskartan.IntegrationTest;
import se.trygghetskartan.TestPlaces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The layers as files, read back by GDAL's {@code ogrinfo} as a GIS would: the list's items, in the
 * CRS asked for, to the millimetre; and for the public, only what the public lists show.
 */
@IntegrationTest
class ExportIT extends ApiTest {

	private static final Pattern POINT = Pattern.compile("POINT \\(([-0-9.]+) ([-0-9.]+)\\)");

	@TempDir
	Path files;

	@Test
	void placesExportInSwerefAsEachFormatWithTheListsCountAndCoordinatesToTheMillimetre() throws Exception {
		long id = TestPlaces.point(planner, "Exportens gatlykta", 16.2087654, 58.9956789, "poor_lighting", "resident",
				true);
		double[] expected = jdbc.sql("SELECT ST_X(g), ST_Y(g) FROM (SELECT ST_Transform(geom, 3006) AS g "
				+ "FROM unsafe_place WHERE id = :id) p")
			.param("id", id)
			.query((rs, row) -> new double[] { rs.getDouble(1), rs.getDouble(2) })
			.single();
		long listed = anonymous.get("/api/places?municipality=katrineholm&limit=1").json().get("numberMatched").longValue();
		String today = LocalDate.now(ZoneId.of("Europe/Stockholm")).toString();

		for (String format : List.of("gpkg", "geojson", "csv")) {
			HttpResponse<Path> answer = download(anonymous, "/api/export/places." + format + "?municipality=katrineholm",
					format);
			assertThat(answer.statusCode()).as(format).isEqualTo(200);
			assertThat(answer.headers().firstValue("Content-Disposition").orElseThrow())
				.isEqualTo("attachment; filename=\"katrineholm-places-" + today + "." + format + "\"");
			assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).isEqualTo(switch (format) {
				case "gpkg" -> "application/geopackage+sqlite3";
				case "geojson" -> "application/geo+json";
				default -> "text/csv;charset=UTF-8";
			});
			String summary = ogrinfo(answer.body(), "-so", "places");
			assertThat(featureCount(summary)).as(format + ": " + summary).isEqualTo(listed);
			if (!format.equals("csv")) {
				// A CSV file cannot carry its CRS (GDAL reads one only from a .prj beside it).
				assertThat(summary).as(format).contains("ID[\"EPSG\",3006]");
			}
			String where = format.equals("csv") ? "id = '" + id + "'" : "id = " + id;
			Matcher point = POINT.matcher(ogrinfo(answer.body(), "-where", where, "places"));
			assertThat(point.find()).as(format).isTrue();
			assertThat(Double.parseDouble(point.group(1))).as(format + " easting").isCloseTo(expected[0], within(0.001));
			assertThat(Double.parseDouble(point.group(2))).as(format + " northing").isCloseTo(expected[1], within(0.001));
		}
	}

	@Test
	void wgs84GeoJsonIsRfc7946AndSwerefNamesItsCrs() {
		TestPlaces.point(planner, "Exportens parkbänk", 16.2091, 58.9961, "poor_lighting", "resident", true);

		Response wgs84 = anonymous.get("/api/export/places.geojson?crs=EPSG:4326");
		Response crs84 = anonymous.get("/api/export/places.geojson?crs=CRS84");
		Response sweref = anonymous.get("/api/export/places.geojson");

		assertThat(wgs84.status()).isEqualTo(200);
		assertThat(wgs84.json().has("crs")).isFalse();
		assertThat(crs84.body()).isEqualTo(wgs84.body());
		assertThat(wgs84.body()).contains("[16.2091,58.9961]");
		assertThat(sweref.json().get("crs").get("properties").get("name").stringValue())
			.isEqualTo("urn:ogc:def:crs:EPSG::3006");
		assertThat(sweref.json().get("features").size()).isEqualTo(wgs84.json().get("features").size());
	}

	@Test
	void theAnonymousExportNeverHoldsDraftsNorIncidentsAndStaffsIsNotStored() {
		TestPlaces.point(planner, "Exportens utkast", 16.2101, 58.9962, "poor_lighting", "resident", false);

		Response public_ = anonymous.get("/api/export/places.geojson");
		Response staff = planner.get("/api/export/places.geojson");

		assertThat(public_.body()).doesNotContain("Exportens utkast");
		assertThat(staff.body()).contains("Exportens utkast");
		assertThat(staff.header("Cache-Control")).contains("no-store");
		for (String format : List.of("gpkg", "geojson", "csv")) {
			Response incidents = anonymous.get("/api/export/incidents." + format);
			assertThat(incidents.status()).as(format).isEqualTo(anonymous.get("/api/incidents").status()).isEqualTo(401);
			assertThat(incidents.contentType()).startsWith("application/problem+json");
		}
		assertThat(anonymous.as("flen", "flen").get("/api/export/incidents.csv?municipality=katrineholm").status())
			.as("another municipality's planner").isEqualTo(403);
		assertThat(anonymous.as("police", "police").get("/api/export/incidents.csv").status()).isEqualTo(200);
	}

	@Test
	void aFilterThatMatchesNothingGivesFilesWithNoFeaturesThatGdalStillOpens() throws Exception {
		for (String format : List.of("gpkg", "geojson", "csv")) {
			HttpResponse<Path> answer = download(anonymous, "/api/export/places." + format + "?q=ingenting+s%C3%A5dant",
					format);
			assertThat(answer.statusCode()).as(format).isEqualTo(200);
			assertThat(featureCount(ogrinfo(answer.body(), "-so", "places"))).as(format).isZero();
		}
	}

	@Test
	void aFileIsNamedAfterTheMunicipalityItHolds() {
		Response flen = anonymous.get("/api/export/neighbourhoods.geojson?municipality=flen");

		assertThat(flen.header("Content-Disposition")).startsWith("attachment; filename=\"flen-neighbourhoods-");
		assertThat(flen.json().get("features").size()).isEqualTo(anonymous.get("/api/neighbourhoods?municipality=flen")
			.json().get("features").size()).isPositive();
		assertThat(anonymous.get("/api/export/places.csv?municipality=nowhere").status()).isEqualTo(404);
	}

	@Test
	void aBadCrsLayerOrFormatIsAProblemSayingWhich() {
		Response crs = anonymous.get("/api/export/places.gpkg?crs=EPSG:3857");
		Response layer = anonymous.get("/api/export/secrets.gpkg");
		Response format = anonymous.get("/api/export/places.shp");
		Response filter = anonymous.get("/api/export/measures.csv?status=maybe");

		for (Response bad : List.of(crs, layer, format, filter)) {
			assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
			assertThat(bad.contentType()).startsWith("application/problem+json");
		}
		assertThat(crs.json().get("errors").get(0).get("code").stringValue()).isEqualTo("unsupported_crs");
		assertThat(layer.json().get("errors").get(0).get("field").stringValue()).isEqualTo("layer");
		assertThat(format.json().get("errors").get(0).get("field").stringValue()).isEqualTo("format");
		assertThat(filter.json().get("errors").get(0).get("field").stringValue()).isEqualTo("status");
	}

	@Test
	void everyLayerInEveryFormatIsReadByGdalWithTheSameCountForAPlanner() throws Exception {
		Map<String, String> geoPackages = new HashMap<>();
		for (String layer : List.of("places", "measures", "neighbourhoods", "activities", "incidents")) {
			long count = planner.get("/api/export/" + layer + ".geojson?crs=EPSG:4326").json().get("features").size();
			for (String format : List.of("gpkg", "geojson", "csv")) {
				HttpResponse<Path> answer = download(planner, "/api/export/" + layer + "." + format, format);
				assertThat(answer.statusCode()).as(layer + "." + format).isEqualTo(200);
				String summary = ogrinfo(answer.body(), "-so", layer);
				assertThat(featureCount(summary)).as(layer + "." + format + ": " + summary).isEqualTo(count);
				assertThat(summary).as(layer + "." + format).doesNotContainIgnoringCase("warning").doesNotContain("ERROR");
				if (format.equals("gpkg")) {
					geoPackages.put(layer, summary);
				}
			}
		}
		// The geometry column typed as the layer's geometries are, the properties as typed columns.
		assertThat(geoPackages.get("incidents")).contains("Geometry: Point", "category: String");
		assertThat(geoPackages.get("neighbourhoods")).contains("Geometry: Multi Polygon", "slug: String");
		assertThat(geoPackages.get("places")).contains("Geometry: Unknown (any)", "FID Column = fid", "id: Integer",
				"name: String", "published: Integer(Boolean)", "reasons: String");
		assertThat(geoPackages.get("measures")).contains("geom", "plannedStart: String");
	}

	private HttpResponse<Path> download(ApiClient client, String path, String format)
			throws IOException, InterruptedException {
		Path file = files.resolve(path.substring(path.lastIndexOf('/') + 1).replaceAll("[?].*", ""));
		Files.deleteIfExists(file);
		// Named as its layer, which is what GDAL calls a GeoJSON's or a CSV's layer.
		return HttpClient.newHttpClient().send(client.request(path).GET().build(), HttpResponse.BodyHandlers.ofFile(file));
	}

	private static String ogrinfo(Path file, String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("ogrinfo", "-ro", file.toString()));
		command.addAll(1, List.of(arguments).subList(0, arguments.length - 1));
		command.add(arguments[arguments.length - 1]);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor()).as(command + ": " + output).isZero();
		return output;
	}

	private static long featureCount(String summary) {
		Matcher count = Pattern.compile("Feature Count: (\\d+)").matcher(summary);
		assertThat(count.find()).as(summary).isTrue();
		return Long.parseLong(count.group(1));
	}

}
