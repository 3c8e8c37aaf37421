package se.trygghetskartan.page;

import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.cache.Cache;
import org.springframework.cache.concurrent.ConcurrentMapCache;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceChainRegistration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.CachingResourceResolver;
import org.springframework.web.servlet.resource.CachingResourceTransformer;
import org.springframework.web.servlet.resource.CssLinkResourceTransformer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.PathResourceResolver;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Serves frontend/ (the static locations) and the webjars through Spring's resource chain: every file
 * also answers at a URL with its content's hash in the name ({@code /js/app-<md5>.js}), which the pages
 * link (Pages) and which is cached for a year; webjars answer without their version
 * ({@code /webjars/leaflet/dist/leaflet.js}), so that an upgrade is one line in pom.xml. Boot's own
 * mappings are off (spring.web.resources.add-mappings), since they would serve the same paths
 * without the chain. With spring.web.resources.chain.cache off (the demo profile, which serves
 * frontend/ from the working tree) nothing is cached in the app, so edits show on reload.
 */
@Configuration
class StaticFiles implements WebMvcConfigurer {

	static final String WEBJARS = "classpath:/META-INF/resources/webjars/";

	private final WebProperties.Resources resources;

	StaticFiles(WebProperties web) {
		this.resources = web.getResources();
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		chain(registry.addResourceHandler("/webjars/**").addResourceLocations(WEBJARS), "webjars")
			.addResolver(new LiteWebJarsResourceResolver())
			.addResolver(new PathResourceResolver());
		chain(registry.addResourceHandler("/**").addResourceLocations(resources.getStaticLocations()), "static")
			.addResolver(new PathResourceResolver());
	}

	// Resolvers run in order (cache, then the hash in the name, then the caller's); transformers
	// nest, the first outermost: cache headers on what the rest made, CSS with its url()s hashed.
	private ResourceChainRegistration chain(ResourceHandlerRegistration registration, String name) {
		ResourceChainRegistration chain = registration.resourceChain(false);
		Cache cache = resources.getChain().isCache() ? new ConcurrentMapCache("resources-" + name) : null;
		if (cache != null) {
			chain.addResolver(new CachingResourceResolver(cache));
		}
		chain.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
		chain.addTransformer(new CacheHeaders());
		if (cache != null) {
			chain.addTransformer(new CachingResourceTransformer(cache));
		}
		return chain.addTransformer(new CssLinkResourceTransformer());
	}

}
