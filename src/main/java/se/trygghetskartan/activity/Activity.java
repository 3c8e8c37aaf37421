package se.trygghetskartan.activity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.locationtech.jts.geom.Geometry;
import se.trygghetskartan.activity.ActivityVocabulary.ParticipantGroup;
import se.trygghetskartan.activity.ActivityVocabulary.TimeOfDay;
import se.trygghetskartan.municipality.MunicipalityOwned;

@Entity
@Table(name = "activity")
class Activity extends MunicipalityOwned {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private ActivityKind kind;

	private String title;

	private String description;

	private LocalDate startsOn;

	private LocalDate endsOn;

	private TimeOfDay timeOfDay;

	private String format;

	private OperationKind operationKind;

	private boolean published;

	private Geometry geom;

	@ElementCollection
	@CollectionTable(name = "activity_participant", joinColumns = @JoinColumn(name = "activity_id"))
	@MapKeyColumn(name = "participant_group")
	@Column(name = "count")
	private Map<ParticipantGroup, Integer> participants = new LinkedHashMap<>();

	@ElementCollection
	@CollectionTable(name = "activity_neighbourhood", joinColumns = @JoinColumn(name = "activity_id"))
	@Column(name = "slug")
	private Set<String> neighbourhoods = new LinkedHashSet<>();

	// The commitments it fulfils are the promise module's to keep (ActivityCommitments).

	@ElementCollection
	@CollectionTable(name = "activity_place", joinColumns = @JoinColumn(name = "activity_id"))
	@Column(name = "place_id")
	private Set<Long> placeIds = new LinkedHashSet<>();

	@ElementCollection
	@CollectionTable(name = "activity_measure", joinColumns = @JoinColumn(name = "activity_id"))
	@Column(name = "measure_id")
	private Set<Long> measureIds = new LinkedHashSet<>();

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
	@JoinColumn(name = "activity_id", nullable = false)
	@OrderBy("position")
	private List<WalkStop> stops = new ArrayList<>();

	protected Activity() {
	}

	Activity(ActivityDraft draft) {
		apply(draft);
	}

	void apply(ActivityDraft draft) {
		this.kind = draft.kind();
		this.title = draft.title();
		this.description = draft.description();
		this.startsOn = draft.startsOn();
		this.endsOn = draft.endsOn();
		this.timeOfDay = draft.timeOfDay();
		this.format = draft.format();
		this.operationKind = draft.operationKind();
		this.published = draft.published();
		this.geom = draft.geometry();
		this.participants.clear();
		this.participants.putAll(draft.participants());
		replace(this.neighbourhoods, draft.neighbourhoods());
		replace(this.placeIds, draft.placeIds());
		replace(this.measureIds, draft.measureIds());
		applyStops(draft.stops());
	}

	// Stops sent with an id are updated in place (keeping the place and measure made from them);
	// new ones are added; those not sent are removed.
	private void applyStops(List<ActivityDraft.Stop> drafts) {
		Map<Long, WalkStop> existing = new HashMap<>();
		stops.forEach(stop -> existing.put(stop.getId(), stop));
		List<WalkStop> next = new ArrayList<>();
		for (int i = 0; i < drafts.size(); i++) {
			ActivityDraft.Stop draft = drafts.get(i);
			WalkStop stop = draft.id() == null ? null : existing.get(draft.id());
			if (stop == null) {
				stop = new WalkStop(draft, i);
			}
			else {
				stop.apply(draft, i);
			}
			next.add(stop);
		}
		stops.clear();
		stops.addAll(next);
	}

	private static <T> void replace(Set<T> target, Set<T> values) {
		target.clear();
		target.addAll(values);
	}

	@Override
	public Long getId() {
		return id;
	}

	ActivityKind getKind() {
		return kind;
	}

	String getTitle() {
		return title;
	}

	boolean isPublished() {
		return published;
	}

	List<WalkStop> getStops() {
		return stops;
	}

	boolean hasStop(long stopId) {
		return stops.stream().anyMatch(stop -> stop.getId() == stopId);
	}

}
