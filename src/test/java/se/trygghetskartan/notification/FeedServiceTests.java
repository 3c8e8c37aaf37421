package se.trygghetskartan.notification;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import se.trygghetskartan.notification.FeedService.News;
import se.trygghetskartan.notification.FeedService.Seen;

import static org.assertj.core.api.Assertions.assertThat;

class FeedServiceTests {

	private static final OffsetDateTime UNTIL = OffsetDateTime.parse("2026-12-07T21:00:00Z");

	@Test
	void aDigestWithinTheLimitHoldsEverythingByDayThroughItsOwnTime() {
		News news = FeedService.firstSeen(List.of(seen("b", 2, 1), seen("a", 1, 2)), 3, UNTIL);

		assertThat(news.entries()).extracting(FeedEntry::key).containsExactly("a", "b");
		assertThat(news.through()).isEqualTo(UNTIL);
	}

	@Test
	void pastTheLimitTheDigestEndsAtItsLastEntrySoTheRestComeInTheNext() {
		List<Seen> seen = new ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			seen.add(seen("e" + i, 10 - i, i));
		}

		News first = FeedService.firstSeen(seen, 3, UNTIL);
		News next = FeedService.firstSeen(seen.stream().filter(s -> s.at().isAfter(first.through())).toList(), 3, UNTIL);

		assertThat(first.entries()).extracting(FeedEntry::key).containsExactly("e3", "e2", "e1");
		assertThat(first.through()).isEqualTo(at(3));
		assertThat(next.entries()).extracting(FeedEntry::key).containsExactly("e5", "e4");
		assertThat(next.through()).isEqualTo(UNTIL);
	}

	@Test
	void entriesSeenAtOneInstantGoIntoOneDigestTogether() {
		List<Seen> seen = List.of(seen("a", 1, 1), seen("b", 1, 2), seen("c", 1, 2), seen("d", 1, 3));

		assertThat(FeedService.firstSeen(seen, 2, UNTIL).entries()).as("b and c would be parted: both wait")
			.extracting(FeedEntry::key)
			.containsExactly("a");
		News tied = FeedService.firstSeen(seen.subList(1, 4), 1, UNTIL);
		assertThat(tied.entries()).as("all at the first instant: past the limit").extracting(FeedEntry::key)
			.containsExactly("b", "c");
		assertThat(tied.through()).isEqualTo(at(2));
	}

	private static Seen seen(String key, int day, int second) {
		return new Seen(new FeedEntry(key, "measure", 1, "done", key, null, LocalDate.of(2026, 12, day)), at(second));
	}

	private static OffsetDateTime at(int second) {
		return UNTIL.minusMinutes(1).plusSeconds(second);
	}

}
