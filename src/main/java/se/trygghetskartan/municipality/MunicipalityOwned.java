package se.trygghetskartan.municipality;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import se.trygghetskartan.system.TrackedEntity;

/**
 * An item that belongs to one municipality (a place, a measure, an activity, a promise, a district):
 * set when it is made, never changed.
 */
@MappedSuperclass
public abstract class MunicipalityOwned extends TrackedEntity {

	@Column(name = "municipality_id", nullable = false, updatable = false)
	private Long municipalityId;

	/** The municipality it belongs to; null until it is stored. */
	public Long getMunicipalityId() {
		return municipalityId;
	}

	/** Gives a new item its municipality; an item's municipality never changes. */
	public void belongTo(long municipalityId) {
		if (this.municipalityId == null) {
			this.municipalityId = municipalityId;
		}
	}

}
