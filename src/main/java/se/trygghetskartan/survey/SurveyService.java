package se.trygghetskartan.survey;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import se.trygghetskartan.account.Role;
import se.trygghetskartan.municipality.Municipalities;
import se.trygghetskartan.system.Codes;
import se.trygghetskartan.system.Csv;
import se.trygghetskartan.system.CsvColumn;
import se.trygghetskartan.system.CsvHeader;
import se.trygghetskartan.system.CsvRecords;
import se.trygghetskartan.system.InvalidValueException;
import se.trygghetskartan.system.Rejections;
import se.trygghetskartan.system.RequestError;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Survey results. The CSV has a header row with the columns district (slug or name), year,
 * indicator, value and respondents, separated by ';', ',' or a tab; with ';' or a tab a decimal comma
 * is fine.
 * Good lines are stored (a value for the same district, year and indicator is replaced), bad lines
 * are reported.
 */
@Service
public class SurveyService {

	private final JdbcClient jdbc;

	private final int minRespondents;

	private final Municipalities municipalities;

	SurveyService(JdbcClient jdbc, @Value("${trygghetskartan.survey.min-respondents:30}") int minRespondents,
			Municipalities municipalities) {
		this.jdbc = jdbc;
		this.municipalities = municipalities;
		this.minRespondents = minRespondents;
	}

	/** Imports a UTF-8 file (or one whose byte order mark names its charset). */
	@Transactional
	public ImportReport importCsv(InputStream csv) {
		return importCsv(csv, null);
	}

	/**
	 * Imports a file in the charset its byte order mark or else {@code declared} names (UTF-8 when
	 * null); a line whose bytes do not decode is rejected.
	 */
	@Transactional
	public ImportReport importCsv(InputStream csv, Charset declared) {
		// Results are the request's municipality's, of its districts, imported by its planners.
		long municipality = municipalities.currentId();
		municipalities.require(Role.PLANNER, municipality);
		Map<String, String> districts = new HashMap<>();
		jdbc.sql("SELECT slug, name FROM neighbourhood_overview WHERE municipality_id = :municipality")
			.param("municipality", municipality)
			.query((rs, row) -> {
			districts.put(rs.getString("slug"), rs.getString("slug"));
			districts.put(rs.getString("name").toLowerCase(Locale.ROOT), rs.getString("slug"));
			return null;
		}).list();
		String user = SecurityContextHolder.getContext().getAuthentication() == null ? "system"
				: SecurityContextHolder.getContext().getAuthentication().getName();
		Rejections rejected = new Rejections();
		Map<String, Integer> seen = new HashMap<>();
		int lines = 0;
		int imported = 0;
		try (CsvRecords records = new CsvRecords(csv, declared)) {
			CsvHeader columns = new CsvHeader(records.header());
			columns.require(CsvColumn.DISTRICT, CsvColumn.YEAR, CsvColumn.INDICATOR, CsvColumn.VALUE);
			for (CsvRecords.Record record = records.next(); record != null; record = records.next()) {
				lines++;
				if (!record.readable()) {
					rejected.add(record.line(), record.rejected());
					continue;
				}
				try {
					Row row = parse(record.cells(), columns, records.separator(), districts);
					String key = row.district + "/" + row.year + "/" + Codes.of(row.indicator);
					Integer earlier = seen.putIfAbsent(key, record.line());
					if (earlier != null) {
						throw new InvalidValueException(SurveyError.DUPLICATE_LINE, "line", earlier);
					}
					store(row, user);
					imported++;
				}
				catch (IllegalArgumentException ex) {
					rejected.add(record.line(), InvalidValueException.reasonOf(ex));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new ImportReport(lines, imported, rejected.count(), rejected.kept());
	}

	private record Row(String district, int year, SurveyIndicator indicator, BigDecimal value, Integer respondents) {
	}

	private static Row parse(List<String> cells, CsvHeader columns, char separator, Map<String, String> districts) {
		String districtName = columns.cell(cells, CsvColumn.DISTRICT);
		String district = districts.get(districtName.toLowerCase(Locale.ROOT));
		if (district == null) {
			throw new InvalidValueException(SurveyError.UNKNOWN_DISTRICT, "value", Csv.cut(districtName));
		}
		int year;
		try {
			year = Integer.parseInt(columns.cell(cells, CsvColumn.YEAR));
		}
		catch (NumberFormatException ex) {
			throw new InvalidValueException(SurveyError.NOT_A_YEAR, "value", Csv.cut(columns.cell(cells, CsvColumn.YEAR)));
		}
		if (year < 1990 || year > 2100) {
			throw new InvalidValueException(SurveyError.YEAR_OUT_OF_RANGE, "value", year, "min", 1990, "max", 2100);
		}
		String code = columns.cell(cells, CsvColumn.INDICATOR);
		SurveyIndicator indicator = Codes.find(SurveyIndicator.class, code)
			.orElseThrow(() -> new InvalidValueException(SurveyError.UNKNOWN_INDICATOR, "value", Csv.cut(code), "allowed",
					Codes.allowed(SurveyIndicator.class)));
		String rawValue = columns.cell(cells, CsvColumn.VALUE);
		BigDecimal value;
		try {
			value = new BigDecimal(separator != ',' ? rawValue.replace(',', '.') : rawValue);
		}
		catch (NumberFormatException ex) {
			throw new InvalidValueException(RequestError.CELL_NOT_NUMBER, "column", CsvColumn.VALUE.label(), "value",
					Csv.cut(rawValue));
		}
		if (indicator.unit().equals("percent") && (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0)) {
			throw new InvalidValueException(SurveyError.NOT_A_SHARE, "value", value.toPlainString());
		}
		if (value.abs().compareTo(BigDecimal.valueOf(99_999)) > 0) {
			throw new InvalidValueException(SurveyError.VALUE_OUT_OF_RANGE, "value", value.toPlainString(), "max", 99_999);
		}
		Integer respondents = null;
		String answered = columns.optional(cells, CsvColumn.RESPONDENTS);
		if (!answered.isEmpty()) {
			try {
				respondents = Integer.parseInt(answered);
			}
			catch (NumberFormatException ex) {
				throw new InvalidValueException(SurveyError.RESPONDENTS_NOT_WHOLE, "value", Csv.cut(answered));
			}
			if (respondents < 0) {
				throw new InvalidValueException(SurveyError.RESPONDENTS_NEGATIVE);
			}
		}
		return new Row(district, year, indicator, value, respondents);
	}

	private void store(Row row, String user) {
		jdbc.sql("""
				INSERT INTO survey_result (municipality_id, neighbourhood, year, indicator, value, respondents, imported_by)
				VALUES (:municipality, :district, :year, :indicator, :value, :respondents, :user)
				ON CONFLICT (municipality_id, neighbourhood, year, indicator) DO UPDATE
				SET value = EXCLUDED.value, respondents = EXCLUDED.respondents, imported_at = now(),
				    imported_by = EXCLUDED.imported_by
				""")
			.param("municipality", municipalities.currentId())
			.param("district", row.district())
			.param("year", row.year())
			.param("indicator", Codes.of(row.indicator()))
			.param("value", row.value())
			.param("respondents", row.respondents())
			.param("user", user)
			.update();
	}

	/**
	 * The results, optionally of one district, ordered by district, indicator and year; a value from
	 * fewer respondents than the configured minimum is marked uncertain.
	 */
	@Transactional(readOnly = true)
	public String results(String neighbourhood) {
		String indicators = String.join(",", java.util.Arrays.stream(SurveyIndicator.values())
			.map(i -> "{\"code\":\"" + Codes.of(i) + "\",\"unit\":\"" + i.unit() + "\",\"lowerIsBetter\":"
					+ i.lowerIsBetter() + "}")
			.toList());
		String results = jdbc.sql("""
				SELECT COALESCE(json_agg(json_build_object(
				  'neighbourhood', json_build_object('slug', n.slug, 'name', n.name), 'year', r.year,
				  'indicator', r.indicator, 'value', r.value, 'respondents', r.respondents,
				  'uncertain', r.respondents IS NULL OR r.respondents < :min)
				  ORDER BY n.name, r.indicator, r.year), '[]'::json)::text
				FROM survey_result r JOIN neighbourhood_overview n ON n.slug = r.neighbourhood
				  AND n.municipality_id = r.municipality_id
				WHERE r.municipality_id = :municipality
				  AND (CAST(:neighbourhood AS text) IS NULL OR r.neighbourhood = :neighbourhood)
				""")
			.param("municipality", municipalities.currentId())
			.param("min", minRespondents)
			.param("neighbourhood", neighbourhood)
			.query(String.class)
			.single();
		return "{\"minRespondents\":" + minRespondents + ",\"indicators\":[" + indicators + "],\"results\":" + results
				+ "}";
	}

}
