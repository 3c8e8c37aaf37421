package se.trygghetskartan.report;

import java.net.http.HttpRequest;
import java.time.Duration;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.ApiClient.Response;
import se.trygghetskartan.ApiTest;
import se.trygghetskartan.IntegrationTest;
import se.trygghetskartan.TestSmtp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reporter's reply over real SMTP, to a GreenMail server the test starts on a free port: sent
 * once a planner has handled the report, and the address deleted when the report has been closed
 * longer than addresses are kept; the address is in no public answer meanwhile.
 */
@IntegrationTest
class ReportMailIT extends ApiTest {

	private static final GreenMail SMTP = TestSmtp.start();

	@Autowired
	ReportMail mail;

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry properties) {
		TestSmtp.register(SMTP, properties);
	}

	@AfterAll
	static void stop() {
		SMTP.stop();
	}

	@Test
	void theReporterIsToldWhenTheReportIsApprovedAndTheAddressIsLaterDeleted() throws Exception {
		Response sent = anonymous.post("/api/reports", """
				{"location":{"type":"Point","coordinates":[16.2400,58.9995]},"reasons":["overgrown_vegetation"],
				"text":"Buskarna skymmer gångvägen","email":"tipsare@example.se"}""", "application/json");
		assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
		String number = sent.json().get("number").stringValue();
		long id = Long.parseLong(number.substring(number.lastIndexOf('-') + 1));
		assertThat(SMTP.getReceivedMessages()).as("nothing before moderation").isEmpty();

		ApiClient planner = this.planner;
		Response approved = planner.send(planner.request("/api/reports/" + id + "/approve")
			.header("Content-Type", "application/json")
			.header("If-Match", planner.get("/api/reports/" + id).header("ETag"))
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Igenvuxen gångväg\"}")));
		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);

		assertThat(SMTP.waitForIncomingEmail(Duration.ofSeconds(10).toMillis(), 1)).isTrue();
		MimeMessage reply = SMTP.getReceivedMessages()[0];
		assertThat(reply.getAllRecipients()[0].toString()).isEqualTo("tipsare@example.se");
		assertThat(reply.getFrom()[0].toString()).isEqualTo("trygghet@katrineholm.example");
		assertThat(reply.getSubject()).contains(number);
		assertThat(GreenMailUtil.getBody(reply)).contains("finns nu p").contains("is now on the map");

		long placeId = approved.json().get("placeId").longValue();
		for (String path : new String[] { "/api/places?limit=10000", "/api/places/" + placeId,
				"/api/reports/nearby?lon=16.2400&lat=58.9995", sent.json().get("followUrl").stringValue(),
				sent.json().get("followUrl").stringValue().replace("/tips/", "/api/reports/follow/"),
				"/api/reports/summary?neighbourhood=navertorp" }) {
			assertThat(anonymous.get(path).body()).as(path).doesNotContain("tipsare@example.se");
		}

		assertThat(mail.deleteOldAddresses()).as("closed today: kept").isZero();
		jdbc.sql("UPDATE report SET closed_at = now() - interval '13 months' WHERE id = :id").param("id", id).update();
		assertThat(mail.deleteOldAddresses()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT count(*) FROM report WHERE id = :id AND email IS NULL").param("id", id)
			.query(Long.class).single()).isEqualTo(1);
	}

}
