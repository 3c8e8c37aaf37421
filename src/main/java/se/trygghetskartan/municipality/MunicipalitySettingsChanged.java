package se.trygghetskartan.municipality;

/** An admin changed a municipality's settings; published in the transaction that stores them. */
public record MunicipalitySettingsChanged(long municipalityId, long version) {
}
