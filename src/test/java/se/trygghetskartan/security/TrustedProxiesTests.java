package se.trygghetskartan.security;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class TrustedProxiesTests {

	private final TrustedProxies proxies = new TrustedProxies(List.of("10.0.0.5", "192.168.10.0/24"));

	@Test
	void withoutATrustedProxyTheConnectionIsTheClientAndForwardedHeadersAreGone() throws Exception {
		HttpServletRequest seen = through(request("203.0.113.9", "198.51.100.1"));

		assertThat(seen.getRemoteAddr()).isEqualTo("203.0.113.9");
		assertThat(seen.getHeader("X-Forwarded-For")).isNull();
		assertThat(seen.getHeader("Forwarded")).isNull();
	}

	@Test
	void aTrustedProxyNamesTheClientAndItsScheme() throws Exception {
		MockHttpServletRequest request = request("10.0.0.5", "198.51.100.1");
		request.addHeader("X-Forwarded-Proto", "https");

		HttpServletRequest seen = through(request);

		assertThat(seen.getRemoteAddr()).isEqualTo("198.51.100.1");
		assertThat(seen.isSecure()).isTrue();
	}

	@Test
	void whatAClientWritesIntoTheHeaderItselfIsIgnoredBehindATrustedProxy() throws Exception {
		// The client sent "X-Forwarded-For: 1.2.3.4"; the proxies appended the client's real address
		// and their own.
		HttpServletRequest seen = through(request("10.0.0.5", "1.2.3.4, 198.51.100.7, 192.168.10.20"));

		assertThat(seen.getRemoteAddr()).isEqualTo("198.51.100.7");
	}

	@Test
	void anRfc7239ForwardedHeaderIsNeverBelieved() throws Exception {
		MockHttpServletRequest request = request("10.0.0.5", "198.51.100.1");
		request.addHeader("Forwarded", "for=1.2.3.4");

		assertThat(through(request).getRemoteAddr()).isEqualTo("198.51.100.1");
	}

	@Test
	void somethingThatIsNoAddressMakesTheLastTrustedProxyTheClient() throws Exception {
		assertThat(through(request("10.0.0.5", "evil.example.org")).getRemoteAddr()).isEqualTo("10.0.0.5");
	}

	private static MockHttpServletRequest request(String connection, String forwardedFor) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/session");
		request.setRemoteAddr(connection);
		request.addHeader("X-Forwarded-For", forwardedFor);
		request.addHeader("Forwarded", "for=6.6.6.6");
		return request;
	}

	private HttpServletRequest through(MockHttpServletRequest request) throws Exception {
		AtomicReference<HttpServletRequest> seen = new AtomicReference<>();
		proxies.doFilter(request, new MockHttpServletResponse(), new MockFilterChain() {
			@Override
			public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
				seen.set((HttpServletRequest) req);
			}
		});
		return seen.get();
	}

}
