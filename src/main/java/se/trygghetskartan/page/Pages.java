package se.trygghetskartan.page;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * The HTML pages as the browser gets them, made from frontend/'s with the markup they share put in
 * (Fragments: the head's style sheets and scripts, the header): every script, style sheet and icon
 * the page links at its hashed URL; an import map that sends each module the page's modules import
 * ({@code './api.js'}) to its hashed URL, and the icons the scripts name to theirs; and a
 * {@code <link rel="modulepreload">} for every module the page loads, found from the import
 * statements (ModuleGraph), so that the browser fetches them all at once instead of discovering one
 * import after the other. Made once (kept while spring.web.resources.chain.cache is on).
 */
@Component
class Pages {

	/** A page: its HTML, a weak ETag of it, and the SHA-256 (base64) of its inline script, the import map. */
	record Page(String html, String etag, List<String> inlineScriptSha256) {
	}

	private static final Pattern ASSET_TAG = Pattern.compile("<(?:script|link)\\b[^>]*>");

	private static final Pattern ASSET_URL = Pattern.compile("\\b(src|href)=\"(/[^\"]*)\"");

	private static final Pattern MODULE_SCRIPT = Pattern.compile("<script type=\"module\" src=\"(/[^\"]+)\"");

	// Files the scripts address by URL rather than import (vocabulary.js's iconUrl asks the import map
	// for them with import.meta.resolve).
	private static final String ADDRESSED_BY_SCRIPTS = "icons/*.svg";

	private final ResourceUrlProvider urls;

	private final ResourcePatternResolver files;

	private final String[] locations;

	private final boolean cache;

	private final JsonMapper json;

	private final Map<String, Page> made = new ConcurrentHashMap<>();

	Pages(ResourceUrlProvider urls, ResourceLoader files, WebProperties web, JsonMapper json) {
		this.urls = urls;
		this.files = ResourcePatternUtils.getResourcePatternResolver(files);
		this.locations = web.getResources().getStaticLocations();
		this.cache = web.getResources().getChain().isCache();
		this.json = json;
	}

	/** The page made from this file of frontend/ ("index.html", "planering/index.html"). */
	Page get(String file) {
		Page page = made.get(file);
		if (page == null) {
			page = make(file);
			// In the moment between Tomcat's start and the app finding its resource handlers there are
			// no hashes yet: a page made then works (with plain URLs) but is not kept.
			if (cache && !urls.getHandlerMap().isEmpty()) {
				made.put(file, page);
			}
		}
		return page;
	}

	private Page make(String file) {
		String written = text("/" + file);
		if (written == null) {
			throw new IllegalStateException("No page " + file + " in " + String.join(", ", locations));
		}
		String html = Fragments.insert(written, this::text);
		List<String> entries = MODULE_SCRIPT.matcher(html).results().map(match -> match.group(1)).toList();
		// A webjar's module (survey.js imports Chart.js on demand) is taken as it is: what it imports
		// itself is its package's business.
		ModuleGraph modules = ModuleGraph.of(entries, path -> path.startsWith("/webjars/") ? "" : text(path));
		Map<String, String> imports = new TreeMap<>();
		Stream.of(modules.loaded(), modules.later(), addressedByScripts()).flatMap(Set::stream).forEach(path -> {
			String hashed = hashed(path);
			if (!hashed.equals(path)) {
				imports.put(path, hashed);
			}
		});
		List<String> inlineScripts = new ArrayList<>();
		StringBuilder importMap = new StringBuilder();
		if (!imports.isEmpty()) {
			String map = json.writeValueAsString(Map.of("imports", imports));
			importMap.append("<script type=\"importmap\">").append(map).append("</script>\n  ");
			inlineScripts.add(Base64.getEncoder().encodeToString(sha256(map)));
		}
		StringBuilder preloads = new StringBuilder();
		modules.loaded().stream().filter(module -> !entries.contains(module)).forEach(module -> preloads
			.append("\n  <link rel=\"modulepreload\" href=\"").append(hashed(module)).append("\">"));
		String page = ASSET_TAG.matcher(html).replaceAll(tag -> Matcher.quoteReplacement(ASSET_URL.matcher(tag.group())
			.replaceAll(url -> Matcher.quoteReplacement(url.group(1) + "=\"" + hashed(url.group(2)) + "\""))));
		int firstModule = page.indexOf("<script type=\"module\"");
		if (firstModule >= 0) {
			// The import map before any module is fetched, else the browser ignores it; the preloads after
			// the entry modules, which the browser then asks for first (with six connections at most over
			// HTTP/1.1, the last one asked for waits).
			String end = "</script>";
			int afterModules = page.indexOf(end, page.lastIndexOf("<script type=\"module\"")) + end.length();
			page = page.substring(0, firstModule) + importMap + page.substring(firstModule, afterModules) + preloads
					+ page.substring(afterModules);
		}
		String etag = "W/\"" + HexFormat.of().formatHex(sha256(page), 0, 12) + "\"";
		return new Page(page, etag, List.copyOf(inlineScripts));
	}

	private String hashed(String path) {
		String url = urls.getForLookupPath(path);
		return url != null ? url : path;
	}

	// A file of frontend/ by its path ("/js/app.js"), from the first static location that has it.
	private String text(String path) {
		for (String location : locations) {
			Resource resource = files.getResource(location + path.substring(1));
			if (resource.isReadable()) {
				try {
					return resource.getContentAsString(StandardCharsets.UTF_8);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}
		return null;
	}

	private Set<String> addressedByScripts() {
		Set<String> paths = new TreeSet<>();
		String folder = ADDRESSED_BY_SCRIPTS.substring(0, ADDRESSED_BY_SCRIPTS.lastIndexOf('/') + 1);
		for (String location : locations) {
			try {
				for (Resource resource : files.getResources(location + ADDRESSED_BY_SCRIPTS)) {
					paths.add("/" + folder + resource.getFilename());
				}
			}
			catch (IOException ex) {
				// A location without such files (file:frontend/ outside the working tree).
			}
		}
		return paths;
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
