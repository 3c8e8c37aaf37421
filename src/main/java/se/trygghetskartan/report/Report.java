package se.trygghetskartan.report;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import se.trygghetskartan.municipality.MunicipalityOwned;
import se.trygghetskartan.system.Codes;
import se.trygghetskartan.system.ConflictException;

/**
 * A report as moderation changes it: its status, what it became, its text and the planner's note.
 * What the resident sent besides (pin, reasons, times, e-mail address) is stored by SQL and never
 * changed, so it is not mapped here.
 */
@Entity
@Table(name = "report")
class Report extends MunicipalityOwned {

	@Id
	private Long id;

	@Convert(converter = StatusConverter.class)
	private ReportStatus status;

	@Convert(converter = RejectionConverter.class)
	private Rejection rejection;

	@Column(name = "place_id")
	private Long placeId;

	private String text;

	private String note;

	@Column(name = "closed_at")
	private Instant closedAt;

	protected Report() {
	}

	@Override
	public Long getId() {
		return id;
	}

	/** It becomes place {@code placeId}, new or one it was merged into. */
	void handle(ReportStatus status, Long placeId, Rejection rejection, String note) {
		requireReceived();
		this.status = status;
		this.placeId = placeId;
		this.rejection = rejection;
		this.note = note;
		this.closedAt = Instant.now();
	}

	/** The planner's edit of the text (personal data taken out); the original stays in the history. */
	void editText(String text, String note) {
		this.text = text;
		this.note = note;
	}

	void requireReceived() {
		if (status != ReportStatus.RECEIVED) {
			throw new ConflictException(ReportError.ALREADY_HANDLED, "status", Codes.of(status));
		}
	}

	@Converter
	static class StatusConverter extends Codes.Converter<ReportStatus> {

		StatusConverter() {
			super(ReportStatus.class);
		}

	}

	@Converter
	static class RejectionConverter extends Codes.Converter<Rejection> {

		RejectionConverter() {
			super(Rejection.class);
		}

	}

}
