package se.trygghetskartan.account;

import org.junit.jupiter.api.Test;
import se.trygghetskartan.system.Reason;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	private final PasswordPolicy policy = new PasswordPolicy();

	@Test
	void refusesPasswordsShorterThanTwelveCharacters() {
		assertThat(policy.problem("kort-lösen1", "anna")).extracting(Reason::code, reason -> reason.args().get("min")).containsExactly("password_too_short", 12);
		assertThat(policy.problem("", "anna").code()).isEqualTo("password_too_short");
	}

	@Test
	void refusesCommonPasswordsWhateverTheirCase() {
		assertThat(policy.problem("1qaz2wsx3edc", "anna")).extracting(Reason::code).isEqualTo("password_too_common");
		assertThat(policy.problem("1q2w3e4r5t6y", "anna")).extracting(Reason::code).isEqualTo("password_too_common");
		assertThat(policy.problem("QWERTY123456", "anna")).extracting(Reason::code).isEqualTo("password_too_common");
	}

	@Test
	void refusesCommonSwedishPasswordsAndCommonWordsWithDigitsAround() {
		assertThat(policy.problem("hejhej123456", "anna")).extracting(Reason::code).isEqualTo("password_too_common");
		assertThat(policy.problem("Sommar2024!!", "anna")).extracting(Reason::code).isEqualTo("password_too_common");
		assertThat(policy.problem("Katrineholm2023", "anna")).extracting(Reason::code).isEqualTo("password_too_common");
		assertThat(policy.problem("2024Lösenord!", "anna")).extracting(Reason::code).isEqualTo("password_too_common");
		assertThat(policy.problem("Password12345", "anna")).extracting(Reason::code).isEqualTo("password_too_common");
	}

	@Test
	void refusesTheUserNameWithDigitsAdded() {
		assertThat(policy.problem("anna.karlsson1", "anna.karlsson")).extracting(Reason::code).isEqualTo("password_is_username");
	}

	@Test
	void acceptsALongUncommonPassphrase() {
		assertThat(policy.problem("korvbröd och kanelbullar i Nävertorp", "anna")).isNull();
		assertThat(policy.problem("Tre-gula-cyklar-vid-ån", "anna")).isNull();
	}

}
