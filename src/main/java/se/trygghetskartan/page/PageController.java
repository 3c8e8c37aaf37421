package se.trygghetskartan.page;

import java.nio.charset.StandardCharsets;

import se.trygghetskartan.page.Pages.Page;
import se.trygghetskartan.security.ContentSecurityPolicy;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The pages at their addresses. A page may be stored but is asked for again each time
 * ({@code no-cache}), and answered 304 while it is unchanged (its ETag): so a return visit
 * transfers next to nothing, and a deploy shows at once. Its Content-Security-Policy allows its
 * import map by hash.
 */
@Controller
class PageController {

	private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

	private final Pages pages;

	private final ContentSecurityPolicy contentSecurityPolicy;

	PageController(Pages pages, ContentSecurityPolicy contentSecurityPolicy) {
		this.pages = pages;
		this.contentSecurityPolicy = contentSecurityPolicy;
	}

	@GetMapping({ "/", "/index.html" })
	ResponseEntity<String> map() {
		return page("index.html");
	}

	@GetMapping({ "/uppfoljning", "/uppfoljning.html" })
	ResponseEntity<String> followUp() {
		return page("uppfoljning.html");
	}

	@GetMapping({ "/vandring", "/vandring.html" })
	ResponseEntity<String> walk() {
		return page("vandring.html");
	}

	@GetMapping({ "/om", "/om.html" })
	ResponseEntity<String> about() {
		return page("om.html");
	}

	// The page an e-mail's link opens: one button confirms a subscription or stops mail (a mail scanner
	// following the link changes nothing).
	@GetMapping({ "/abonnemang", "/abonnemang.html" })
	ResponseEntity<String> subscription() {
		return page("abonnemang.html");
	}

	@GetMapping({ "/planering", "/planering/", "/planering/index.html" })
	ResponseEntity<String> planning() {
		return page("planering/index.html");
	}

	@GetMapping({ "/admin", "/admin.html" })
	ResponseEntity<String> admin() {
		return page("admin.html");
	}

	@GetMapping({ "/konto", "/konto.html" })
	ResponseEntity<String> account() {
		return page("konto.html");
	}

	@GetMapping({ "/login", "/login.html" })
	ResponseEntity<String> login() {
		return page("login.html");
	}

	/**
	 * A reporter's private page of a report (the token is the report's secret): read by its script from
	 * /api/reports/follow/{token}. No search engine lists it and no link from it tells another site its
	 * address.
	 */
	@GetMapping("/tips/{token:[A-Za-z0-9_-]{16,64}}")
	ResponseEntity<String> followReport() {
		ResponseEntity<String> page = page("tips.html");
		return ResponseEntity.status(page.getStatusCode())
			.headers(page.getHeaders())
			.header("Referrer-Policy", "no-referrer")
			.header("X-Robots-Tag", "noindex, nofollow")
			.cacheControl(CacheControl.noStore())
			.body(page.getBody());
	}

	ResponseEntity<String> page(String file) {
		return page(pages.get(file));
	}

	/** A page as it is answered: revalidated, with its ETag and its Content-Security-Policy. */
	ResponseEntity<String> page(Page page) {
		return ResponseEntity.ok()
			.contentType(HTML)
			.cacheControl(CacheControl.noCache())
			.eTag(page.etag())
			.header(ContentSecurityPolicy.HEADER, contentSecurityPolicy.header(page.inlineScriptSha256()))
			.body(page.html());
	}

}
