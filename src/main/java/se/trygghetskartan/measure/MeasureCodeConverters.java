package se.trygghetskartan.measure;

import jakarta.persistence.Converter;
import se.trygghetskartan.system.Codes;

final class MeasureCodeConverters {

	private MeasureCodeConverters() {
	}

	@Converter(autoApply = true)
	static class TypeConverter extends Codes.Converter<MeasureType> {

		TypeConverter() {
			super(MeasureType.class);
		}

	}

	@Converter(autoApply = true)
	static class OwnerConverter extends Codes.Converter<MeasureOwner> {

		OwnerConverter() {
			super(MeasureOwner.class);
		}

	}

	@Converter(autoApply = true)
	static class StatusConverter extends Codes.Converter<MeasureStatus> {

		StatusConverter() {
			super(MeasureStatus.class);
		}

	}

}
