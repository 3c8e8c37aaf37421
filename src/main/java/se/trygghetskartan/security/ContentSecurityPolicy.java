package se.trygghetskartan.security;

import java.net.URI;
import java.util.Collection;
import java.util.SortedSet;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The Content-Security-Policy: scripts, styles and fonts from this origin only, images also from the
 * tile servers the municipalities' settings name now (an admin who moves the maps to another tile
 * server needs no restart for the pages to load them). A page with inline scripts (its import map) has them allowed
 * by their hashes, never with 'unsafe-inline'.
 */
@Component
public class ContentSecurityPolicy {

	/** The header's name. */
	public static final String HEADER = "Content-Security-Policy";

	private final ObjectProvider<MapTiles> tiles;

	// Built again only when the tile URLs change.
	private volatile Policy last = new Policy(null, null);

	ContentSecurityPolicy(ObjectProvider<MapTiles> tiles) {
		this.tiles = tiles;
	}

	/** The policy of every response without inline scripts. */
	public String header() {
		SortedSet<String> urls = tiles.getObject().tileUrls();
		Policy policy = last;
		if (!urls.equals(policy.tileUrls())) {
			policy = new Policy(urls, policy(urls, ""));
			last = policy;
		}
		return policy.header();
	}

	/** The policy of a page whose inline scripts have these SHA-256 hashes (base64, as CSP writes them). */
	public String header(Collection<String> inlineScriptSha256) {
		if (inlineScriptSha256.isEmpty()) {
			return header();
		}
		return policy(tiles.getObject().tileUrls(),
				inlineScriptSha256.stream().map(hash -> " 'sha256-" + hash + "'").collect(Collectors.joining()));
	}

	private static String policy(SortedSet<String> tileUrls, String inlineScripts) {
		String origins = tileUrls.stream().map(ContentSecurityPolicy::origin).filter(origin -> !origin.isEmpty())
			.distinct().collect(Collectors.joining(" "));
		return "default-src 'self'; script-src 'self'" + inlineScripts + "; style-src 'self'; img-src 'self' data:"
				+ (origins.isEmpty() ? "" : " " + origins) + "; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; "
				+ "form-action 'self'; frame-ancestors 'none'";
	}

	private static String origin(String tileUrl) {
		if (!tileUrl.startsWith("http://") && !tileUrl.startsWith("https://")) {
			return ""; // data: and same-origin tiles are allowed already
		}
		URI uri = URI.create(tileUrl.replaceAll("[{}]", ""));
		String host = uri.getHost() == null ? "" : uri.getHost();
		// {s}.tile.example.org serves from several subdomains.
		String pattern = tileUrl.contains("{s}.") ? "*." + host.substring(host.indexOf('.') + 1) : host;
		return uri.getScheme() + "://" + pattern + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
	}

	private record Policy(SortedSet<String> tileUrls, String header) {
	}

}
