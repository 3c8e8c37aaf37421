package se.trygghetskartan.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.web.filter.ForwardedHeaderFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The client's address (what login throttling counts) is the connection's, unless the connection comes
 * from a trusted proxy (TRYGGHETSKARTAN_TRUSTED_PROXIES: addresses and CIDR ranges). Then
 * X-Forwarded-For is read from the right, skipping trusted proxies: the first other address is the
 * client, so whatever a client puts into the header itself stays to the left and is never used. Spring's
 * ForwardedHeaderFilter then applies it with X-Forwarded-Proto, -Host and -Port (for redirects and
 * secure cookies behind a TLS proxy). From anyone else every forwarded header is removed unread, and
 * the RFC 7239 Forwarded header always is: a proxy that sets X-Forwarded-For passes it on untouched.
 */
final class TrustedProxies extends OncePerRequestFilter {

	private static final String X_FORWARDED_FOR = "x-forwarded-for";

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

	private final List<IpAddressMatcher> proxies = new ArrayList<>();

	private final ForwardedHeaderFilter apply = new ForwardedHeaderFilter();

	private final ForwardedHeaderFilter remove = new ForwardedHeaderFilter();

	TrustedProxies(List<String> addresses) {
		for (String address : addresses) {
			if (!address.isBlank()) {
				proxies.add(new IpAddressMatcher(address.strip()));
			}
		}
		remove.setRemoveOnly(true);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!trusted(request.getRemoteAddr())) {
			remove.doFilter(request, response, chain);
			return;
		}
		apply.doFilter(new ClientAddressRequest(request, client(request)), response, chain);
	}

	/** The client's address for a request that came through a trusted proxy. */
	String client(HttpServletRequest request) {
		List<String> hops = new ArrayList<>();
		for (Enumeration<String> headers = request.getHeaders(X_FORWARDED_FOR); headers.hasMoreElements();) {
			for (String hop : headers.nextElement().split(",")) {
				if (!hop.isBlank()) {
					hops.add(hop.strip());
				}
			}
		}
		String client = request.getRemoteAddr();
		for (int i = hops.size() - 1; i >= 0 && trusted(client); i--) {
			if (!isAddress(hops.get(i))) {
				// Not an address: whoever wrote it is not to be believed; the last proxy is the best we know.
				break;
			}
			client = hops.get(i);
		}
		return client;
	}

	private boolean trusted(String address) {
		return isAddress(address) && proxies.stream().anyMatch(proxy -> proxy.matches(address));
	}

	// Literal addresses only, so that matching never resolves a host name.
	private static boolean isAddress(String text) {
		return text != null && (IPV4.matcher(text).matches() || IPV6.matcher(text).matches());
	}

	/** The request with X-Forwarded-For reduced to the client found, and without Forwarded. */
	private static final class ClientAddressRequest extends HttpServletRequestWrapper {

		private final String client;

		ClientAddressRequest(HttpServletRequest request, String client) {
			super(request);
			this.client = client;
		}

		@Override
		public String getHeader(String name) {
			return switch (name.toLowerCase(Locale.ROOT)) {
				case X_FORWARDED_FOR -> client;
				case "forwarded" -> null;
				default -> super.getHeader(name);
			};
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return switch (name.toLowerCase(Locale.ROOT)) {
				case X_FORWARDED_FOR -> Collections.enumeration(List.of(client));
				case "forwarded" -> Collections.emptyEnumeration();
				default -> super.getHeaders(name);
			};
		}

		@Override
		public Enumeration<String> getHeaderNames() {
			List<String> names = new ArrayList<>();
			for (String name : Collections.list(super.getHeaderNames())) {
				if (!name.equalsIgnoreCase("forwarded") && !name.equalsIgnoreCase(X_FORWARDED_FOR)) {
					names.add(name);
				}
			}
			names.add("X-Forwarded-For");
			return Collections.enumeration(names);
		}

	}

}
