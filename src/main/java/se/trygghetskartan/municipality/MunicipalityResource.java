package se.trygghetskartan.municipality;

import java.util.function.BiConsumer;
import java.util.function.Function;

import se.trygghetskartan.account.Role;
import se.trygghetskartan.history.HistoryService;
import se.trygghetskartan.history.RecordedResource;
import se.trygghetskartan.history.StoredItem;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * A recorded resource whose items belong to municipalities: a new item belongs to the request's
 * municipality ({@code municipality=}, else the default), a request about one item acts in the item's
 * municipality, and only the municipality's planners (and admins, of it, its region or the whole
 * installation) make, change or delete its items (else 403).
 */
public abstract class MunicipalityResource<E extends MunicipalityOwned, D, S extends StoredItem>
		extends RecordedResource<E, D, S> {

	protected final Municipalities municipalities;

	protected MunicipalityResource(String subject, JpaRepository<E, Long> repository, Function<D, E> made,
			BiConsumer<E, D> applied, HistoryService history, Municipalities municipalities) {
		super(subject, repository, made, applied, history);
		this.municipalities = municipalities;
	}

	@Override
	protected void mayChange(E item) {
		item.belongTo(municipalities.currentId());
		municipalities.require(Role.PLANNER, item.getMunicipalityId());
	}

	// A history names who changed what: the municipality's planners read it.
	@Override
	protected void mayReadHistory(E item) {
		municipalities.require(Role.PLANNER, item.getMunicipalityId());
	}

	// A deleted item's, by the municipality its deletion recorded; one deleted before that was recorded,
	// by the installation's planners only.
	@Override
	protected void mayReadDeletedHistory(Long owner) {
		municipalities.requirePlannerOf(owner);
	}

	@Override
	protected Long owner(E item) {
		return item.getMunicipalityId();
	}

	@Override
	protected void entering(E item) {
		municipalities.enter(item.getMunicipalityId());
	}

}
