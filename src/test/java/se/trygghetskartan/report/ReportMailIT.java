package se.trygghetskartan.report;

import java.net.http.HttpRequest;
import java.util.List;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.ApiClient.Response;
import se.trygghetskartan.IntegrationTest;
import se.trygghetskartan.MailTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reporter's reply over real SMTP (GreenMail): queued when a planner has handled the report and
 * sent off the request, also when the mail server was away at the time; the address deleted when the
 * report has been closed, or received and never handled, longer than addresses are kept; the address
 * is in no public answer meanwhile.
 */
@IntegrationTest
class ReportMailIT extends MailTest {

	@Autowired
	ReportMail mail;

	@Test
	void theReporterIsToldWhenTheReportIsApprovedAndTheAddressIsLaterDeleted() throws Exception {
		Response sent = report("tipsare@example.se", "10.42.0.1");
		String number = sent.json().get("number").stringValue();
		long id = id(sent);
		assertThat(received("tipsare@example.se")).as("nothing before moderation").isEmpty();

		Response approved = approve(id);
		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);

		List<MimeMessage> mails = mailTo("tipsare@example.se", 1);
		assertThat(mails).hasSize(1);
		MimeMessage reply = mails.get(0);
		assertThat(reply.getFrom()[0].toString()).isEqualTo("trygghet@katrineholm.example");
		assertThat(reply.getSubject()).contains(number);
		assertThat(GreenMailUtil.getBody(reply)).contains("finns nu p").contains("is now on the map")
			.as("as long as addresses are kept").contains("raderas 365 dagar efter").contains("deleted 365 days after");

		long placeId = approved.json().get("placeId").longValue();
		for (String path : new String[] { "/api/places?limit=10000", "/api/places/" + placeId,
				"/api/reports/nearby?lon=16.2400&lat=58.9995", sent.json().get("followUrl").stringValue(),
				sent.json().get("followUrl").stringValue().replace("/tips/", "/api/reports/follow/"),
				"/api/reports/summary?neighbourhood=navertorp" }) {
			assertThat(anonymous.get(path).body()).as(path).doesNotContain("tipsare@example.se");
		}

		assertThat(mail.deleteOldAddresses()).as("closed today: kept").isZero();
		jdbc.sql("UPDATE report SET closed_at = now() - interval '13 months' WHERE id = :id").param("id", id).update();
		assertThat(mail.deleteOldAddresses()).isPositive();
		assertThat(emailOf(id)).isNull();
	}

	@Test
	void theAddressOfAReportNeverHandledIsDeletedTwelveMonthsAfterItCame() {
		long id = id(report("aldrig@example.se", "10.42.0.2"));
		mail.deleteOldAddresses();
		assertThat(emailOf(id)).as("received today: kept").isEqualTo("aldrig@example.se");

		jdbc.sql("UPDATE report SET created_at = now() - interval '13 months' WHERE id = :id").param("id", id).update();
		mail.deleteOldAddresses();
		assertThat(emailOf(id)).isNull();
	}

	@Test
	void aModerationWhileTheMailServerIsAwayIsAnsweredAtOnceAndTheReplyGoesOutWhenItIsBack() throws Exception {
		long id = id(report("talmodig@example.se", "10.42.0.3"));
		stopSmtp();

		long start = System.nanoTime();
		Response approved = approve(id);
		long millis = (System.nanoTime() - start) / 1_000_000;
		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
		assertThat(millis).as("the planner does not wait for SMTP").isLessThan(2_000);

		// The sender tried (connection refused) and keeps the message for later.
		long end = System.nanoTime() + 10_000_000_000L;
		while (attempts("talmodig@example.se") == 0 && System.nanoTime() < end) {
			sleep(100);
		}
		assertThat(attempts("talmodig@example.se")).isPositive();

		startSmtp();
		// Its next try would be a minute later; the test does not wait for it.
		jdbc.sql("UPDATE mail_outbox SET next_attempt_at = now() WHERE recipient = 'talmodig@example.se'").update();
		assertThat(mailTo("talmodig@example.se", 1)).hasSize(1);
		assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = 'talmodig@example.se'")
			.query(Long.class).single()).as("sent: deleted").isZero();
	}

	@Test
	void aReporterIsToldOnceWhenAMeasureAtTheMergedPlaceIsPlannedAndOnceWhenItIsDoneAndCanStopIt() throws Exception {
		long first = id(report("forsta@example.se", "10.42.0.4"));
		long placeId = approve(first).json().get("placeId").longValue();
		long second = id(report("andra@example.se", "10.42.0.5"));
		Response merged = planner.send(planner.request("/api/reports/" + second + "/merge")
			.header("Content-Type", "application/json")
			.header("If-Match", planner.get("/api/reports/" + second).header("ETag"))
			.POST(HttpRequest.BodyPublishers.ofString("{\"placeId\":" + placeId + "}")));
		assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
		assertThat(mailTo("andra@example.se", 1)).as("the reply").hasSize(1);

		Response planned = planner.post("/api/measures", measure("planned", placeId, ""));
		assertThat(planned.status()).as(planned.toString()).isEqualTo(201);
		String measure = planned.header("Location");
		List<MimeMessage> mails = mailTo("andra@example.se", 2);
		assertThat(mails).hasSize(2);
		String plannedText = (String) mails.get(1).getContent();
		assertThat(plannedText).contains("planerad").contains("Röjning vid gångvägen")
			.contains("/katrineholm/?atgard=" + measure.substring(measure.lastIndexOf('/') + 1));

		Response noted = planner.put(measure, measure("planned", placeId, ",\"statusNote\":\"Beställd.\""),
				planned.header("ETag"));
		Response done = planner.put(measure, measure("done", placeId, ",\"completedOn\":\"" + java.time.LocalDate.now() + "\""),
				noted.header("ETag"));
		assertThat(done.status()).as(done.toString()).isEqualTo(200);
		mails = mailTo("andra@example.se", 3);
		assertThat(mails).hasSize(3);
		MimeMessage doneMail = mails.get(2);
		assertThat((String) doneMail.getContent()).contains("genomförd").contains("is done");
		sleep(1_500);
		assertThat(received("andra@example.se")).as("a new note on a planned measure sends nothing again").hasSize(3);
		assertThat(received("forsta@example.se")).as("the first reporter's report is the place's too").hasSize(3);

		String unsubscribe = doneMail.getHeader("List-Unsubscribe")[0];
		assertThat(doneMail.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
		assertThat((String) doneMail.getContent()).contains("https://trygghet.katrineholm.example/abonnemang?tips=");
		java.net.URI url = java.net.URI.create(unsubscribe.substring(1, unsubscribe.length() - 1));
		assertThat(url.getPath()).isEqualTo("/api/reports/updates/unsubscribe");
		Response stopped = anonymous.post(url.getRawPath() + "?" + url.getRawQuery(), "List-Unsubscribe=One-Click",
				"application/x-www-form-urlencoded");
		assertThat(stopped.status()).as(stopped.toString()).isEqualTo(204);
		assertThat(emailOf(second)).as("the address is erased").isNull();
		assertThat(anonymous.post("/api/reports/updates/unsubscribe?token=" + second + "-forged", "",
				"application/x-www-form-urlencoded").status()).isEqualTo(404);
		planner.delete(measure, planner.get(measure).header("ETag"));
	}

	private static String measure(String status, long placeId, String extra) {
		return """
				{"type":"Feature","geometry":{"type":"Point","coordinates":[16.2401,58.9996]},"properties":{
				"title":"Röjning vid gångvägen","type":"vegetation","owner":"municipality","status":"%s","published":true,
				"placeIds":[%d]%s}}""".formatted(status, placeId, extra);
	}

	private Response report(String email, String from) {
		Response sent = anonymous.from(from).post("/api/reports", """
				{"location":{"type":"Point","coordinates":[16.2400,58.9995]},"reasons":["overgrown_vegetation"],
				"text":"Buskarna skymmer gångvägen","email":"%s"}""".formatted(email), "application/json");
		assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
		return sent;
	}

	private static long id(Response sent) {
		String number = sent.json().get("number").stringValue();
		return Long.parseLong(number.substring(number.lastIndexOf('-') + 1));
	}

	private Response approve(long id) {
		ApiClient planner = this.planner;
		return planner.send(planner.request("/api/reports/" + id + "/approve")
			.header("Content-Type", "application/json")
			.header("If-Match", planner.get("/api/reports/" + id).header("ETag"))
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Igenvuxen gångväg\"}")));
	}

	private String emailOf(long id) {
		return jdbc.sql("SELECT email FROM report WHERE id = :id").param("id", id).query((rs, row) -> java.util.Optional.ofNullable(rs.getString(1))).single().orElse(null);
	}

	private long attempts(String recipient) {
		return jdbc.sql("SELECT COALESCE(max(attempts), 0) FROM mail_outbox WHERE recipient = :to")
			.param("to", recipient)
			.query(Long.class)
			.single();
	}

}
