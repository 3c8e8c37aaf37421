package se.trygghetskartan.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ETagsTests {

	@Test
	void versionIsAQuotedStrongTag() {
		assertThat(ETags.of(7)).isEqualTo("\"7\"");
	}

	@Test
	void matchingTagGivesTheVersion() {
		assertThat(ETags.versionFromIfMatch("\"3\"", 3)).isEqualTo(3L);
		assertThat(ETags.versionFromIfMatch("\"1\", \"3\"", 3)).isEqualTo(3L);
	}

	@Test
	void staleTagIsAConflictThatNamesTheCurrentVersion() {
		assertThatThrownBy(() -> ETags.versionFromIfMatch("\"2\"", 3)).isInstanceOfSatisfying(
				VersionConflictException.class, ex -> {
					assertThat(ex.isMissing()).isFalse();
					assertThat(ex.currentVersion()).isEqualTo(3L);
				});
	}

	@Test
	void weakTagsNeverMatchBecauseIfMatchComparesStrongly() {
		assertThatThrownBy(() -> ETags.versionFromIfMatch("W/\"3\"", 3)).isInstanceOf(VersionConflictException.class);
	}

	@Test
	void missingHeaderIsAskedFor() {
		assertThatThrownBy(() -> ETags.versionFromIfMatch(null, 3))
			.isInstanceOfSatisfying(VersionConflictException.class, ex -> assertThat(ex.isMissing()).isTrue());
	}

	@Test
	void starMatchesAnyVersion() {
		assertThat(ETags.versionFromIfMatch("*", 9)).isNull();
	}

}
