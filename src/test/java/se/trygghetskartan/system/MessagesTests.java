package se.trygghetskartan.system;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

import static org.assertj.core.api.Assertions.assertThat;

class MessagesTests {

	final Messages messages = new Messages(source(), new AcceptHeaderLocaleResolver());

	static ResourceBundleMessageSource source() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("messages");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

	@Test
	void aReasonIsWrittenInTheLanguageAskedForWithItsArgumentsByName() {
		Reason tooLong = Reason.of(RequestError.TOO_LONG, "max", 200);

		assertThat(messages.text(tooLong, Messages.SWEDISH)).isEqualTo("Högst 200 tecken.");
		assertThat(messages.text(tooLong, Messages.ENGLISH)).isEqualTo("At most 200 characters.");
		assertThat(messages.text(tooLong, Locale.forLanguageTag("en-GB"))).isEqualTo("At most 200 characters.");
		assertThat(messages.text(tooLong, Locale.GERMAN)).as("any other language: Swedish").isEqualTo("Högst 200 tecken.");
	}

	@Test
	void listsAreCommaSeparatedAndAReasonWithinAReasonIsWrittenAsItsOwnWords() {
		Reason notOneOf = Reason.of(RequestError.NOT_ONE_OF, "value", "dark", "allowed", List.of("poor_lighting", "other"));

		assertThat(messages.text(notOneOf, Messages.ENGLISH)).isEqualTo("'dark' is not one of poor_lighting, other.");
		assertThat(messages.text("error.invalid_geometry", Map.of("problem", Reason.of(RequestError.REQUIRED)),
				Messages.SWEDISH))
			.isEqualTo("Ytan är ogiltig. Måste anges. Rätta den, eller låt importen reparera den.");
	}

	@Test
	void aReasonThatCannotBeSaidOfAMarkedPointIsNotMade() {
		assertThat(RequestError.REQUIRED.markable()).isFalse();
		org.assertj.core.api.Assertions
			.assertThatIllegalArgumentException()
			.isThrownBy(() -> Reason.at(RequestError.REQUIRED, new double[] { 16.2, 59.0 }));
	}

	@Test
	void placeholdersWithoutAnArgumentStayAsTheyAre() {
		assertThat(messages.text("error.tile_url_placeholders", Map.of(), Messages.ENGLISH)).contains("{z}, {x} and {y}");
	}

}
