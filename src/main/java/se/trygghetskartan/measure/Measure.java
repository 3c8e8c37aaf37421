package se.trygghetskartan.measure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.locationtech.jts.geom.Geometry;
import se.trygghetskartan.municipality.MunicipalityOwned;

@Entity
@Table(name = "measure")
class Measure extends MunicipalityOwned {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String title;

	private String description;

	private MeasureType type;

	private MeasureOwner owner;

	private MeasureStatus status;

	private String rejectionReason;

	private LocalDate plannedStart;

	private LocalDate plannedEnd;

	private LocalDate completedOn;

	private Geometry geom;

	private boolean published = true;

	// Places belong to another module: linked by id, the database keeps the links consistent. The
	// commitments it fulfils are the promise module's to keep (MeasureCommitments).
	@ElementCollection
	@CollectionTable(name = "measure_place", joinColumns = @JoinColumn(name = "measure_id"))
	@Column(name = "place_id")
	private Set<Long> placeIds = new LinkedHashSet<>();

	// The public timeline, appended to and never rewritten: its entries are what residents were told.
	@ElementCollection
	@CollectionTable(name = "measure_status_change", joinColumns = @JoinColumn(name = "measure_id"))
	@OrderColumn(name = "position")
	private List<StatusChange> statusChanges = new ArrayList<>();

	protected Measure() {
	}

	Measure(MeasureDraft draft) {
		apply(draft);
	}

	void apply(MeasureDraft draft) {
		// A new status, or a note to residents without one (an update on the work), is a timeline entry.
		if (draft.status() != this.status || draft.statusNote() != null) {
			this.statusChanges.add(new StatusChange(draft.status(), draft.statusChangedOn(), draft.statusNote()));
		}
		this.title = draft.title();
		this.description = draft.description();
		this.type = draft.type();
		this.owner = draft.owner();
		this.status = draft.status();
		this.rejectionReason = draft.rejectionReason();
		this.plannedStart = draft.plannedStart();
		this.plannedEnd = draft.plannedEnd();
		this.completedOn = draft.completedOn();
		this.geom = draft.geometry();
		// Left out, it stays as it is: a script's edit must not publish a draft by accident.
		if (draft.published() != null) {
			this.published = draft.published();
		}
		this.placeIds.clear();
		this.placeIds.addAll(draft.placeIds());
	}

	void publish(boolean published) {
		this.published = published;
	}

	@Override
	public Long getId() {
		return id;
	}

}
