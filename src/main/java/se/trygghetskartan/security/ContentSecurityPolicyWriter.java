package se.trygghetskartan.security;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.header.HeaderWriter;

/**
 * The Content-Security-Policy header, with images allowed from the tile server the settings name
 * now: an admin who moves the maps to another tile server needs no restart for the pages to load
 * them. The policy is built again only when the tile URL changes.
 */
final class ContentSecurityPolicyWriter implements HeaderWriter {

	private static final String HEADER = "Content-Security-Policy";

	private final Supplier<String> tileUrl;

	private volatile Policy last = new Policy(null, null);

	ContentSecurityPolicyWriter(Supplier<String> tileUrl) {
		this.tileUrl = tileUrl;
	}

	@Override
	public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
		if (response.containsHeader(HEADER)) {
			return;
		}
		String url = tileUrl.get();
		Policy policy = last;
		if (!url.equals(policy.tileUrl())) {
			policy = new Policy(url, SecurityConfig.contentSecurityPolicy(url));
			last = policy;
		}
		response.setHeader(HEADER, policy.header());
	}

	private record Policy(String tileUrl, String header) {
	}

}
