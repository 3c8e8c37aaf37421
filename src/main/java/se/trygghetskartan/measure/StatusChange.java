package se.trygghetskartan.measure;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One entry of a measure's public timeline: the status it got, from when, and a note to residents. */
@Embeddable
class StatusChange {

	private MeasureStatus status;

	@Column(name = "changed_on")
	private LocalDate changedOn;

	private String note;

	protected StatusChange() {
	}

	StatusChange(MeasureStatus status, LocalDate changedOn, String note) {
		this.status = status;
		this.changedOn = changedOn;
		this.note = note;
	}

}
