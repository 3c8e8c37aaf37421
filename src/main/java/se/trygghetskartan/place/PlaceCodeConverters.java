package se.trygghetskartan.place;

import jakarta.persistence.Converter;
import se.trygghetskartan.system.Codes;

final class PlaceCodeConverters {

	private PlaceCodeConverters() {
	}

	@Converter(autoApply = true)
	static class ReasonConverter extends Codes.Converter<PlaceReason> {

		ReasonConverter() {
			super(PlaceReason.class);
		}

	}

	@Converter(autoApply = true)
	static class SourceConverter extends Codes.Converter<PlaceSource> {

		SourceConverter() {
			super(PlaceSource.class);
		}

	}

	@Converter(autoApply = true)
	static class StatusConverter extends Codes.Converter<PlaceStatus> {

		StatusConverter() {
			super(PlaceStatus.class);
		}

	}

}
