package se.trygghetskartan.system;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * Which language an answer is in: the request's Accept-Language when it asks for English, else
 * Swedish (as spring-petclinic chooses its messages). The pages are written in Swedish and say so;
 * their scripts switch to English in the browser and ask the API in the language chosen.
 */
@Configuration(proxyBeanMethods = false)
class Languages {

	/** Spring MVC's choice of language for every request ({@code LocaleContextHolder}); the bean's name is Spring's. */
	@Bean
	LocaleResolver localeResolver() {
		AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
		resolver.setSupportedLocales(Messages.LANGUAGES);
		resolver.setDefaultLocale(Messages.SWEDISH);
		return resolver;
	}

	/** The pages (not the API, not scripts and styles) are Swedish documents: {@code Content-Language: sv}. */
	@Bean
	OncePerRequestFilter pageLanguage() {
		return new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				boolean reading = request.getMethod().equals("GET") || request.getMethod().equals("HEAD");
				if (!reading || !isPage(request.getRequestURI().substring(request.getContextPath().length()))) {
					chain.doFilter(request, response);
					return;
				}
				response.setHeader(HttpHeaders.CONTENT_LANGUAGE, Messages.SWEDISH.toLanguageTag());
				// Spring MVC gives a page it forwards to the request's language (setLocale), which would
				// make an English request's Swedish page say it is English.
				chain.doFilter(request, new HttpServletResponseWrapper(response) {

					@Override
					public void setLocale(Locale locale) {
					}

				});
			}

		};
	}

	// "/", "/planering", "/admin.html": a path without a file extension other than .html, outside the
	// API, the actuator's endpoints and the health probes.
	static boolean isPage(String path) {
		if (path.startsWith("/api/") || path.startsWith("/actuator") || path.startsWith("/swagger-ui")
				|| path.equals("/livez") || path.equals("/readyz")) {
			return false;
		}
		String last = path.substring(path.lastIndexOf('/') + 1);
		return !last.contains(".") || last.endsWith(".html");
	}

}
