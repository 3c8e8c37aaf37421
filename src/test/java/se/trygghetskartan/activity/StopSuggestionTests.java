package se.trygghetskartan.activity;

import org.junit.jupiter.api.Test;
import se.trygghetskartan.measure.MeasureType;
import se.trygghetskartan.place.PlaceReason;

import static org.assertj.core.api.Assertions.assertThat;

class StopSuggestionTests {

	@Test
	void theNameIsTheFirstClauseOfWhatFeltUnsafeWithACapital() {
		assertThat(StopSuggestion.of("mörkt hörn vid torget, folk samlas här på kvällarna", "Belysning", "Vandring, stopp 1")
			.name()).isEqualTo("Mörkt hörn vid torget");
		assertThat(StopSuggestion.of("  Parkeringen – ingen insyn från husen", "x", "Vandring, stopp 1").name())
			.isEqualTo("Parkeringen");
	}

	@Test
	void aLongFirstClauseIsCutAtAWordWithAnEllipsis() {
		String name = StopSuggestion.of("Gångvägen mellan skolan och idrottsplatsen bakom den gamla pappersbruksfabriken "
				+ "vid ån där ingen går efter mörkrets inbrott", "x", "fallback").name();

		assertThat(name).hasSizeLessThanOrEqualTo(StopSuggestion.NAME_LENGTH).endsWith("…");
		assertThat(name).startsWith("Gångvägen mellan skolan").doesNotContain("  ");
	}

	@Test
	void withoutWordsForTheUnsafeTheFallbackNamesThePlaceAndTheReasonIsOther() {
		StopSuggestion suggestion = StopSuggestion.of(null, "Något", "Kvällsvandring, stopp 3");

		assertThat(suggestion.name()).isEqualTo("Kvällsvandring, stopp 3");
		assertThat(suggestion.reasons()).containsExactly(PlaceReason.OTHER);
		assertThat(suggestion.measureType()).isEqualTo(MeasureType.OTHER);
	}

	@Test
	void reasonsComeFromKeywordsAtTheStartOfWordsInAnyCase() {
		assertThat(StopSuggestion.of("Dålig BELYSNING och sly längs stigen", "x", "f").reasons())
			.containsExactly(PlaceReason.POOR_LIGHTING, PlaceReason.OVERGROWN_VEGETATION);
		assertThat(StopSuggestion.of("Gäng samlas vid kiosken, mycket klotter", "x", "f").reasons())
			.containsExactly(PlaceReason.GATHERING_PLACE, PlaceReason.VANDALISM);
		assertThat(StopSuggestion.of("Bilarna kör för fort vid övergångsstället", "x", "f").reasons())
			.containsExactly(PlaceReason.TRAFFIC);
		assertThat(StopSuggestion.of("Narkotikaförsäljning och rån", "x", "f").reasons())
			.containsExactly(PlaceReason.CRIME_EXPOSED);
		assertThat(StopSuggestion.of("Oklart varför", "x", "f").reasons()).as("no keyword inside a word: 'varför'")
			.containsExactly(PlaceReason.OTHER);
	}

	@Test
	void theMeasureTypeIsTheFirstKindOfMeasureTheProposalNames() {
		assertThat(StopSuggestion.of("x", "Byt armatur och röj slänterna", "f").measureType())
			.isEqualTo(MeasureType.LIGHTING);
		assertThat(StopSuggestion.of("x", "Röj slänterna och byt armatur", "f").measureType())
			.isEqualTo(MeasureType.VEGETATION);
		assertThat(StopSuggestion.of("x", "Polisen ser över belysningen", "f").measureType())
			.as("the police named as who, lighting as what").isEqualTo(MeasureType.LIGHTING);
		assertThat(StopSuggestion.of("x", "Kameraövervakning av cykelparkeringen", "f").measureType())
			.isEqualTo(MeasureType.CAMERA);
		assertThat(StopSuggestion.of("x", "Fler trygghetsvärdar på helgerna", "f").measureType())
			.isEqualTo(MeasureType.SAFETY_HOSTS);
		assertThat(StopSuggestion.of("x", "Prata med fastighetsägaren", "f").measureType()).isEqualTo(MeasureType.OTHER);
		assertThat(StopSuggestion.of("x", "Prata med fastighetsägaren", "f").measureTitle())
			.isEqualTo("Prata med fastighetsägaren");
	}

}
