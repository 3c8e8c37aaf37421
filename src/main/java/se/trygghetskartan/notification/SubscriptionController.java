package se.trygghetskartan.notification;

import jakarta.servlet.http.HttpServletRequest;
import se.trygghetskartan.geo.FeatureBody;
import se.trygghetskartan.geo.GeometryService;
import se.trygghetskartan.municipality.Municipalities;
import se.trygghetskartan.municipality.MunicipalitySettings;
import se.trygghetskartan.notification.FeedService.District;
import se.trygghetskartan.system.InvalidRequestException;
import se.trygghetskartan.system.ProblemResponses;
import se.trygghetskartan.system.RequestError;
import tools.jackson.databind.JsonNode;

import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Subscribing by e-mail ({@code POST /api/subscriptions}: 202 whatever the address's state, 503 when no
 * mail server is configured), confirming
 * with the token of the confirmation mail, and unsubscribing with the token of any mail — also as
 * RFC 8058's one-click POST, which a mail program sends to the {@code List-Unsubscribe} address with a
 * form body that says nothing else.
 */
@RestController
class SubscriptionController {

	static final String SUBSCRIPTIONS = "/api/subscriptions";

	private final SubscriptionService subscriptions;

	private final FeedService feeds;

	private final Municipalities municipalities;

	private final GeometryService geometries;

	SubscriptionController(SubscriptionService subscriptions, FeedService feeds, Municipalities municipalities,
			GeometryService geometries) {
		this.subscriptions = subscriptions;
		this.feeds = feeds;
		this.municipalities = municipalities;
		this.geometries = geometries;
	}

	@PostMapping(path = SUBSCRIPTIONS, consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> subscribe(@RequestBody JsonNode body, HttpServletRequest request) {
		// Without a mail server no confirmation goes out: an address kept would wait for nothing.
		if (!subscriptions.available()) {
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.cacheControl(CacheControl.noStore())
				.body(ProblemResponses.problem(HttpStatus.SERVICE_UNAVAILABLE, NotificationError.MAIL_UNAVAILABLE));
		}
		FeatureBody subscription = FeatureBody.plain(body, geometries);
		FeatureBody.Fields fields = subscription.properties();
		boolean honeypot = fields.honeypot();
		String email = fields.email("email", true);
		String slug = fields.text("municipality", false, 100);
		String neighbourhood = fields.text("neighbourhood", false, 100);
		SubscriptionLanguage language = fields.code(SubscriptionLanguage.class, "language", SubscriptionLanguage.SV);
		subscription.throwIfInvalid();
		MunicipalitySettings municipality = slug == null ? municipalities.current() : municipalities.resolve(slug);
		District district = neighbourhood == null ? null
				: feeds.district(municipality.id(), neighbourhood)
					.orElseThrow(() -> InvalidRequestException.body("neighbourhood", RequestError.UNKNOWN_DISTRICTS, "ids",
							List.of(neighbourhood)));
		// A robot's form is answered as if it had worked.
		if (!honeypot) {
			subscriptions.subscribe(email, municipality, district, language, request.getRemoteAddr());
		}
		return ResponseEntity.status(HttpStatus.ACCEPTED).cacheControl(CacheControl.noStore()).build();
	}

	@PostMapping(SUBSCRIPTIONS + "/confirm")
	ResponseEntity<Void> confirm(@RequestParam String token) {
		subscriptions.confirm(token);
		return ResponseEntity.noContent().cacheControl(CacheControl.noStore()).build();
	}

	@PostMapping(SUBSCRIPTIONS + "/unsubscribe")
	ResponseEntity<Void> unsubscribe(@RequestParam String token) {
		subscriptions.unsubscribe(token);
		return ResponseEntity.noContent().cacheControl(CacheControl.noStore()).build();
	}

}
