package se.trygghetskartan.promise;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import se.trygghetskartan.activity.ActivityKind;
import se.trygghetskartan.activity.OperationKind;
import se.trygghetskartan.system.TrackedEntity;

@Entity
@Table(name = "commitment")
class Commitment extends TrackedEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long promiseId;

	private int position;

	private Party party;

	private String text;

	private Integer targetCount;

	@Convert(converter = PromiseConverters.TargetActivityConverter.class)
	private ActivityKind targetActivity;

	@Convert(converter = PromiseConverters.TargetOperationConverter.class)
	private OperationKind targetOperationKind;

	private int weight;

	protected Commitment() {
	}

	Commitment(CommitmentDraft draft) {
		apply(draft);
	}

	void apply(CommitmentDraft draft) {
		this.promiseId = draft.promiseId();
		this.position = draft.position();
		this.party = draft.party();
		this.text = draft.text();
		this.targetCount = draft.targetCount();
		this.targetActivity = draft.targetActivity();
		this.targetOperationKind = draft.targetOperationKind();
		this.weight = draft.weight();
	}

	@Override
	public Long getId() {
		return id;
	}

	long getPromiseId() {
		return promiseId;
	}

}
