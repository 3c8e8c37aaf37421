package se.trygghetskartan.account;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	private final PasswordPolicy policy = new PasswordPolicy();

	@Test
	void refusesPasswordsShorterThanTwelveCharacters() {
		assertThat(policy.problem("kort-lösen1", "anna")).contains("at least 12");
		assertThat(policy.problem("", "anna")).contains("at least 12");
	}

	@Test
	void refusesCommonPasswordsWhateverTheirCase() {
		assertThat(policy.problem("1qaz2wsx3edc", "anna")).contains("too common");
		assertThat(policy.problem("1q2w3e4r5t6y", "anna")).contains("too common");
		assertThat(policy.problem("QWERTY123456", "anna")).contains("too common");
	}

	@Test
	void refusesCommonSwedishPasswordsAndCommonWordsWithDigitsAround() {
		assertThat(policy.problem("hejhej123456", "anna")).contains("too common");
		assertThat(policy.problem("Sommar2024!!", "anna")).contains("too common");
		assertThat(policy.problem("Katrineholm2023", "anna")).contains("too common");
		assertThat(policy.problem("2024Lösenord!", "anna")).contains("too common");
		assertThat(policy.problem("Password12345", "anna")).contains("too common");
	}

	@Test
	void refusesTheUserNameWithDigitsAdded() {
		assertThat(policy.problem("anna.karlsson1", "anna.karlsson")).contains("user name");
	}

	@Test
	void acceptsALongUncommonPassphrase() {
		assertThat(policy.problem("korvbröd och kanelbullar i Nävertorp", "anna")).isNull();
		assertThat(policy.problem("Tre-gula-cyklar-vid-ån", "anna")).isNull();
	}

}
