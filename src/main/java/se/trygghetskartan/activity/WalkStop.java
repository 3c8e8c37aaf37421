package se.trygghetskartan.activity;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.locationtech.jts.geom.Point;
import se.trygghetskartan.activity.ActivityVocabulary.Priority;
import se.trygghetskartan.activity.ActivityVocabulary.Responsible;

@Entity
@Table(name = "walk_stop")
class WalkStop {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private int position;

	private Point geom;

	private String unsafe;

	private String safe;

	private String proposedMeasure;

	private Responsible responsible;

	private Priority priority;

	private LocalDate deadline;

	// Set once, when the planner turns the stop into a place and a proposed measure.
	private Long placeId;

	private Long measureId;

	protected WalkStop() {
	}

	WalkStop(ActivityDraft.Stop stop, int position) {
		apply(stop, position);
	}

	void apply(ActivityDraft.Stop stop, int position) {
		this.position = position;
		this.geom = stop.point();
		this.unsafe = stop.unsafe();
		this.safe = stop.safe();
		this.proposedMeasure = stop.proposedMeasure();
		this.responsible = stop.responsible();
		this.priority = stop.priority();
		this.deadline = stop.deadline();
		if (stop.placeId() != null) {
			this.placeId = stop.placeId();
		}
		if (stop.measureId() != null) {
			this.measureId = stop.measureId();
		}
	}

	Long getId() {
		return id;
	}

	int getPosition() {
		return position;
	}

	Point getGeom() {
		return geom;
	}

	String getUnsafe() {
		return unsafe;
	}

	String getProposedMeasure() {
		return proposedMeasure;
	}

	Responsible getResponsible() {
		return responsible;
	}

	Long getPlaceId() {
		return placeId;
	}

	void linkTo(long place, long measure) {
		this.placeId = place;
		this.measureId = measure;
	}

}
