package se.trygghetskartan.system;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BodyDeadlineTests {

	static final Duration DEADLINE = Duration.ofSeconds(20);

	@Test
	void anOrdinaryBodyMayTakeUpToTheDeadlineAndNoLonger() {
		BodyDeadline deadline = BodyDeadline.of(DEADLINE);

		assertThat(deadline.tooSlow(Duration.ofSeconds(19), 10)).isFalse();
		assertThat(deadline.tooSlow(DEADLINE, 10)).isFalse();
		assertThat(deadline.tooSlow(Duration.ofMillis(20_001), 100_000_000)).isTrue();
	}

	@Test
	void anImportMayTakeLongerWhileItKeepsTheMinimumRateOnAverage() {
		BodyDeadline deadline = new BodyDeadline(DEADLINE, 64 * 1024);

		assertThat(deadline.tooSlow(Duration.ofSeconds(19), 0)).as("any pace before the deadline").isFalse();
		assertThat(deadline.tooSlow(Duration.ofSeconds(100), 100 * 64 * 1024)).isFalse();
		assertThat(deadline.tooSlow(Duration.ofSeconds(100), 100 * 64 * 1024 - 1)).isTrue();
		assertThat(deadline.tooSlow(Duration.ofSeconds(21), 40)).isTrue();
	}

	@Test
	void theRuleSaysWhatTheClientMustDo() {
		assertThat(BodyDeadline.of(DEADLINE).rule()).isEqualTo(Reason.of(RequestError.BODY_TOO_SLOW, "seconds", 20L));
		assertThat(new BodyDeadline(DEADLINE, 64 * 1024).rule())
			.isEqualTo(Reason.of(RequestError.IMPORT_TOO_SLOW, "seconds", 20L, "rate", 64L));
	}

}
