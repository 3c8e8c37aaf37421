package se.trygghetskartan.page;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.resource.HttpResource;
import org.springframework.web.servlet.resource.ResourceTransformer;
import org.springframework.web.servlet.resource.ResourceTransformerChain;

/**
 * Cache-Control for a static file: a year and immutable when the URL names the file by its content's
 * hash (what is at that URL never changes), else {@code no-cache}, so the browser asks again
 * (If-Modified-Since) and an old copy never outlives a deploy. Set only on a file served: a 404 for
 * a hash this instance does not know (a newer instance's, during a rolling deploy) must not be
 * cached for a year. A 304 gets none, so the browser keeps what it stored.
 */
final class CacheHeaders implements ResourceTransformer {

	static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	static final CacheControl REVALIDATE = CacheControl.noCache();

	@Override
	public Resource transform(HttpServletRequest request, Resource resource, ResourceTransformerChain chain)
			throws IOException {
		Resource transformed = chain.transform(request, resource);
		// The version resolver answers a hashed name with the file of the plain name, having checked
		// the hash: a name other than the file's is a checked hash.
		String uri = request.getRequestURI();
		boolean hashed = !uri.substring(uri.lastIndexOf('/') + 1).equals(resource.getFilename());
		return new WithCacheControl(transformed, hashed ? IMMUTABLE : REVALIDATE);
	}

	/**
	 * The resource, with a Cache-Control header that ResourceHttpRequestHandler sends along. What the
	 * handler reads of it (content, length, time, name) is the resource's own.
	 */
	private static final class WithCacheControl extends AbstractResource implements HttpResource {

		private final Resource resource;

		private final CacheControl cacheControl;

		WithCacheControl(Resource resource, CacheControl cacheControl) {
			this.resource = resource;
			this.cacheControl = cacheControl;
		}

		@Override
		public HttpHeaders getResponseHeaders() {
			HttpHeaders headers = new HttpHeaders();
			// The version resolver's strong ETag would stop Tomcat from compressing the file; a file
			// cached for good needs none, the others are revalidated by Last-Modified.
			headers.setCacheControl(cacheControl);
			return headers;
		}

		@Override
		public InputStream getInputStream() throws IOException {
			return resource.getInputStream();
		}

		@Override
		public boolean exists() {
			return resource.exists();
		}

		@Override
		public boolean isReadable() {
			return resource.isReadable();
		}

		@Override
		public long contentLength() throws IOException {
			return resource.contentLength();
		}

		@Override
		public long lastModified() throws IOException {
			return resource.lastModified();
		}

		@Override
		public String getFilename() {
			return resource.getFilename();
		}

		@Override
		public String getDescription() {
			return resource.getDescription();
		}

	}

}
