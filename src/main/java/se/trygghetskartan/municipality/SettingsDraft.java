package se.trygghetskartan.municipality;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import se.trygghetskartan.geo.BoundingBox;
import se.trygghetskartan.municipality.MunicipalitySettings.StartView;
import se.trygghetskartan.system.InvalidRequestException;
import se.trygghetskartan.system.Reason;
import se.trygghetskartan.system.EmailAddresses;
import se.trygghetskartan.system.RequestError;
import se.trygghetskartan.system.Violation;
import tools.jackson.databind.JsonNode;

/**
 * Settings as an admin sent them (or the environment gave them), checked field by field: every
 * problem is named with its field, all at once.
 */
record SettingsDraft(String name, BoundingBox extent, StartView startView, String tileUrl, String tileAttribution,
		int maxZoom, String contactEmail, String accessibilityContact) {

	static final int MAX_NAME = 100;

	static final int MAX_ATTRIBUTION = 300;

	static final int MAX_TILE_URL = 500;

	static final int MAX_EMAIL = EmailAddresses.MAX_LENGTH;

	static final int MAX_CONTACT = 500;

	// Leaflet's placeholders; {z}, {x} and {y} (or {-y}, for TMS) are needed, the rest are optional.
	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(s|z|x|y|-y|r)\\}");

	// What could end a directive of the Content-Security-Policy the URL's host goes into, or hide a
	// second URL: none of it belongs in a tile URL.
	private static final Pattern UNSAFE = Pattern.compile("[\\s;,'\"<>\\\\`*]|\\p{Cntrl}");

	private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

	/**
	 * The settings a PUT sends: {name, extent, startView, tileUrl, tileAttribution, maxZoom} and optionally
	 * {contactEmail, accessibilityContact}; else a 422.
	 */
	static SettingsDraft read(JsonNode body) {
		if (body == null || !body.isObject()) {
			throw InvalidRequestException.body("", RequestError.NOT_JSON_OBJECT);
		}
		List<Violation> violations = new ArrayList<>();
		String name = text(body, "name", MAX_NAME, violations);
		BoundingBox extent = extent(body.get("extent"), violations);
		StartView startView = startView(body.get("startView"), violations);
		String tileUrl = text(body, "tileUrl", MAX_TILE_URL, violations);
		String attribution = text(body, "tileAttribution", MAX_ATTRIBUTION, violations);
		JsonNode zoom = body.get("maxZoom");
		int maxZoom = 0;
		if (zoom == null || !zoom.isIntegralNumber() || !zoom.canConvertToInt() || zoom.intValue() < 1
				|| zoom.intValue() > 22) {
			violations.add(new Violation("maxZoom", RequestError.NOT_WHOLE_NUMBER, "min", 1, "max", 22));
		}
		else {
			maxZoom = zoom.intValue();
		}
		String contactEmail = optionalText(body, "contactEmail", violations);
		String accessibilityContact = optionalText(body, "accessibilityContact", violations);
		SettingsDraft draft = new SettingsDraft(name, extent, startView, tileUrl, attribution, maxZoom, contactEmail,
				accessibilityContact);
		// Every field's problem at once: what the others' values say too, unless the field was unreadable.
		Set<String> unreadable = new HashSet<>();
		violations.forEach(violation -> unreadable.add(topField(violation)));
		draft.violations().stream().filter(violation -> !unreadable.contains(topField(violation))).forEach(violations::add);
		if (!violations.isEmpty()) {
			throw InvalidRequestException.body(violations);
		}
		return draft;
	}

	private static String topField(Violation violation) {
		return violation.field().split("\\.")[0];
	}

	/** What is wrong with these values together: the box, the URL, the start view inside the box. */
	List<Violation> violations() {
		List<Violation> violations = new ArrayList<>();
		if (name == null || name.isBlank() || name.length() > MAX_NAME || CONTROL.matcher(name).find()) {
			violations.add(new Violation("name", SettingsError.PLAIN_TEXT, "max", MAX_NAME));
		}
		if (tileAttribution == null || tileAttribution.length() > MAX_ATTRIBUTION
				|| CONTROL.matcher(tileAttribution).find()) {
			violations.add(new Violation("tileAttribution", SettingsError.PLAIN_TEXT, "max", MAX_ATTRIBUTION));
		}
		Reason urlProblem = tileUrlProblem(tileUrl);
		if (urlProblem != null) {
			violations.add(new Violation("tileUrl", urlProblem));
		}
		Reason extentProblem = extentProblem(extent);
		if (extentProblem != null) {
			violations.add(new Violation("extent", extentProblem));
		}
		else if (startView != null) {
			if (!extent.contains(startView.lon(), startView.lat())) {
				violations.add(new Violation("startView.center", SettingsError.START_OUTSIDE_EXTENT, "position",
						new double[] { startView.lon(), startView.lat() }, "extent", extent.toList()));
			}
		}
		if (maxZoom < 1 || maxZoom > 22) {
			violations.add(new Violation("maxZoom", RequestError.NOT_WHOLE_NUMBER, "min", 1, "max", 22));
		}
		else if (startView != null && (startView.zoom() < 0 || startView.zoom() > maxZoom)) {
			violations.add(new Violation("startView.zoom", RequestError.OUT_OF_RANGE, "min", 0, "max", maxZoom));
		}
		if (contactEmail != null && !isEmail(contactEmail)) {
			violations.add(new Violation("contactEmail", RequestError.NOT_EMAIL));
		}
		if (accessibilityContact != null && !isEmail(accessibilityContact)
				&& formUrlProblem(accessibilityContact) != null) {
			violations.add(new Violation("accessibilityContact", RequestError.NOT_EMAIL_OR_FORM));
		}
		return violations;
	}

	private static Reason extentProblem(BoundingBox box) {
		if (box == null) {
			return Reason.of(SettingsError.EXTENT_REQUIRED);
		}
		if (box.minLon() < -180 || box.maxLon() > 180 || box.minLat() < -90 || box.maxLat() > 90) {
			return Reason.of(RequestError.LON_LAT_RANGE);
		}
		if (box.minLon() >= box.maxLon() || box.minLat() >= box.maxLat()) {
			return Reason.of(RequestError.MIN_ABOVE_MAX);
		}
		return null;
	}

	/** Why a tile URL will not do, or null: http(s), a host, {z}/{x}/{y}, nothing that is not a URL. */
	static Reason tileUrlProblem(String url) {
		if (url == null || url.isBlank()) {
			return Reason.of(SettingsError.TILE_URL_REQUIRED);
		}
		if (url.length() > MAX_TILE_URL) {
			return Reason.of(RequestError.TOO_LONG, "max", MAX_TILE_URL);
		}
		if (!url.startsWith("https://") && !url.startsWith("http://")) {
			return Reason.of(SettingsError.TILE_URL_SCHEME);
		}
		if (UNSAFE.matcher(url).find()) {
			return Reason.of(SettingsError.TILE_URL_CHARACTERS);
		}
		if (!url.contains("{z}") || !url.contains("{x}") || !(url.contains("{y}") || url.contains("{-y}"))) {
			return Reason.of(SettingsError.TILE_URL_PLACEHOLDERS);
		}
		String authority = url.substring(url.indexOf("://") + 3).split("/", 2)[0];
		if (authority.replace("{s}", "").contains("{") || (authority.contains("{s}") && !authority.startsWith("{s}."))) {
			return Reason.of(SettingsError.TILE_URL_HOST_PLACEHOLDER);
		}
		String sample = PLACEHOLDER.matcher(url).replaceAll("0");
		if (sample.contains("{") || sample.contains("}")) {
			return Reason.of(SettingsError.TILE_URL_UNKNOWN_PLACEHOLDER);
		}
		try {
			URI uri = new URI(sample);
			if (uri.getHost() == null || uri.getRawUserInfo() != null) {
				return Reason.of(SettingsError.TILE_URL_HOST);
			}
		}
		catch (URISyntaxException ex) {
			return Reason.of(SettingsError.TILE_URL_INVALID, "detail", ex.getReason());
		}
		return null;
	}

	private static boolean isEmail(String text) {
		return EmailAddresses.isEmail(text);
	}

	/** Why an address of a web form will not do as a link on the about page, or null. */
	private static String formUrlProblem(String url) {
		if (url.length() > MAX_CONTACT || !(url.startsWith("https://") || url.startsWith("http://"))
				|| UNSAFE.matcher(url).find()) {
			return "not an http(s) address";
		}
		try {
			URI uri = new URI(url);
			return uri.getHost() == null || uri.getRawUserInfo() != null ? "no host" : null;
		}
		catch (URISyntaxException ex) {
			return ex.getReason();
		}
	}

	// A field that may be left out: absent, null or blank are all "not given".
	private static String optionalText(JsonNode body, String field, List<Violation> violations) {
		JsonNode value = body.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			violations.add(new Violation(field, RequestError.NOT_STRING));
			return null;
		}
		String text = value.stringValue().strip();
		return text.isEmpty() ? null : text;
	}

	private static String text(JsonNode body, String field, int maxLength, List<Violation> violations) {
		JsonNode value = body.get(field);
		if (value == null || !value.isString()) {
			violations.add(new Violation(field, SettingsError.PLAIN_TEXT, "max", maxLength));
			return null;
		}
		return value.stringValue().strip();
	}

	private static BoundingBox extent(JsonNode value, List<Violation> violations) {
		double[] numbers = numbers(value, 4);
		if (numbers == null) {
			violations.add(new Violation("extent", SettingsError.EXTENT_REQUIRED));
			return null;
		}
		return new BoundingBox(numbers[0], numbers[1], numbers[2], numbers[3]);
	}

	private static StartView startView(JsonNode value, List<Violation> violations) {
		if (value == null || value.isNull()) {
			return null;
		}
		double[] center = numbers(value.get("center"), 2);
		JsonNode zoom = value.get("zoom");
		if (!value.isObject() || center == null) {
			violations.add(new Violation("startView.center", SettingsError.START_CENTER_REQUIRED));
			return null;
		}
		if (zoom == null || !zoom.isNumber() || !Double.isFinite(zoom.doubleValue())) {
			violations.add(new Violation("startView.zoom", RequestError.REQUIRED));
			return null;
		}
		return new StartView(center[0], center[1], zoom.doubleValue());
	}

	private static double[] numbers(JsonNode value, int count) {
		if (value == null || !value.isArray() || value.size() != count) {
			return null;
		}
		double[] numbers = new double[count];
		for (int i = 0; i < count; i++) {
			JsonNode number = value.get(i);
			if (!number.isNumber() || !Double.isFinite(number.doubleValue())) {
				return null;
			}
			numbers[i] = number.doubleValue();
		}
		return numbers;
	}

}
