package se.trygghetskartan.vocabulary;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import se.trygghetskartan.IntegrationTest;
import se.trygghetskartan.account.Role;
import se.trygghetskartan.activity.ActivityKind;
import se.trygghetskartan.activity.ActivityVocabulary;
import se.trygghetskartan.activity.OperationKind;
import se.trygghetskartan.history.ChangeAction;
import se.trygghetskartan.incident.IncidentCategory;
import se.trygghetskartan.measure.MeasureOwner;
import se.trygghetskartan.measure.MeasureStatus;
import se.trygghetskartan.measure.MeasureType;
import se.trygghetskartan.place.PlaceReason;
import se.trygghetskartan.place.PlaceSource;
import se.trygghetskartan.place.PlaceStatus;
import se.trygghetskartan.promise.Party;
import se.trygghetskartan.report.Rejection;
import se.trygghetskartan.report.ReportStatus;
import se.trygghetskartan.survey.SurveyIndicator;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database and the enums agree: every CHECK constraint that lists a column's allowed values, as
 * PostgreSQL holds it (pg_constraint), allows exactly the codes of that column's enum.
 */
@IntegrationTest
class CheckConstraintsIT {

	/** Each coded column and its enum. */
	static final Map<String, Class<? extends Enum<?>>> COLUMNS = new LinkedHashMap<>();

	static {
		COLUMNS.put("unsafe_place.source", PlaceSource.class);
		COLUMNS.put("unsafe_place.status", PlaceStatus.class);
		COLUMNS.put("unsafe_place_reason.reason", PlaceReason.class);
		COLUMNS.put("measure.type", MeasureType.class);
		COLUMNS.put("measure.owner", MeasureOwner.class);
		COLUMNS.put("measure.status", MeasureStatus.class);
		COLUMNS.put("measure_status_change.status", MeasureStatus.class);
		COLUMNS.put("promise.party", Party.class);
		COLUMNS.put("commitment.party", Party.class);
		COLUMNS.put("commitment.target_activity", ActivityKind.class);
		COLUMNS.put("activity.kind", ActivityKind.class);
		COLUMNS.put("activity.time_of_day", ActivityVocabulary.TimeOfDay.class);
		COLUMNS.put("activity.operation_kind", OperationKind.class);
		COLUMNS.put("activity_participant.participant_group", ActivityVocabulary.ParticipantGroup.class);
		COLUMNS.put("walk_stop.responsible", ActivityVocabulary.Responsible.class);
		COLUMNS.put("walk_stop.priority", ActivityVocabulary.Priority.class);
		COLUMNS.put("survey_result.indicator", SurveyIndicator.class);
		COLUMNS.put("incident.category", IncidentCategory.class);
		COLUMNS.put("change_record.action", ChangeAction.class);
		COLUMNS.put("role_grant.role", Role.class);
		COLUMNS.put("report.status", ReportStatus.class);
		COLUMNS.put("report.rejection", Rejection.class);
	}

	/**
	 * Lists of values that are no vocabulary of the API: what the server alone sets (an import's state,
	 * which measure news a reporter has been sent) and the languages mail is written in.
	 */
	static final List<String> NOT_VOCABULARIES = List.of("incident_import.status", "report_measure_notice.status",
			"subscription.language");

	// PostgreSQL keeps "status IN ('a', 'b')" as "((status)::text = ANY ((ARRAY['a'::character varying, …])::text[]))".
	static final Pattern VALUE = Pattern.compile("'((?:[^']|'')*)'::");

	@Autowired
	JdbcClient jdbc;

	/**
	 * "table.column" of every CHECK that lists the values of a column (not of a function of it, as
	 * the geometry type checks do), with the values it allows.
	 */
	Map<String, List<String>> valueLists() {
		Map<String, List<String>> lists = new TreeMap<>();
		jdbc.sql("""
				SELECT c.conrelid::regclass::text || '.' || a.attname AS col, pg_get_constraintdef(c.oid) AS definition
				FROM pg_constraint c
				JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
				WHERE c.contype = 'c' AND cardinality(c.conkey) = 1
				  AND c.connamespace = 'public'::regnamespace
				  AND pg_get_constraintdef(c.oid) ~ ('^CHECK \\(+' || a.attname || '\\)(::text)? = ANY \\(')""").query((rs, n) -> {
			Matcher values = VALUE.matcher(rs.getString("definition"));
			List<String> allowed = new ArrayList<>();
			while (values.find()) {
				allowed.add(values.group(1).replace("''", "'"));
			}
			lists.put(rs.getString("col"), allowed);
			return null;
		}).list();
		return lists;
	}

	@Test
	void everyCheckThatListsAColumnsValuesAllowsExactlyItsEnumsCodes() {
		Map<String, List<String>> lists = valueLists();

		assertThat(lists.keySet()).as("coded columns in the database")
			.containsExactlyInAnyOrderElementsOf(concat(COLUMNS.keySet(), NOT_VOCABULARIES));
		COLUMNS.forEach((column, type) -> assertThat(lists.get(column)).as(column)
			.containsExactlyInAnyOrderElementsOf(VocabularyApiIT.codes(type)));
	}

	static List<String> concat(Collection<String> a, List<String> b) {
		List<String> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}

}
