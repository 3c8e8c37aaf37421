package se.trygghetskartan.place;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.locationtech.jts.geom.Geometry;
import se.trygghetskartan.municipality.MunicipalityOwned;

@Entity
@Table(name = "unsafe_place")
class UnsafePlace extends MunicipalityOwned {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	private String description;

	private Geometry geom;

	private PlaceSource source;

	private PlaceStatus status;

	private boolean published = true;

	@ElementCollection
	@CollectionTable(name = "unsafe_place_reason", joinColumns = @JoinColumn(name = "place_id"))
	@Column(name = "reason")
	private Set<PlaceReason> reasons = new LinkedHashSet<>();

	protected UnsafePlace() {
	}

	UnsafePlace(PlaceDraft draft) {
		apply(draft);
	}

	void apply(PlaceDraft draft) {
		this.name = draft.name();
		this.description = draft.description();
		this.geom = draft.geometry();
		this.source = draft.source();
		this.status = draft.status();
		// Left out, it stays as it is: a script's edit must not publish a draft by accident.
		if (draft.published() != null) {
			this.published = draft.published();
		}
		this.reasons.clear();
		this.reasons.addAll(draft.reasons());
	}

	PlaceStatus getStatus() {
		return status;
	}

	void setStatus(PlaceStatus status) {
		this.status = status;
	}

	void publish(boolean published) {
		this.published = published;
	}

	@Override
	public Long getId() {
		return id;
	}

}
