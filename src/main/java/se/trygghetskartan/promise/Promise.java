package se.trygghetskartan.promise;

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
import se.trygghetskartan.municipality.MunicipalityOwned;

@Entity
@Table(name = "promise")
class Promise extends MunicipalityOwned {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private short periodStart;

	private short periodEnd;

	private Party party;

	private String title;

	private String body;

	@ElementCollection
	@CollectionTable(name = "promise_neighbourhood", joinColumns = @JoinColumn(name = "promise_id"))
	@Column(name = "slug")
	private Set<String> focusNeighbourhoods = new LinkedHashSet<>();

	protected Promise() {
	}

	Promise(PromiseDraft draft) {
		apply(draft);
	}

	void apply(PromiseDraft draft) {
		this.periodStart = (short) draft.periodStart();
		this.periodEnd = (short) draft.periodEnd();
		this.party = draft.party();
		this.title = draft.title();
		this.body = draft.body();
		this.focusNeighbourhoods.clear();
		this.focusNeighbourhoods.addAll(draft.focusNeighbourhoods());
	}

	@Override
	public Long getId() {
		return id;
	}

}
