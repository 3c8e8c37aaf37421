package se.trygghetskartan.page;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.ApiClient.Response;
import se.trygghetskartan.ApiTest;
import se.trygghetskartan.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Static files at hashed URLs cached for a year, pages revalidated, modules found through the import map. */
@IntegrationTest
class StaticFilesIT extends ApiTest {

	static final List<String> PAGES = List.of("/", "/uppfoljning", "/vandring", "/login");

	static final Pattern HASHED = Pattern.compile(".*-[0-9a-f]{32}\\.(js|css|svg|png)$");

	static final Pattern LINKED = Pattern.compile("<(?:script|link)\\b[^>]*\\b(?:src|href)=\"([^\"]+)\"");

	static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>");

	static final Pattern IMPORT_MAP = Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);

	static final Pattern IMPORT = Pattern
		.compile("^\\s*(?:import|export)\\s+(?:[\\w*{}\\s,$]+?\\s+from\\s*)?['\"]([^'\"]+)['\"]", Pattern.MULTILINE);

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void pagesLinkEveryScriptStyleSheetAndIconByItsContentHash() {
		for (String page : PAGES) {
			List<String> linked = linked(anonymous.get(page).body());

			assertThat(linked).as(page).isNotEmpty().allMatch(url -> HASHED.matcher(url).matches());
			assertThat(linked).as(page).anyMatch(url -> url.startsWith("/webjars/leaflet/") || page.equals("/login"));
		}
	}

	@Test
	void staffPagesAreMadeTheSameWay() {
		String[][] pagesAndUsers = { { "/planering", "planner" }, { "/admin", "admin" }, { "/konto", "police" } };
		for (String[] page : pagesAndUsers) {
			Response response = anonymous.as(page[1], page[1]).get(page[0]);

			assertThat(response.status()).as(page[0]).isEqualTo(200);
			assertThat(linked(response.body())).as(page[0]).isNotEmpty().allMatch(url -> HASHED.matcher(url).matches());
			assertThat(importMap(response.body())).as(page[0]).isNotEmpty();
			assertThat(directives(response)).as(page[0]).contains("no-cache");
		}
	}

	@Test
	void hashedFilesAreCachedForAYearAsImmutable() {
		for (String page : PAGES) {
			for (String url : linked(anonymous.get(page).body())) {
				Response file = anonymous.get(url);

				assertThat(file.status()).as(url).isEqualTo(200);
				assertThat(directives(file)).as(url).contains("public", "max-age=31536000", "immutable");
				assertThat(file.header("ETag")).as(url).isNull();
			}
		}
	}

	@Test
	void everyModuleAPageImportsIsMappedToItsHashedUrlAndPreloaded() {
		for (String page : PAGES) {
			String html = anonymous.get(page).body();
			Map<String, String> imports = importMap(html);
			List<String> preloaded = LINKED.matcher(html).results()
				.filter(match -> match.group().contains("rel=\"modulepreload\""))
				.map(match -> match.group(1))
				.toList();
			List<String> entries = Pattern.compile("<script type=\"module\" src=\"([^\"]+)\"").matcher(html).results()
				.map(match -> match.group(1))
				.toList();
			assertThat(entries).as(page).hasSize(1);
			List<String> todo = new ArrayList<>(entries);
			List<String> seen = new ArrayList<>();
			while (!todo.isEmpty()) {
				String hashed = todo.remove(0);
				if (seen.contains(hashed)) {
					continue;
				}
				seen.add(hashed);
				Response module = anonymous.get(hashed);
				assertThat(module.status()).as(hashed).isEqualTo(200);
				assertThat(directives(module)).as(hashed).contains("immutable");
				// The browser resolves ./x.js against the hashed URL it fetched, then looks the result up.
				Matcher imported = IMPORT.matcher(module.body());
				while (imported.find()) {
					String plain = URI.create(hashed).resolve(imported.group(1)).getPath();
					assertThat(imports).as(page + ": " + hashed + " imports " + plain).containsKey(plain);
					assertThat(preloaded).as(page + ": preloads " + plain).contains(imports.get(plain));
					todo.add(imports.get(plain));
				}
			}
			assertThat(seen).as(page).hasSizeGreaterThan(page.equals("/") ? 20 : 3);
			assertThat(preloaded).as(page).hasSize(seen.size() - 1);
		}
	}

	@Test
	void theIconsScriptsNameAndTheModulesTheyImportOnDemandAreMappedToTheirHashedUrls() {
		Map<String, String> imports = importMap(anonymous.get("/").body());
		String followUp = anonymous.get("/uppfoljning").body();

		assertThat(imports.get("/icons/lighting.svg")).matches(HASHED);
		Response icon = anonymous.get(imports.get("/icons/lighting.svg"));
		assertThat(icon.status()).isEqualTo(200);
		assertThat(icon.contentType()).startsWith("image/svg+xml");
		assertThat(directives(icon)).contains("immutable");
		String chart = importMap(followUp).get("/webjars/chart.js/dist/chart.umd.js");
		assertThat(chart).as("Chart.js, which survey.js imports when it draws").matches(HASHED);
		assertThat(directives(anonymous.get(chart))).contains("immutable");
		assertThat(followUp).as("not before the page's modules").doesNotContain("<script src=\"" + chart);
	}

	@Test
	void theContentSecurityPolicyAllowsThePagesImportMapByItsHashAndNothingElseInline() throws Exception {
		for (String page : PAGES) {
			Response response = anonymous.get(page);
			Matcher map = IMPORT_MAP.matcher(response.body());
			assertThat(map.find()).as(page).isTrue();
			String hash = Base64.getEncoder().encodeToString(
					MessageDigest.getInstance("SHA-256").digest(map.group(1).getBytes(StandardCharsets.UTF_8)));

			assertThat(response.header("Content-Security-Policy")).as(page)
				.contains("script-src 'self' 'sha256-" + hash + "';")
				.doesNotContain("unsafe-inline");
			assertThat(INLINE_SCRIPT.matcher(response.body()).results().count()).as(page + ": inline scripts").isOne();
		}
	}

	@Test
	void pagesAreRevalidatedAndAnswered304WhileUnchanged() {
		for (String page : PAGES) {
			Response first = anonymous.get(page);
			assertThat(first.status()).as(page).isEqualTo(200);
			assertThat(directives(first)).as(page).contains("no-cache").doesNotContain("no-store");
			assertThat(first.header("ETag")).as(page).isNotBlank();

			Response again = anonymous.send(anonymous.request(page).header("If-None-Match", first.header("ETag")));

			assertThat(again.status()).as(page).isEqualTo(304);
			assertThat(again.body()).isEmpty();
		}
	}

	@Test
	void thePagesNameNoWebjarVersion() throws Exception {
		try (var files = Files.walk(Path.of("frontend"))) {
			for (Path page : files.filter(file -> file.toString().endsWith(".html")).toList()) {
				assertThat(Files.readString(page)).as(page.toString())
					.doesNotContainPattern("/webjars/[^/\"]+/\\d");
			}
		}
	}

	@Test
	void filesAndWebjarsWithoutVersionAtTheirPlainUrlsAreRevalidatedNotCachedForAYear() {
		for (String url : List.of("/js/app.js", "/css/app.css", "/webjars/leaflet/dist/leaflet.js",
				"/webjars/chart.js/dist/chart.umd.js")) {
			Response plain = anonymous.get(url);
			assertThat(plain.status()).as(url).isEqualTo(200);
			assertThat(plain.body()).as(url).isNotBlank();
			assertThat(directives(plain)).as(url).contains("no-cache").doesNotContain("immutable", "no-store");

			Response again = anonymous
				.send(anonymous.request(url).header("If-Modified-Since", plain.header("Last-Modified")));

			assertThat(again.status()).as(url).isEqualTo(304);
		}
	}

	@Test
	void aHashThatIsNotTheFilesIsNotFoundAndNotCached() {
		Response wrong = anonymous.get("/js/app-0123456789abcdef0123456789abcdef.js");

		assertThat(wrong.status()).isEqualTo(404);
		assertThat(String.valueOf(wrong.header("Cache-Control"))).doesNotContain("immutable", "max-age=31536000");
	}

	@Test
	void pagesScriptsAndStyleSheetsAreCompressed() {
		String page = anonymous.get("/").body();
		String script = linked(page).stream().filter(url -> url.contains("leaflet-")).findFirst().orElseThrow();
		for (String url : List.of("/", script)) {
			Response gzipped = anonymous.send(anonymous.request(url).header("Accept-Encoding", "gzip"));

			assertThat(gzipped.header("Content-Encoding")).as(url).isEqualTo("gzip");
		}
	}

	static List<String> linked(String html) {
		return LINKED.matcher(html).results().map(match -> match.group(1)).toList();
	}

	static Map<String, String> importMap(String html) {
		Matcher map = IMPORT_MAP.matcher(html);
		assertThat(map.find()).as("an import map").isTrue();
		JsonNode imports = JSON.readTree(map.group(1)).get("imports");
		return JSON.convertValue(imports,
				JSON.getTypeFactory().constructMapType(Map.class, String.class, String.class));
	}

	static List<String> directives(Response response) {
		String cacheControl = response.header("Cache-Control");
		return cacheControl == null ? List.of() : List.of(cacheControl.split("\\s*,\\s*"));
	}

}
