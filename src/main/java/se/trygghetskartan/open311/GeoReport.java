package se.trygghetskartan.open311;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import se.trygghetskartan.municipality.Municipalities;
import se.trygghetskartan.municipality.MunicipalitySettings;
import se.trygghetskartan.place.PlaceReason;
import se.trygghetskartan.report.PublishedReport;
import se.trygghetskartan.report.ReportService;
import se.trygghetskartan.report.ReportTime;
import se.trygghetskartan.system.Codes;
import se.trygghetskartan.system.InvalidRequestException;
import se.trygghetskartan.system.Messages;
import se.trygghetskartan.system.NotFoundException;
import se.trygghetskartan.system.RequestError;
import se.trygghetskartan.system.Violation;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * GeoReport v2 over the report module: one service per place reason, its “when” attribute, a service
 * request sent as a report (same checks, same throttle, into the moderation queue), and the requests
 * that became published places, as documents of plain lists and maps (Open311Format writes them).
 * Names and texts are in the request's language, Swedish first.
 */
@Component
class GeoReport {

	/** The one attribute of every service: when the place feels unsafe. */
	static final String WHEN = "when";

	/** How far back the default query reaches, and the widest window start_date and end_date may span. */
	static final Duration WINDOW = Duration.ofDays(90);

	/** The most requests one query answers. */
	static final int MAX_RESULTS = 1000;

	private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

	private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[([^\\]]*)\\](\\[\\])?");

	private final ReportService reports;

	private final Municipalities municipalities;

	private final Messages messages;

	GeoReport(ReportService reports, Municipalities municipalities, Messages messages) {
		this.reports = reports;
		this.municipalities = municipalities;
		this.messages = messages;
	}

	/**
	 * From here on the request is about the municipality {@code jurisdiction_id} names: optional while
	 * the installation has one, required (400) once it has several; 404 for one it does not have.
	 */
	MunicipalitySettings jurisdiction(String id) {
		MunicipalitySettings municipality;
		if (id == null || id.isBlank()) {
			List<MunicipalitySettings> all = municipalities.all();
			if (all.size() > 1) {
				throw InvalidRequestException.parameter("jurisdiction_id", Open311Error.JURISDICTION_REQUIRED, "allowed",
						all.stream().map(MunicipalitySettings::slug).toList());
			}
			municipality = municipalities.defaultMunicipality();
		}
		else {
			municipality = municipalities.resolve(id);
		}
		municipalities.enter(municipality.id());
		return municipality;
	}

	/** Every service: one per place reason. */
	List<Map<String, Object>> services() {
		Locale language = Messages.current();
		List<Map<String, Object>> services = new ArrayList<>();
		for (PlaceReason reason : PlaceReason.values()) {
			String name = label("placeReasons", reason, language);
			Map<String, Object> service = new LinkedHashMap<>();
			service.put("service_code", Codes.of(reason));
			service.put("service_name", name);
			service.put("description", messages.text("open311.service.description", Map.of("name", name), language));
			service.put("metadata", true);
			service.put("type", "realtime");
			service.put("keywords",
					messages.text("open311.service.keywords", Map.of("name", name.toLowerCase(language)), language));
			service.put("group", messages.text("open311.service.group", Map.of(), language));
			services.add(service);
		}
		return services;
	}

	/** The definition of a service: its “when” attribute with the report times; 404 for no such service. */
	Map<String, Object> definition(String code) {
		PlaceReason reason = Codes.find(PlaceReason.class, code).orElseThrow(() -> new NotFoundException("service", code));
		Locale language = Messages.current();
		List<Map<String, Object>> values = new ArrayList<>();
		for (ReportTime time : ReportTime.values()) {
			Map<String, Object> value = new LinkedHashMap<>();
			value.put("key", Codes.of(time));
			value.put("name", label("reportTimes", time, language));
			values.add(value);
		}
		Map<String, Object> attribute = new LinkedHashMap<>();
		attribute.put("variable", true);
		attribute.put("code", WHEN);
		attribute.put("datatype", "multivaluelist");
		attribute.put("required", false);
		attribute.put("datatype_description", null);
		attribute.put("order", 1);
		attribute.put("description", messages.text("open311.when.description", Map.of(), language));
		attribute.put("values", values);
		Map<String, Object> definition = new LinkedHashMap<>();
		definition.put("service_code", Codes.of(reason));
		definition.put("attributes", List.of(attribute));
		return definition;
	}

	/**
	 * Sends a service request as a resident's report from {@code address}: its number and the notice.
	 * Names, phone numbers, device and account ids are accepted and dropped; pictures and addresses
	 * without lat/long are refused. Everything wrong is one 400, nothing stored.
	 */
	List<Map<String, Object>> send(Map<String, String[]> parameters, String address) {
		List<Violation> violations = new ArrayList<>();
		String code = single(parameters, "service_code");
		PlaceReason reason = null;
		if (code == null) {
			violations.add(new Violation("service_code", RequestError.REQUIRED));
		}
		else {
			reason = Codes.find(PlaceReason.class, code).orElse(null);
			if (reason == null) {
				violations.add(new Violation("service_code", RequestError.NOT_ONE_OF, "value", code, "allowed",
						Codes.allowed(PlaceReason.class)));
			}
		}
		if (single(parameters, "media_url") != null) {
			violations.add(new Violation("media_url", Open311Error.MEDIA_NOT_ACCEPTED));
		}
		String lat = single(parameters, "lat");
		String lon = single(parameters, "long");
		Double latitude = null;
		Double longitude = null;
		if (lat == null && lon == null) {
			violations.add(new Violation("lat", Open311Error.LOCATION_REQUIRED));
		}
		else {
			latitude = coordinate(violations, "lat", lat, 90);
			longitude = coordinate(violations, "long", lon, 180);
		}
		Set<String> when = when(parameters, violations);
		if (!violations.isEmpty()) {
			throw new InvalidRequestException(HttpStatus.BAD_REQUEST, violations);
		}
		ObjectNode report = JsonNodeFactory.instance.objectNode();
		report.putObject("location").put("type", "Point").putArray("coordinates").add(longitude).add(latitude);
		report.putArray("reasons").add(Codes.of(reason));
		if (!when.isEmpty()) {
			when.forEach(report.putArray("when")::add);
		}
		for (String[] field : new String[][] { { "description", "text" }, { "email", "email" } }) {
			String value = single(parameters, field[0]);
			if (value != null) {
				report.put(field[1], value);
			}
		}
		ReportService.Receipt receipt;
		try {
			receipt = reports.send(report, address);
		}
		catch (InvalidRequestException ex) {
			throw new InvalidRequestException(HttpStatus.BAD_REQUEST,
					ex.violations().stream().map(v -> new Violation(parameter(v.field()), v.reason())).toList());
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("service_request_id", receipt.number());
		answer.put("service_notice", messages.text("open311.service_notice", Map.of(), Messages.current()));
		answer.put("account_id", null);
		return List.of(answer);
	}

	/**
	 * The service requests that became published places: those numbered in {@code service_request_id}
	 * (the other parameters then ignored), else those of the services, received within the window
	 * (by default the last 90 days) and of the statuses, newest first, at most 1000.
	 */
	List<Map<String, Object>> requests(Map<String, String[]> parameters) {
		List<Violation> violations = new ArrayList<>();
		String ids = single(parameters, "service_request_id");
		List<String> numbers = ids == null ? null : list(ids);
		List<String> codes = new ArrayList<>();
		for (String code : list(single(parameters, "service_code"))) {
			if (Codes.find(PlaceReason.class, code).isEmpty()) {
				violations.add(new Violation("service_code", RequestError.NOT_ONE_OF, "value", code, "allowed",
						Codes.allowed(PlaceReason.class)));
			}
			codes.add(code);
		}
		Instant start = instant(violations, "start_date", single(parameters, "start_date"));
		Instant end = instant(violations, "end_date", single(parameters, "end_date"));
		if (start != null && end != null && end.isBefore(start)) {
			violations.add(new Violation("end_date", RequestError.ENDS_BEFORE_START, "start",
					single(parameters, "start_date")));
		}
		else if (start != null && end != null && Duration.between(start, end).compareTo(WINDOW) > 0) {
			violations.add(new Violation("end_date", Open311Error.WINDOW_TOO_LONG, "days", WINDOW.toDays()));
		}
		Boolean closed = null;
		Set<String> statuses = new LinkedHashSet<>(list(single(parameters, "status")));
		for (String status : statuses) {
			if (!status.equals("open") && !status.equals("closed")) {
				violations.add(new Violation("status", RequestError.NOT_ONE_OF, "value", status, "allowed",
						List.of("open", "closed")));
			}
		}
		if (statuses.size() == 1) {
			closed = statuses.contains("closed");
		}
		if (!violations.isEmpty()) {
			throw new InvalidRequestException(HttpStatus.BAD_REQUEST, violations);
		}
		if (start == null && end == null) {
			start = Instant.now().minus(WINDOW);
		}
		else if (start == null) {
			start = end.minus(WINDOW);
		}
		else if (end == null) {
			end = start.plus(WINDOW);
		}
		return answers(reports.published(new PublishedReport.Query(numbers, codes, start, end, closed, MAX_RESULTS)));
	}

	/** One service request that became a published place; 404 for any other number. */
	List<Map<String, Object>> request(String number) {
		List<Map<String, Object>> found = answers(
				reports.published(new PublishedReport.Query(List.of(number), List.of(), null, null, null, 1)));
		if (found.isEmpty()) {
			throw new NotFoundException("service request", number);
		}
		return found;
	}

	private List<Map<String, Object>> answers(List<PublishedReport> published) {
		Locale language = Messages.current();
		String agency = municipalities.current().name();
		return published.stream().map(report -> {
			PlaceReason reason = Arrays.stream(PlaceReason.values())
				.filter(r -> report.reasons().contains(Codes.of(r)))
				.findFirst()
				.orElse(PlaceReason.OTHER);
			Map<String, Object> request = new LinkedHashMap<>();
			request.put("service_request_id", report.number());
			request.put("status", report.closed() ? "closed" : "open");
			request.put("status_notes", label("placeStatuses", report.placeStatus(), language));
			request.put("service_name", label("placeReasons", reason, language));
			request.put("service_code", Codes.of(reason));
			request.put("description", report.description() == null ? "" : report.description());
			request.put("agency_responsible", agency);
			request.put("service_notice", null);
			request.put("requested_datetime", w3c(report.receivedAt()));
			request.put("updated_datetime", w3c(report.updatedAt()));
			request.put("expected_datetime", null);
			request.put("address", report.district() == null ? "" : report.district());
			request.put("address_id", null);
			request.put("zipcode", null);
			request.put("lat", report.lat());
			request.put("long", report.lon());
			request.put("media_url", null);
			return request;
		}).toList();
	}

	// The attribute's values, given as attribute[when][]=a&attribute[when][]=b or attribute[when]=a.
	private static Set<String> when(Map<String, String[]> parameters, List<Violation> violations) {
		Set<String> when = new LinkedHashSet<>();
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			if (!parameter.getKey().startsWith("attribute")) {
				continue;
			}
			Matcher attribute = ATTRIBUTE.matcher(parameter.getKey());
			if (!attribute.matches() || !attribute.group(1).equals(WHEN)) {
				violations.add(new Violation(parameter.getKey(), Open311Error.UNKNOWN_ATTRIBUTE, "attribute",
						attribute.matches() ? attribute.group(1) : parameter.getKey(), "allowed", List.of(WHEN)));
				continue;
			}
			for (String value : parameter.getValue()) {
				if (value.isBlank()) {
					continue;
				}
				if (Codes.find(ReportTime.class, value.strip()).isEmpty()) {
					violations.add(new Violation(parameter.getKey(), RequestError.NOT_ONE_OF, "value", value.strip(),
							"allowed", Codes.allowed(ReportTime.class)));
				}
				when.add(value.strip());
			}
		}
		return when;
	}

	// The report's fields by their names in Open311.
	private static String parameter(String field) {
		if (field.startsWith("location")) {
			return "lat/long";
		}
		if (field.startsWith("text")) {
			return "description";
		}
		if (field.startsWith("reasons")) {
			return "service_code";
		}
		if (field.startsWith("when")) {
			return "attribute[when]";
		}
		return field;
	}

	private static Double coordinate(List<Violation> violations, String name, String value, double max) {
		if (value == null) {
			violations.add(new Violation(name, RequestError.REQUIRED));
			return null;
		}
		try {
			double coordinate = Double.parseDouble(value);
			if (Double.isFinite(coordinate) && coordinate >= -max && coordinate <= max) {
				return coordinate;
			}
			violations.add(new Violation(name, RequestError.OUT_OF_RANGE, "min", -max, "max", max));
		}
		catch (NumberFormatException ex) {
			violations.add(new Violation(name, RequestError.NOT_A_VALUE, "value", value, "type", "double"));
		}
		return null;
	}

	// A W3C date-time with its offset, or a date (from midnight in Sweden).
	private static Instant instant(List<Violation> violations, String name, String value) {
		if (value == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException notDateTime) {
			try {
				return LocalDate.parse(value).atStartOfDay(SWEDEN).toInstant();
			}
			catch (DateTimeParseException notDate) {
				violations.add(new Violation(name, Open311Error.NOT_A_W3C_DATETIME, "value", value));
				return null;
			}
		}
	}

	private static String w3c(Instant instant) {
		return instant.atZone(SWEDEN).toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS)
			.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}

	private String label(String vocabulary, Enum<?> constant, Locale language) {
		return messages.text(vocabulary + "." + Codes.of(constant), Map.of(), language);
	}

	// A parameter's value, stripped; null when absent or blank.
	private static String single(Map<String, String[]> parameters, String name) {
		String[] values = parameters.get(name);
		if (values == null || values.length == 0 || values[0] == null || values[0].isBlank()) {
			return null;
		}
		return values[0].strip();
	}

	private static List<String> list(String commaSeparated) {
		if (commaSeparated == null) {
			return List.of();
		}
		return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

}
