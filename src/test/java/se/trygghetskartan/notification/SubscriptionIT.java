package se.trygghetskartan.notification;

import java.net.URI;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import se.trygghetskartan.ApiClient;
import se.trygghetskartan.ApiClient.Response;
import se.trygghetskartan.AppInstance;
import se.trygghetskartan.IntegrationTest;
import se.trygghetskartan.MailTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resident subscribes to Nävertorp by e-mail over real HTTP and real SMTP (GreenMail): one
 * confirmation mail, whose link opens a page that confirms only with its button; then a digest of what
 * the planners published, with one-click unsubscribe (RFC 8058), after which nothing more comes.
 */
@IntegrationTest
class SubscriptionIT extends MailTest {

	@Autowired
	DataSource dataSource;

	private static final Pattern LINK = Pattern.compile("https://trygghet\\.katrineholm\\.example(/\\S+)");

	private static final String NAVERTORP = "{\"type\":\"Point\",\"coordinates\":[16.2307,58.9979]}";

	@Test
	void aConfirmedSubscriberGetsOneDigestWithTheNewsAndUnsubscribesWithOneClick() throws Exception {
		ApiClient resident = anonymous.from("10.43.0.1");
		assertThat(subscribe(resident, "granne@example.se", "navertorp").status()).isEqualTo(202);
		assertThat(subscribe(resident, "ovantad@example.se", "navertorp").status()).isEqualTo(202);

		List<MimeMessage> confirmations = mailTo("granne@example.se", 1);
		assertThat(confirmations).hasSize(1);
		assertThat(confirmations.get(0).getSubject()).isEqualTo("Bekräfta din prenumeration: Nävertorp, Katrineholm");
		String confirmPage = link(body(confirmations.get(0)));
		assertThat(confirmPage).startsWith("/abonnemang?bekrafta=");

		// A mail scanner opening the link confirms nothing: the page's button does.
		Response page = anonymous.get(confirmPage);
		assertThat(page.status()).isEqualTo(200);
		assertThat(confirmed("granne@example.se")).isFalse();
		String token = confirmPage.substring(confirmPage.indexOf('=') + 1);
		assertThat(resident.post("/api/subscriptions/confirm?token=" + token, "", "application/x-www-form-urlencoded")
			.status()).isEqualTo(204);
		assertThat(confirmed("granne@example.se")).isTrue();
		assertThat(subscribe(resident, "granne@example.se", "navertorp").status()).as("already subscribed: the same answer")
			.isEqualTo(202);

		String measure = measureMarkedDone("Nya lampor längs Nävertorpsstigen");
		List<MimeMessage> mails = mailTo("granne@example.se", 2);
		assertThat(mails).hasSize(2);
		MimeMessage digest = mails.get(1);
		assertThat(digest.getSubject()).isEqualTo("Nytt i Nävertorp, Katrineholm");
		String text = body(digest);
		assertThat(text).contains("Nya lampor längs Nävertorpsstigen")
			.contains("/katrineholm/?atgard=" + measure.substring(measure.lastIndexOf('/') + 1));
		String unsubscribe = digest.getHeader("List-Unsubscribe")[0];
		assertThat(unsubscribe).matches("<https://trygghet\\.katrineholm\\.example/api/subscriptions/unsubscribe\\?token=.+>");
		assertThat(digest.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
		assertThat(text).contains("https://trygghet.katrineholm.example/abonnemang?avsluta=");
		assertThat(received("ovantad@example.se")).as("unconfirmed: the confirmation only").hasSize(1);

		for (String path : List.of("/api/neighbourhoods/navertorp/feed.atom", "/api/feed.atom", "/api/neighbourhoods",
				"/api/measures?limit=10000", confirmPage)) {
			assertThat(anonymous.get(path).body()).as(path).doesNotContain("granne@example.se");
		}

		// The mail program's one-click POST (RFC 8058).
		String url = unsubscribe.substring(1, unsubscribe.length() - 1);
		Response gone = anonymous.post(URI.create(url).getRawPath() + "?" + URI.create(url).getRawQuery(),
				"List-Unsubscribe=One-Click", "application/x-www-form-urlencoded");
		assertThat(gone.status()).as(gone.toString()).isIn(200, 204);
		assertThat(jdbc.sql("SELECT count(*) FROM subscription WHERE email = 'granne@example.se'").query(Long.class).single())
			.as("the address is deleted").isZero();

		String another = measureMarkedDone("Ännu en lampa i Nävertorp");
		sleep(3_000);
		assertThat(received("granne@example.se")).as("nothing after unsubscribing").hasSize(2);
		planner.delete(measure, planner.get(measure).header("ETag"));
		planner.delete(another, planner.get(another).header("ETag"));
	}

	@Test
	void aBadAddressOrAnUnknownDistrictIsA4xxProblemAndNothingIsStored() {
		ApiClient resident = anonymous.from("10.43.0.2");
		long before = jdbc.sql("SELECT count(*) FROM subscription").query(Long.class).single();

		Response notEmail = subscribe(resident, "inte en adress", "navertorp");
		Response noDistrict = subscribe(resident, "granne2@example.se", "atlantis");

		assertThat(notEmail.status()).isEqualTo(422);
		assertThat(notEmail.contentType()).startsWith("application/problem+json");
		assertThat(notEmail.body()).contains("\"code\":\"not_email\"");
		assertThat(noDistrict.status()).isEqualTo(422);
		assertThat(noDistrict.body()).contains("\"code\":\"unknown_districts\"").contains("atlantis");
		assertThat(jdbc.sql("SELECT count(*) FROM subscription").query(Long.class).single()).isEqualTo(before);
		assertThat(anonymous.post("/api/subscriptions/confirm?token=1-forged", "", "application/x-www-form-urlencoded")
			.status()).isEqualTo(404);
	}

	@Test
	void aConfirmationWaitsForTheDigestUnderWaySoThatNoEntryFallsBetweenThem() throws Exception {
		ApiClient resident = anonymous.from("10.43.0.3");
		assertThat(subscribe(resident, "vantar@example.se", "navertorp").status()).isEqualTo(202);
		String confirmPage = link(body(mailTo("vantar@example.se", 1).get(0)));
		String token = confirmPage.substring(confirmPage.indexOf('=') + 1);

		try (Connection digest = dataSource.getConnection()) {
			digest.setAutoCommit(false);
			try (Statement lock = digest.createStatement()) {
				lock.execute("SELECT pg_advisory_xact_lock(" + SubscriptionDigest.LOCK + ")");
			}
			CompletableFuture<Response> confirming = CompletableFuture.supplyAsync(() -> resident
				.post("/api/subscriptions/confirm?token=" + token, "", "application/x-www-form-urlencoded"));
			sleep(1_500);
			assertThat(confirming).as("waits while a digest holds the lock").isNotDone();
			digest.rollback();
			assertThat(confirming.get(15, TimeUnit.SECONDS).status()).isEqualTo(204);
		}
		assertThat(confirmed("vantar@example.se")).isTrue();
		assertThat(jdbc.sql("""
				SELECT count(*) FROM feed_entry_seen s, subscription u
				WHERE u.email = 'vantar@example.se' AND s.first_seen_at > u.news_through""").query(Long.class).single())
			.as("all the feeds held at the confirmation is no news to the subscriber").isZero();
	}

	@Test
	void withoutAMailServerSubscribingIs503AndStoresNothingAndUnconfirmedAddressesAreStillDeleted() {
		long district = jdbc.sql("SELECT id FROM neighbourhood_overview WHERE slug = 'navertorp'").query(Long.class).single();
		// Unconfirmed for two hours: too long for the instance without mail (one hour), not for this one (7 days).
		jdbc.sql("""
				INSERT INTO subscription (municipality_id, neighbourhood_id, email, language, created_at)
				SELECT municipality_id, id, 'bortglomd@example.se', 'sv', now() - interval '2 hours'
				FROM neighbourhood_overview WHERE id = :district""").param("district", district).update();
		long before = jdbc.sql("SELECT count(*) FROM subscription").query(Long.class).single();
		try (ConfigurableApplicationContext app = AppInstance.start(AppInstance.sharedDatabase(),
				"--spring.profiles.active=demo", "--trygghetskartan.subscriptions.digest-every=2s",
				"--trygghetskartan.subscriptions.unconfirmed-for=1h")) {
			assertThat(app.getEnvironment().getProperty("spring.mail.host")).as("no mail server").isNull();
			ApiClient resident = new ApiClient(AppInstance.port(app)).language("en");

			Response refused = subscribe(resident, "utanpost@example.se", "navertorp");

			assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(refused.body()).contains("\"code\":\"mail_unavailable\"").contains("No mail server");
			assertThat(jdbc.sql("SELECT count(*) FROM subscription WHERE email = 'utanpost@example.se'").query(Long.class)
				.single()).isZero();
			long deadline = System.currentTimeMillis() + 15_000;
			while (unconfirmed("bortglomd@example.se") && System.currentTimeMillis() < deadline) {
				sleep(200);
			}
			assertThat(unconfirmed("bortglomd@example.se")).as("deleted by the instance without mail").isFalse();
		}
		assertThat(jdbc.sql("SELECT count(*) FROM subscription").query(Long.class).single()).isEqualTo(before - 1);
	}

	private static Response subscribe(ApiClient client, String email, String district) {
		return client.post("/api/subscriptions", """
				{"email":"%s","municipality":"katrineholm","neighbourhood":"%s","language":"sv"}"""
			.formatted(email, district), "application/json");
	}

	private boolean unconfirmed(String email) {
		return jdbc.sql("SELECT count(*) FROM subscription WHERE email = :email AND confirmed_at IS NULL")
			.param("email", email)
			.query(Long.class)
			.single() > 0;
	}

	private boolean confirmed(String email) {
		return jdbc.sql("SELECT confirmed_at IS NOT NULL FROM subscription WHERE email = :email")
			.param("email", email)
			.query(Boolean.class)
			.single();
	}

	// A draft planned measure in Nävertorp, then published as done today.
	private String measureMarkedDone(String title) {
		Response draft = planner.post("/api/measures", feature(title, "planned", false, ""));
		assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
		String location = draft.header("Location");
		Response done = planner.put(location, feature(title, "done", true, ",\"completedOn\":\"" + LocalDate.now() + "\""),
				draft.header("ETag"));
		assertThat(done.status()).as(done.toString()).isEqualTo(200);
		return location;
	}

	private static String feature(String title, String status, boolean published, String extra) {
		return """
				{"type":"Feature","geometry":%s,"properties":{"title":"%s","type":"lighting","owner":"municipality",
				"status":"%s","published":%s,"placeIds":[]%s}}""".formatted(NAVERTORP, title, status, published, extra);
	}

	private static String body(MimeMessage message) throws Exception {
		return (String) message.getContent();
	}

	private static String link(String text) {
		Matcher link = LINK.matcher(text);
		assertThat(link.find()).as(text).isTrue();
		return link.group(1);
	}

}
