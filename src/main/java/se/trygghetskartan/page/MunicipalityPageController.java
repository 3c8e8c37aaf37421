package se.trygghetskartan.page;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import se.trygghetskartan.overview.MunicipalityOverviews;
import se.trygghetskartan.page.Pages.Page;
import se.trygghetskartan.system.Slugs;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The pages of each municipality under its slug ({@code /flen/}, {@code /flen/uppfoljning},
 * {@code /flen/om}, {@code /flen/vandring?id=3}, and for its staff {@code /flen/planering} and
 * {@code /flen/admin}), and the national page {@code /sverige}. A page under a
 * slug is the page of {@code /}, {@code /uppfoljning}… with the slug on its root element
 * ({@code data-municipality}, which the scripts pass to the API) and its links to the public pages under
 * the same prefix. Only slugs of existing municipalities are pages; anything else at such an address is
 * the 404 of any unknown path, so the app's own paths ({@code /api}, {@code /planering}…) never become
 * municipalities here. Unprefixed addresses stay the default municipality's.
 */
@Controller
class MunicipalityPageController {

	private static final String SLUG = "/{slug:" + Slugs.PATTERN + "}";

	// The links of a page to the pages that have a municipality's version: /, /uppfoljning, /om, /vandring,
	// /planering, /admin.
	private static final Pattern LOCAL_LINK = Pattern
		.compile("\\bhref=\"/(uppfoljning|om|vandring|planering|admin)?(?=[?#\"])");

	private static final Pattern ROOT = Pattern.compile("<html\\b");

	private final PageController pages;

	private final Pages made;

	private final MunicipalityOverviews municipalities;

	MunicipalityPageController(PageController pages, Pages made, MunicipalityOverviews municipalities) {
		this.pages = pages;
		this.made = made;
		this.municipalities = municipalities;
	}

	@GetMapping({ "/sverige", "/sverige.html" })
	ResponseEntity<String> national() {
		return pages.page("sverige.html");
	}

	@GetMapping(SLUG)
	ResponseEntity<Void> withoutSlash(@PathVariable String slug, HttpServletRequest request)
			throws NoResourceFoundException {
		known(slug, request);
		String query = request.getQueryString();
		URI to = URI.create("/" + slug + "/");
		try {
			to = query == null ? to : URI.create(to + "?" + query);
		}
		catch (IllegalArgumentException ex) {
			// A query no URI can hold (a stray %): the page without it, rather than an error.
		}
		return ResponseEntity.status(301).location(to).build();
	}

	// No /{slug}/index.html: such addresses belong to static files (/swagger-ui/index.html), which a
	// mapping here would hide, as it matches before the static files are looked for.
	@GetMapping(SLUG + "/")
	ResponseEntity<String> map(@PathVariable String slug, HttpServletRequest request) throws NoResourceFoundException {
		return page(slug, "index.html", request);
	}

	@GetMapping(SLUG + "/uppfoljning")
	ResponseEntity<String> followUp(@PathVariable String slug, HttpServletRequest request)
			throws NoResourceFoundException {
		return page(slug, "uppfoljning.html", request);
	}

	@GetMapping(SLUG + "/vandring")
	ResponseEntity<String> walk(@PathVariable String slug, HttpServletRequest request) throws NoResourceFoundException {
		return page(slug, "vandring.html", request);
	}

	@GetMapping(SLUG + "/om")
	ResponseEntity<String> about(@PathVariable String slug, HttpServletRequest request) throws NoResourceFoundException {
		return page(slug, "om.html", request);
	}

	// Signing in is checked before (SecurityConfig), as for /planering and /admin; the API then answers
	// by the user's grants in this municipality.
	@GetMapping({ SLUG + "/planering", SLUG + "/planering/" })
	ResponseEntity<String> planning(@PathVariable String slug, HttpServletRequest request)
			throws NoResourceFoundException {
		return page(slug, "planering/index.html", request);
	}

	@GetMapping(SLUG + "/admin")
	ResponseEntity<String> admin(@PathVariable String slug, HttpServletRequest request) throws NoResourceFoundException {
		return page(slug, "admin.html", request);
	}

	private ResponseEntity<String> page(String slug, String file, HttpServletRequest request)
			throws NoResourceFoundException {
		known(slug, request);
		return pages.page(underSlug(made.get(file), slug));
	}

	private void known(String slug, HttpServletRequest request) throws NoResourceFoundException {
		if (!exists(slug)) {
			String path = request.getRequestURI();
			throw new NoResourceFoundException(HttpMethod.GET, path, path.substring(1));
		}
	}

	// While the database cannot say, the page is served as / is: its requests then say that the data is
	// temporarily unavailable, and it loads itself again when the database is back.
	private boolean exists(String slug) {
		try {
			return municipalities.exists(slug);
		}
		catch (DataAccessException | TransactionException ex) {
			return true;
		}
	}

	/** The page with the slug on its root element and its links to pages with a municipality's version under /slug/. */
	static Page underSlug(Page page, String slug) {
		String html = ROOT.matcher(page.html()).replaceFirst("<html data-municipality=\"" + slug + "\"");
		html = LOCAL_LINK.matcher(html).replaceAll(link -> Matcher.quoteReplacement(
				"href=\"/" + slug + "/" + (link.group(1) == null ? "" : link.group(1))));
		String etag = page.etag().substring(0, page.etag().length() - 1) + "-" + slug + "\"";
		return new Page(html, etag, page.inlineScriptSha256());
	}

}
