package se.trygghetskartan.survey;

/** What a survey figure measures, its unit, and which direction is better. */
public enum SurveyIndicator {

	/** Share (%) who feel unsafe outdoors late in the evening. */
	UNSAFE_OUTDOORS_NIGHT("percent", true),

	/** A safety index, 0–100. */
	SAFETY_INDEX("index", false),

	/** Share (%) exposed to crime in the last year. */
	EXPOSED_TO_CRIME("percent", true),

	/** Share (%) worried about crime. */
	WORRIED_ABOUT_CRIME("percent", true);

	private final String unit;

	private final boolean lowerIsBetter;

	SurveyIndicator(String unit, boolean lowerIsBetter) {
		this.unit = unit;
		this.lowerIsBetter = lowerIsBetter;
	}

	public String unit() {
		return unit;
	}

	public boolean lowerIsBetter() {
		return lowerIsBetter;
	}

}
