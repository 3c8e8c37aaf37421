package se.trygghetskartan.open311;

import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.AppInstance;
import se.trygghetskartan.BrowserClient;
import se.trygghetskartan.ApiClient.Response;
import se.trygghetskartan.ApiTest;
import se.trygghetskartan.IntegrationTest;
import se.trygghetskartan.TestDatabase;
import se.trygghetskartan.place.PlaceReason;
import se.trygghetskartan.system.Codes;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Open311 GeoReport v2 over real HTTP, as another civic app uses it: the services are the place
 * reasons, a form-encoded service request is a report in the planners' queue, and it is listed only
 * once a planner has approved it, with the place's point and never an e-mail address. Every refusal
 * is in the specification's error form, in JSON and XML. Each test sends from an address of its own
 * (the tests' loopback is a trusted proxy here, as in ReportIT).
 */
@IntegrationTest
@TestPropertySource(properties = "trygghetskartan.trusted-proxies=127.0.0.1")
class Open311IT extends ApiTest {

	private static final String FORM = "application/x-www-form-urlencoded";

	private static final String V2 = "/open311/v2/";

	private static final String KATRINEHOLM = "?jurisdiction_id=katrineholm";

	private static final String MEASURE = """
			{"type":"Feature","geometry":null,"properties":{"title":"%s","type":"lighting","owner":"municipality",
			 "status":"%s","placeIds":[%d],"published":%s}}""";

	@Test
	void theServicesAreThePlaceReasonsEachWithTheWhenAttribute() throws Exception {
		Response services = anonymous.get(V2 + "services.json" + KATRINEHOLM);
		assertThat(services.status()).as(services.toString()).isEqualTo(200);
		assertThat(services.contentType()).startsWith("application/json");
		List<String> codes = Codes.allowed(PlaceReason.class);
		assertThat(texts(services.json(), "service_code")).containsExactlyElementsOf(codes);
		JsonNode lighting = services.json().get(0);
		assertThat(lighting.get("service_name").stringValue()).isEqualTo("Dålig belysning");
		assertThat(lighting.get("metadata").booleanValue()).isTrue();
		assertThat(lighting.get("type").stringValue()).isEqualTo("realtime");
		assertThat(lighting.get("group").stringValue()).isNotBlank();
		assertThat(lighting.get("keywords").stringValue()).contains("dålig belysning");
		assertThat(lighting.get("description").stringValue()).isNotBlank();
		assertThat(anonymous.language("en").get(V2 + "services.json" + KATRINEHOLM).json().get(0).get("service_name")
			.stringValue()).isEqualTo("Poor lighting");

		Document xml = xml(anonymous.get(V2 + "services.xml" + KATRINEHOLM));
		assertThat(xml.getDocumentElement().getTagName()).isEqualTo("services");
		assertThat(elements(xml, "service", "service_code")).containsExactlyElementsOf(codes);
		assertThat(elements(xml, "service", "service_name").get(0)).isEqualTo("Dålig belysning");

		Response definition = anonymous.get(V2 + "services/poor_lighting.json" + KATRINEHOLM);
		assertThat(definition.status()).as(definition.toString()).isEqualTo(200);
		assertThat(definition.json().get("service_code").stringValue()).isEqualTo("poor_lighting");
		JsonNode when = definition.json().get("attributes").get(0);
		assertThat(when.get("code").stringValue()).isEqualTo("when");
		assertThat(when.get("variable").booleanValue()).isTrue();
		assertThat(when.get("datatype").stringValue()).isEqualTo("multivaluelist");
		assertThat(when.get("required").booleanValue()).isFalse();
		assertThat(when.get("order").intValue()).isEqualTo(1);
		assertThat(when.get("description").stringValue()).isNotBlank();
		assertThat(texts(when.get("values"), "key")).containsExactly("day", "evening", "night", "weekend_nights");
		assertThat(texts(when.get("values"), "name")).containsExactly("Dagtid", "Kvällar", "Nätter", "Helgnätter");
		Document definitionXml = xml(anonymous.get(V2 + "services/poor_lighting.xml" + KATRINEHOLM));
		assertThat(definitionXml.getDocumentElement().getTagName()).isEqualTo("service_definition");
		assertThat(elements(definitionXml, "attribute", "datatype")).containsExactly("multivaluelist");
		assertThat(elements(definitionXml, "value", "key")).containsExactly("day", "evening", "night", "weekend_nights");

		assertError(anonymous.get(V2 + "services/dark.json" + KATRINEHOLM), 404);
		assertError(anonymous.get(V2 + "services/dark.xml" + KATRINEHOLM), 404);
	}

	@Test
	void aServiceRequestIsAReportInTheQueueAndListedOnlyOnceApproved() throws Exception {
		ApiClient app = anonymous.from("203.0.113.110");
		Response sent = app.post(V2 + "requests.json", form(fields("jurisdiction_id", "katrineholm", "service_code",
				"poor_lighting", "lat", "59.0012", "long", "16.2362", "description", "Open311: mörk gångväg bakom förskolan",
				"email", "open311@example.se", "attribute[when][]", List.of("evening", "night"), "first_name", "Anna",
				"last_name", "Andersson", "phone", "070-1234567", "device_id", "telefon-42")), FORM);
		assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
		assertThat(sent.json()).hasSize(1);
		String number = sent.json().get(0).get("service_request_id").stringValue();
		assertThat(number).matches("R-\\d{4}-\\d{6}");
		assertThat(sent.json().get(0).get("service_notice").stringValue()).isNotBlank();

		Response queue = planner.get("/api/reports?status=received&municipality=katrineholm");
		JsonNode report = null;
		for (JsonNode queued : queue.json().get("reports")) {
			if (number.equals(queued.get("number").stringValue())) {
				report = queued;
			}
		}
		assertThat(report).as("in the planner's queue: " + queue.body()).isNotNull();
		assertThat(report.get("text").stringValue()).isEqualTo("Open311: mörk gångväg bakom förskolan");
		assertThat(texts(report.get("reasons"), null)).containsExactly("poor_lighting");
		assertThat(texts(report.get("when"), null)).containsExactlyInAnyOrder("evening", "night");
		assertThat(report.get("hasEmail").booleanValue()).isTrue();
		long id = report.get("id").longValue();
		assertThat(jdbc.sql("SELECT count(*) FROM report WHERE id = :id AND email = 'open311@example.se'").param("id", id)
			.query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT row_to_json(r)::text FROM report r WHERE id = :id").param("id", id)
			.query(String.class).single()).as("names, phone and device are not stored")
			.doesNotContain("Anna").doesNotContain("Andersson").doesNotContain("070").doesNotContain("telefon-42");

		assertThat(anonymous.get(V2 + "requests.json" + KATRINEHOLM).body()).doesNotContain(number);
		assertError(anonymous.get(V2 + "requests/" + number + ".json" + KATRINEHOLM), 404);
		assertError(anonymous.get(V2 + "requests/" + number + ".xml" + KATRINEHOLM), 404);

		String etag = planner.get("/api/reports/" + id).header("ETag");
		Response approved = planner.send(planner.request("/api/reports/" + id + "/approve")
			.header("Content-Type", "application/json")
			.header("If-Match", etag)
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Gångvägen bakom förskolan\"}")));
		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);

		Response listed = anonymous.get(V2 + "requests.json" + KATRINEHOLM);
		assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
		JsonNode request = find(listed.json(), number);
		assertThat(request).as(listed.body()).isNotNull();
		assertThat(request.get("status").stringValue()).isEqualTo("open");
		assertThat(request.get("service_code").stringValue()).isEqualTo("poor_lighting");
		assertThat(request.get("service_name").stringValue()).isEqualTo("Dålig belysning");
		assertThat(request.get("status_notes").stringValue()).isEqualTo("Öppen");
		assertThat(request.get("description").stringValue()).as("no text unless a planner published one").isEmpty();
		assertThat(request.get("agency_responsible").stringValue()).contains("Katrineholm");
		assertThat(request.get("lat").doubleValue()).isCloseTo(59.0012, org.assertj.core.data.Offset.offset(1e-6));
		assertThat(request.get("long").doubleValue()).isCloseTo(16.2362, org.assertj.core.data.Offset.offset(1e-6));
		assertThat(request.get("requested_datetime").stringValue()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d");
		assertThat(request.get("updated_datetime").stringValue()).matches("\\d{4}-\\d\\d-\\d\\dT.*");
		String district = jdbc.sql("SELECT name FROM neighbourhood WHERE ST_Intersects(geom, ST_SetSRID(ST_MakePoint(16.2362, 59.0012), 4326)) ORDER BY name LIMIT 1")
			.query(String.class).optional().orElse("");
		assertThat(request.get("address").stringValue()).isEqualTo(district);
		Response one = anonymous.get(V2 + "requests/" + number + ".json" + KATRINEHOLM);
		assertThat(one.status()).as(one.toString()).isEqualTo(200);
		assertThat(one.json()).hasSize(1);
		assertThat(one.json().get(0)).isEqualTo(request);
		assertThat(anonymous.get(V2 + "requests.json" + KATRINEHOLM + "&service_request_id=R-0000-000000," + number)
			.json()).extracting(r -> r.get("service_request_id").stringValue()).containsExactly(number);
		assertThat(anonymous.get(V2 + "requests.json" + KATRINEHOLM + "&service_code=poor_lighting&status=open").body())
			.contains(number);
		assertThat(anonymous.get(V2 + "requests.json" + KATRINEHOLM + "&service_code=vandalism").body())
			.doesNotContain(number);
		assertThat(anonymous.get(V2 + "requests.json" + KATRINEHOLM + "&status=closed").body()).doesNotContain(number);
		assertThat(anonymous.get(V2 + "requests.json" + KATRINEHOLM + "&start_date=2020-01-01T00:00:00Z&end_date=2020-02-01")
			.json()).isEmpty();
		assertThat(anonymous.get(V2 + "requests.json?jurisdiction_id=flen").body()).doesNotContain(number);

		Document xml = xml(anonymous.get(V2 + "requests/" + number + ".xml" + KATRINEHOLM));
		assertThat(xml.getDocumentElement().getTagName()).isEqualTo("service_requests");
		for (String field : List.of("service_request_id", "status", "service_code", "service_name", "status_notes",
				"description", "agency_responsible", "requested_datetime", "updated_datetime", "address")) {
			assertThat(elements(xml, "request", field)).as(field).containsExactly(request.get(field).stringValue());
		}
		assertThat(Double.parseDouble(elements(xml, "request", "lat").get(0))).isEqualTo(request.get("lat").doubleValue());
		assertThat(Double.parseDouble(elements(xml, "request", "long").get(0))).isEqualTo(request.get("long").doubleValue());
		assertThat(elements(xml(anonymous.get(V2 + "requests.xml" + KATRINEHOLM)), "request", "service_request_id"))
			.contains(number);

		// Closed once every published measure of the place is done (a draft counts for nothing); the
		// place's description is the text a planner published.
		long placeId = approved.json().get("placeId").longValue();
		created(planner.post("/api/measures", MEASURE.formatted("Utkast: kamera", "proposed", placeId, false)));
		assertThat(find(anonymous.get(V2 + "requests.json" + KATRINEHOLM).json(), number).get("status").stringValue())
			.isEqualTo("open");
		created(planner.post("/api/measures", MEASURE.formatted("Ny belysning", "done", placeId, true)));
		JsonNode closed = anonymous.get(V2 + "requests/" + number + ".json" + KATRINEHOLM).json().get(0);
		assertThat(closed.get("status").stringValue()).isEqualTo("closed");
		assertThat(anonymous.get(V2 + "requests.json" + KATRINEHOLM + "&status=closed").body()).contains(number);
		assertThat(anonymous.get(V2 + "requests.json" + KATRINEHOLM + "&status=open").body()).doesNotContain(number);
		assertThat(anonymous.get(V2 + "requests.json" + KATRINEHOLM + "&status=open,closed").body()).contains(number);
		Response place = planner.get("/api/places/" + placeId);
		Response described = planner.put("/api/places/" + placeId, """
				{"type":"Feature","geometry":{"type":"Point","coordinates":[16.2362,59.0012]},
				 "properties":{"name":"Gångvägen bakom förskolan","description":"Ny belysning är uppsatt.",
				  "reasons":["poor_lighting"],"source":"resident","status":"resolved","published":true}}""",
				place.header("ETag"));
		assertThat(described.status()).as(described.toString()).isEqualTo(200);
		JsonNode updated = anonymous.get(V2 + "requests/" + number + ".json" + KATRINEHOLM).json().get(0);
		assertThat(updated.get("description").stringValue()).isEqualTo("Ny belysning är uppsatt.");
		assertThat(updated.get("status_notes").stringValue()).isEqualTo("Åtgärdad");
		assertThat(updated.get("updated_datetime").stringValue()).isGreaterThanOrEqualTo(closed.get("updated_datetime")
			.stringValue());

		for (Response answer : List.of(listed, one, anonymous.get(V2 + "requests.xml" + KATRINEHOLM),
				anonymous.get(V2 + "requests/" + number + ".xml" + KATRINEHOLM))) {
			assertThat(answer.body()).doesNotContain("open311@example.se").doesNotContain("mörk gångväg");
		}
	}

	@Test
	void badRequestsAreRefusedInOpen311sFormAndNothingIsStored() throws Exception {
		ApiClient app = anonymous.from("203.0.113.120");
		long before = jdbc.sql("SELECT count(*) FROM report").query(Long.class).single();
		Map<String, Object> good = Map.of("jurisdiction_id", "katrineholm", "service_code", "vandalism", "lat", "59.0030",
				"long", "16.2340", "description", "Open311 felaktigt tips");
		Map<String, Map<String, Object>> bad = new LinkedHashMap<>();
		bad.put("unknown service_code", with(good, "service_code", "potholes"));
		bad.put("no lat/long", without(good, "lat", "long"));
		bad.put("an address instead", with(without(good, "lat", "long"), "address_string", "Storgatan 1"));
		bad.put("lat not a number", with(good, "lat", "norr"));
		bad.put("lat out of range", with(good, "lat", "91"));
		bad.put("outside the municipality", with(with(good, "lat", "59.3293"), "long", "18.0686"));
		bad.put("a link in the text", with(good, "description", "Se https://example.org/bild"));
		bad.put("too long a text", with(good, "description", "x".repeat(2001)));
		bad.put("a picture", with(good, "media_url", "https://example.org/bild.jpg"));
		bad.put("an unknown attribute", with(good, "attribute[colour]", "red"));
		bad.put("an unknown time", with(good, "attribute[when][]", "always"));
		bad.put("a bad e-mail address", with(good, "email", "inte en adress"));
		bad.put("no jurisdiction with two municipalities", without(good, "jurisdiction_id"));
		for (Map.Entry<String, Map<String, Object>> request : bad.entrySet()) {
			for (String format : List.of("json", "xml")) {
				Response refused = app.post(V2 + "requests." + format, form(request.getValue()), FORM);
				assertError(refused, 400);
				assertThat(refused.body()).as(request.getKey()).isNotBlank();
			}
		}
		assertThat(app.post(V2 + "requests.json", form(with(good, "service_code", "potholes")), FORM).json().get(0)
			.get("description").stringValue()).contains("service_code");
		assertThat(app.post(V2 + "requests.json", form(with(good, "description", "Se www.otrygg.nu")), FORM).json().get(0)
			.get("description").stringValue()).startsWith("description:");
		assertThat(app.post(V2 + "requests.json", form(without(good, "jurisdiction_id")), FORM).json().get(0)
			.get("description").stringValue()).contains("jurisdiction_id").contains("katrineholm").contains("flen");
		assertThat(anonymous.get(V2 + "requests.json" + KATRINEHOLM + "&start_date=2026-02-01&end_date=2026-01-01")
			.json().get(0).get("description").stringValue()).as("the end before the start")
			.startsWith("end_date:").contains("2026-02-01");
		for (String format : List.of("json", "xml")) {
			assertError(app.post(V2 + "requests." + format, form(with(good, "jurisdiction_id", "atlantis")), FORM), 404);
			assertError(anonymous.get(V2 + "services." + format), 400);
			assertError(anonymous.get(V2 + "services." + format + "?jurisdiction_id=atlantis"), 404);
			assertError(anonymous.get(V2 + "requests." + format + KATRINEHOLM + "&start_date=igår"), 400);
			assertError(anonymous.get(V2 + "requests." + format + KATRINEHOLM
					+ "&start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z"), 400);
			assertError(anonymous.get(V2 + "requests." + format + KATRINEHOLM
					+ "&start_date=2026-02-01T00:00:00Z&end_date=2026-01-01T00:00:00Z"), 400);
			assertError(anonymous.get(V2 + "requests." + format + KATRINEHOLM + "&status=pending"), 400);
			assertError(anonymous.post(V2 + "services." + format + KATRINEHOLM, "", FORM), 405);
			assertError(anonymous.get("/open311/v2/nothing." + format), 404);
			assertError(app.post(V2 + "requests." + format, form(with(good, "description", "a".repeat(1_100_000))), FORM),
					413);
			assertError(anonymous.get("/open311/v2//requests." + format), 400);
		}
		assertThat(jdbc.sql("SELECT count(*) FROM report").query(Long.class).single()).as("nothing stored")
			.isEqualTo(before);

		Response plain = app.post(V2 + "requests.json", form(good), FORM);
		assertThat(plain.status()).as("the same request, right: " + plain).isEqualTo(200);
	}

	@Test
	void theSixthServiceRequestWithinAnHourFromOneAddressGets429() {
		ApiClient app = anonymous.from("203.0.113.130");
		Map<String, Object> request = Map.of("jurisdiction_id", "katrineholm", "service_code", "traffic", "lat", "59.0005",
				"long", "16.2310");
		for (int i = 1; i <= 5; i++) {
			Response sent = app.post(V2 + "requests.json", form(with(request, "description", "Open311 tips " + i)), FORM);
			assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
		}
		Response sixth = app.post(V2 + "requests.xml", form(with(request, "description", "Open311 tips 6")), FORM);
		assertError(sixth, 429);
		assertThat(Long.parseLong(sixth.header("Retry-After"))).isBetween(1L, 3600L);
		assertThat(jdbc.sql("SELECT count(*) FROM report WHERE text = 'Open311 tips 6'").query(Long.class).single()).isZero();
	}

	@Test
	void anyOriginMayCallItWithoutCredentialsAndASessionNeedsNoToken() {
		Response services = anonymous.send(anonymous.request(V2 + "services.json" + KATRINEHOLM)
			.header("Origin", "https://civic-app.example").GET());
		assertThat(services.header("Access-Control-Allow-Origin")).isEqualTo("*");
		assertThat(services.header("Access-Control-Allow-Credentials")).isNull();
		for (String method : List.of("GET", "POST")) {
			Response preflight = anonymous.send(anonymous.request(V2 + "requests.json")
				.header("Origin", "https://civic-app.example")
				.header("Access-Control-Request-Method", method)
				.method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
			assertThat(preflight.status()).as(preflight.toString()).isEqualTo(200);
			assertThat(preflight.header("Access-Control-Allow-Origin")).as("never an origin with credentials").isEqualTo("*");
			assertThat(preflight.header("Access-Control-Allow-Credentials")).isNull();
		}

		// A browser with a session (a planner signed in) sends a service request as anyone, without a token.
		BrowserClient signedIn = BrowserClient.on(port).from("203.0.113.140");
		signedIn.logIn("planner", "planner");
		var sent = signedIn.form(V2 + "requests.json", form(fields("jurisdiction_id", "katrineholm", "service_code",
				"other", "lat", "59.0008", "long", "16.2322", "description", "Open311 med session")));
		assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
		assertThat(jdbc.sql("SELECT created_by FROM report WHERE text = 'Open311 med session'").query(String.class)
			.single()).as("sent as a resident, not as the planner").isEqualTo("resident");
		Response discovery = anonymous.get("/open311/discovery.json");
		assertThat(discovery.status()).as(discovery.toString()).isEqualTo(200);
		assertThat(discovery.json().get("endpoints").get(0).get("url").stringValue()).endsWith("/open311/v2");
		assertThat(discovery.json().get("endpoints").get(0).get("specification").stringValue())
			.isEqualTo("http://wiki.open311.org/GeoReport_v2");
	}

	@Test
	void aServiceRequestThatABrowserSendsFromAnotherSitesPageIsRefusedAndNothingIsStored() {
		ApiClient visitor = anonymous.from("203.0.113.150");
		String crossSite = form(fields("jurisdiction_id", "katrineholm", "service_code", "other", "lat", "59.0012",
				"long", "16.2328", "description", "Open311 från en annan webbplats"));
		for (String format : List.of("json", "xml")) {
			Response refused = visitor.send(visitor.request(V2 + "requests." + format)
				.header("Content-Type", FORM)
				.header("Origin", "https://elak-sida.example")
				.header("Sec-Fetch-Site", "cross-site")
				.POST(HttpRequest.BodyPublishers.ofString(crossSite)));
			assertError(refused, 403);
		}
		ApiClient swedish = visitor.language("sv");
		assertThat(swedish.send(swedish.request(V2 + "requests.json").header("Content-Type", FORM)
			.header("Sec-Fetch-Site", "cross-site").POST(HttpRequest.BodyPublishers.ofString(crossSite))).json().get(0)
			.get("description").stringValue()).contains("annan webbplats");
		assertThat(jdbc.sql("SELECT count(*) FROM report WHERE text = 'Open311 från en annan webbplats'")
			.query(Long.class).single()).as("nothing stored").isZero();

		// A server sends no Sec-Fetch-Site; a browser on this site sends same-origin, one opening the address none.
		Map<String, String> sites = new LinkedHashMap<>();
		sites.put("a server", null);
		sites.put("this site", "same-origin");
		sites.put("an address opened", "none");
		for (Map.Entry<String, String> site : sites.entrySet()) {
			String text = "Open311 från " + site.getKey();
			HttpRequest.Builder request = visitor.request(V2 + "requests.json").header("Content-Type", FORM)
				.POST(HttpRequest.BodyPublishers.ofString(form(fields("jurisdiction_id", "katrineholm", "service_code",
						"other", "lat", "59.0012", "long", "16.2328", "description", text))));
			if (site.getValue() != null) {
				request.header("Sec-Fetch-Site", site.getValue());
			}
			Response sent = visitor.send(request);
			assertThat(sent.status()).as(site.getKey() + ": " + sent).isEqualTo(200);
			assertThat(jdbc.sql("SELECT count(*) FROM report WHERE text = :text").param("text", text).query(Long.class)
				.single()).as(site.getKey()).isEqualTo(1);
		}
	}

	@Test
	void withOneMunicipalityTheJurisdictionIsOptional() {
		Map<String, String> database = TestDatabase.freshDatabase("open311_one_municipality");
		try (ConfigurableApplicationContext app = AppInstance.start(database,
				"--trygghetskartan.admin.username=it-admin", "--trygghetskartan.admin.password=en lång egen fras 311")) {
			ApiClient alone = new ApiClient(AppInstance.port(app));
			String slug = "katrineholm";
			Response services = alone.get(V2 + "services.json");
			assertThat(services.status()).as(services.toString()).isEqualTo(200);
			assertThat(services.json()).hasSize(PlaceReason.values().length);
			assertThat(alone.get(V2 + "services.json?jurisdiction_id=" + slug).status()).isEqualTo(200);
			assertThat(alone.get(V2 + "requests.json").json()).isEmpty();
			assertError(alone.get(V2 + "services.xml?jurisdiction_id=flen"), 404);
		}
	}

	// ---- helpers

	private static void assertError(Response response, int status) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		if (response.contentType().startsWith("text/xml")) {
			Document errors = xml(response);
			assertThat(errors.getDocumentElement().getTagName()).isEqualTo("errors");
			assertThat(elements(errors, "error", "code")).as(response.body()).isNotEmpty()
				.allMatch(code -> code.equals(String.valueOf(status)));
			assertThat(elements(errors, "error", "description")).allMatch(description -> !description.isBlank());
		}
		else {
			assertThat(response.contentType()).startsWith("application/json");
			assertThat(response.json().isArray()).as(response.body()).isTrue();
			assertThat(response.json()).isNotEmpty().allMatch(error -> error.get("code").intValue() == status
					&& !error.get("description").stringValue().isBlank() && error.size() == 2);
		}
	}

	private static JsonNode find(JsonNode requests, String number) {
		for (JsonNode request : requests) {
			if (number.equals(request.get("service_request_id").stringValue())) {
				return request;
			}
		}
		return null;
	}

	private static List<String> texts(JsonNode array, String field) {
		List<String> texts = new ArrayList<>();
		array.forEach(item -> texts.add(field == null ? item.stringValue() : item.get(field).stringValue()));
		return texts;
	}

	private static Document xml(Response response) {
		assertThat(response.contentType()).as(response.toString()).startsWith("text/xml");
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			return factory.newDocumentBuilder().parse(new InputSource(new StringReader(response.body())));
		}
		catch (Exception ex) {
			throw new AssertionError("not XML: " + response.body(), ex);
		}
	}

	// The texts of the child elements named {@code field} of every element named {@code item}.
	private static List<String> elements(Document document, String item, String field) {
		List<String> texts = new ArrayList<>();
		NodeList items = document.getElementsByTagName(item);
		for (int i = 0; i < items.getLength(); i++) {
			NodeList children = ((Element) items.item(i)).getElementsByTagName(field);
			for (int j = 0; j < children.getLength(); j++) {
				if (children.item(j).getParentNode() == items.item(i)) {
					texts.add(children.item(j).getTextContent());
				}
			}
		}
		return texts;
	}

	// A form body; a list value is the parameter repeated.
	private static String form(Map<String, Object> fields) {
		return fields.entrySet().stream().flatMap(field -> (field.getValue() instanceof List<?> values ? values
				: List.of(field.getValue())).stream().map(value -> encode(field.getKey()) + "=" + encode(String.valueOf(value))))
			.collect(Collectors.joining("&"));
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static Map<String, Object> fields(Object... namesAndValues) {
		Map<String, Object> fields = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return fields;
	}

	private static Map<String, Object> with(Map<String, Object> fields, String name, Object value) {
		Map<String, Object> changed = new LinkedHashMap<>(fields);
		changed.put(name, value);
		return changed;
	}

	private static Map<String, Object> without(Map<String, Object> fields, String... names) {
		Map<String, Object> changed = new LinkedHashMap<>(fields);
		for (String name : names) {
			changed.remove(name);
		}
		return changed;
	}

}
