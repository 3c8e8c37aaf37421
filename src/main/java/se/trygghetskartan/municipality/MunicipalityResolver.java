package se.trygghetskartan.municipality;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every API request is about one municipality: {@code municipality=slug} or the default, resolved
 * before the controller runs, so an unknown slug is a 404 whatever the endpoint, and every module
 * reads the same answer from {@link Municipalities#current()}. The OGC API is also served under each
 * municipality's prefix ({@code /flen/ogc/…}), as QGIS keeps no query on its writes: there the path
 * names the municipality ({@link Municipalities#enterPrefix}).
 */
@Configuration
class MunicipalityResolver implements WebMvcConfigurer, HandlerInterceptor {

	private final Municipalities municipalities;

	MunicipalityResolver(Municipalities municipalities) {
		this.municipalities = municipalities;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns("/api/**", "/ogc/**");
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				String path = request.getRequestURI().substring(request.getContextPath().length());
				municipalities.enterPrefix(path.substring(1, path.indexOf('/', 1)),
						request.getParameter(Municipalities.PARAMETER));
				return true;
			}
		}).addPathPatterns("/*/ogc", "/*/ogc/**");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		municipalities.current();
		return true;
	}

}
