package se.trygghetskartan.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.header.HeaderWriter;

/**
 * Writes the Content-Security-Policy on every response that does not carry one already: a page
 * with an inline import map sets its own, with the map's hash.
 */
final class ContentSecurityPolicyWriter implements HeaderWriter {

	private final ContentSecurityPolicy policy;

	ContentSecurityPolicyWriter(ContentSecurityPolicy policy) {
		this.policy = policy;
	}

	@Override
	public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
		if (!response.containsHeader(ContentSecurityPolicy.HEADER)) {
			response.setHeader(ContentSecurityPolicy.HEADER, policy.header());
		}
	}

}
